// The event's milestones (src/server/milestones/).
import type { Milestone, MilestoneList } from '../../contract/milestones.ts';
import { type Body, eventPath, request } from '../api.ts';

const milestones = (eventId: number) => `${eventPath(eventId)}/milestones`;

export const milestonesApi = {
  list: (eventId: number) => request<MilestoneList>('GET', milestones(eventId)),
  create: (eventId: number, body: Body) => request<Milestone>('POST', milestones(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<Milestone>('PATCH', `${milestones(eventId)}/${id}`, body),
  move: (eventId: number, id: number, body: Body) =>
    request<Milestone>('POST', `${milestones(eventId)}/${id}/move`, body),
  reach: (eventId: number, id: number, body: Body) =>
    request<Milestone>('POST', `${milestones(eventId)}/${id}/reach`, body),
};
