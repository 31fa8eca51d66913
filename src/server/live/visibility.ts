import type { SituationViewer } from '../situations/service.ts';
import type { Change } from './feed.ts';

/**
 * Kinds of item that a caller who reads no internal items (a reader) can read, when the item is
 * public; changes to anything else (reports in progress, templates, grants, integrations…) are
 * not theirs to hear about.
 */
const readableWithoutInternal = new Set([
  'event',
  'unit',
  'facility',
  'log_entry',
  'decision',
  'action',
  'risk',
  'meeting',
  'forum',
  'milestone',
  'readiness_change',
  'unit_situation',
  'input_request',
  'figure',
  'figure_observation',
  'figure_import',
  'figure_push',
  'diversion',
  'communication_activity',
  'media_picture',
  'spokesperson',
]);

/** Whether a change may be sent to a caller: only changes to what they may read. */
export function mayReceive(change: Change, viewer: SituationViewer): boolean {
  const { draftOfUnit } = change;
  if (draftOfUnit !== null && viewer.draftUnits !== 'all') {
    if (!viewer.draftUnits.includes(draftOfUnit)) return false;
  }
  if (viewer.includeInternal) return true;
  if (change.internal) return false;
  return readableWithoutInternal.has(change.kind) || change.action === 'report.publish';
}
