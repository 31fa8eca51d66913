// The event's status and prognosis scales (src/server/scales/).
import type { EventScales, LevelInput, Scale, ScaleKind } from '../../contract/scales.ts';
import { eventPath, request } from '../api.ts';
import { allOf } from '../exhaustive.ts';

export const scaleKinds = allOf<ScaleKind>()(['status', 'prognosis']);
/** The most active levels a scale may have (the server's rule, src/contract/scales.ts). */
export const maxActiveLevels = 6;

export const scalesApi = {
  get: (eventId: number) => request<EventScales>('GET', `${eventPath(eventId)}/scales`),
  save: (eventId: number, kind: ScaleKind, body: { version: number; levels: LevelInput[] }) =>
    request<Scale>('PUT', `${eventPath(eventId)}/scales/${kind}`, body),
};
