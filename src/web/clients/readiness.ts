// The event's readiness level (src/server/readiness/).
import type {
  ReadinessChange,
  ReadinessInput,
  ReadinessLevel,
  ReadinessOverview,
} from '../../contract/readiness.ts';
import { allOf } from '../exhaustive.ts';
import { eventPath, request } from '../api.ts';

export const readinessLevels = allOf<ReadinessLevel>()([
  'normal',
  'stabsläge',
  'förstärkningsläge',
  'katastrofläge',
]);

export const readinessApi = {
  overview: (eventId: number, historyLimit?: number) =>
    request<ReadinessOverview>('GET', `${eventPath(eventId)}/readiness`, undefined, {
      historyLimit,
    }),
  /** Sets the event's level (unitId null) or one unit's. */
  set: (eventId: number, unitId: number | null, input: ReadinessInput) =>
    request<ReadinessChange>(
      'POST',
      `${eventPath(eventId)}${unitId === null ? '' : `/units/${unitId}`}/readiness`,
      input,
    ),
};
