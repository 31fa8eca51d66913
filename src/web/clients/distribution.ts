// Distribution lists, the signed-in user's own subscription, the e-mail outbox and whether a mail
// server is configured (src/server/distribution/).
import type {
  Delivery,
  DistributionList,
  MailStatus,
  OutboxItem,
} from '../../contract/distribution.ts';
import type { Page } from '../../contract/list.ts';
import { allOf } from '../exhaustive.ts';
import { type Body, eventPath, request } from '../api.ts';

/** Who a list's readers are: inside the region, or the public. */
export const listAudiences = allOf<DistributionList['audience']>()(['internal', 'public']);

/** The states of an e-mail in the outbox, in the order a filter offers them. */
export const deliveryStates = allOf<Delivery['state']>()(['failed', 'pending', 'sending', 'sent']);

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
  mailStatus: () => request<MailStatus>('GET', '/api/mail-status'),
  outbox: (eventId: number, query: { state?: Delivery['state']; limit: number; offset: number }) =>
    request<Page<OutboxItem>>('GET', `${eventPath(eventId)}/outbox`, undefined, query),
  resend: (eventId: number, deliveryId: number) =>
    request<Delivery>('POST', `${eventPath(eventId)}/deliveries/${deliveryId}/resend`),
};
