import type { EventRow } from '../events/repository.ts';
import type { Actor } from '../http/actor.ts';
import type { ReportRow } from './repository.ts';

/** What a new draft is: its numbers, kind, template and title, compiled at an instant. */
export interface DraftIdentity {
  number: number;
  kind: ReportRow['kind'];
  series: string;
  seriesNumber: number;
  templateId: number;
  title: string;
  compiledAt: string;
}

/**
 * The row a new draft report starts as, whether it is stored (starting a report) or only read
 * (a template's preview): its live picture is drawn from the previous published report's
 * compilation on, or from the event's activation.
 */
export function draftReportRow(
  event: EventRow,
  previous: ReportRow | undefined,
  actor: Actor,
  draft: DraftIdentity,
): Omit<ReportRow, 'id' | 'version'> {
  return {
    event_id: event.id,
    number: draft.number,
    revision: 1,
    kind: draft.kind,
    series: draft.series,
    series_number: draft.seriesNumber,
    template_id: draft.templateId,
    title: draft.title,
    state: 'draft',
    period_start: previous?.compiled_at ?? event.activated_at,
    compiled_at: draft.compiledAt,
    corrects_report_id: null,
    return_comment: null,
    approved_by: null,
    approved_at: null,
    published_by: null,
    published_at: null,
    created_by: actor.userId,
    created_at: draft.compiledAt,
    updated_by: actor.userId,
    updated_at: draft.compiledAt,
  };
}
