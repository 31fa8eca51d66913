// Distribution lists and the signed-in user's own subscription (src/server/distribution/).
import type { DistributionList } from '../../contract/distribution.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, eventPath, request } from '../api.ts';

/** Who a list's readers are: inside the region, or the public. */
export const listAudiences = allOf<DistributionList['audience']>()(['internal', 'public']);

type Subscription = { subscribed: boolean; email: string | null };
const lists = (eventId: number) => `${eventPath(eventId)}/distribution-lists`;

export const distributionApi = {
  lists: (eventId: number) => request<{ items: DistributionList[] }>('GET', lists(eventId)),
  create: (eventId: number, body: Body) => request<DistributionList>('POST', lists(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<DistributionList>('PUT', `${lists(eventId)}/${id}`, body),
  subscription: (eventId: number) =>
    request<Subscription>('GET', `${eventPath(eventId)}/subscription`),
  subscribe: (eventId: number) =>
    request<Subscription>('POST', `${eventPath(eventId)}/subscription`),
};
