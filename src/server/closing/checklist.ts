import type { ChecklistItem, ChecklistKey } from '../../contract/closing.ts';
import { listPendingActionsWithoutHandover } from '../actions/repository.ts';
import type { Db } from '../db/schema.ts';
import { deliveriesOfReport } from '../distribution/repository.ts';
import { diversionsInForce } from '../diversions/repository.ts';
import { findLatestChange } from '../readiness/repository.ts';
import { type ReportRow, latestPublishedOfKind } from '../reports/repository.ts';
import { seriesWithoutFinal } from '../reports/series.ts';

/** What must be true before an event closes, judged at `now` from the records the staff keeps. */
export async function closingChecklist(
  db: Db,
  eventId: number,
  options: { now: string; includeInternal: boolean },
): Promise<ChecklistItem[]> {
  const finalReport = await latestPublishedOfKind(db, eventId, 'final');
  return [
    item('final_report', await finalReportMissing(db, eventId, finalReport)),
    item('actions_handed_over', await unhandedActions(db, eventId, options.includeInternal)),
    item('diversions_ended', await diversionsStillInForce(db, eventId, options.now)),
    item('readiness_normal', await readinessNotNormal(db, eventId)),
    item('distribution_told', await distributionNotTold(db, finalReport?.id)),
  ];
}

/** A final report in each series the event has published reports in, or at least one. */
async function finalReportMissing(db: Db, eventId: number, latestFinal: ReportRow | undefined) {
  const open = (await seriesWithoutFinal(db, eventId)).map((series) => `”${series}”`);
  if (open.length > 0) {
    const named = new Intl.ListFormat('sv', { type: 'conjunction' }).format(open);
    return `${open.length === 1 ? 'Serien' : 'Serierna'} ${named} har ingen publicerad slutrapport.`;
  }
  return latestFinal ? null : 'Ingen slutrapport har publicerats.';
}

function item(key: ChecklistKey, missing: string | null): ChecklistItem {
  return { key, ok: missing === null, missing };
}

async function unhandedActions(db: Db, eventId: number, includeInternal: boolean) {
  const actions = await listPendingActionsWithoutHandover(db, eventId);
  if (actions.length === 0) return null;
  const named = actions
    .filter((action) => includeInternal || action.internal === 0)
    .map((action) => `”${action.text}”`);
  const count =
    actions.length === 1
      ? 'En åtgärd som inte är klar'
      : `${actions.length} åtgärder som inte är klara`;
  const list = named.length > 0 ? `: ${named.join(', ')}` : '';
  return `${count} saknar en namngiven mottagare utanför staben${list}.`;
}

async function diversionsStillInForce(db: Db, eventId: number, now: string) {
  const diversions = await diversionsInForce(db, eventId, now, { includeInternal: true });
  if (diversions.length === 0) return null;
  return diversions.length === 1
    ? 'En omstyrning av patienter gäller fortfarande.'
    : `${diversions.length} omstyrningar av patienter gäller fortfarande.`;
}

async function readinessNotNormal(db: Db, eventId: number) {
  const latest = await findLatestChange(db, eventId, null);
  if (!latest || latest.level === 'normal') return null;
  return `Händelsens beredskapsnivå är ${latest.level}; den ska vara tillbaka på normal.`;
}

/**
 * The records cannot prove that people were told in any other way, so "distribution told" means:
 * the final report, which is where the staff announces the close, has been sent by e-mail to at
 * least one distribution list (a delivery with a list that the outbox has marked as sent).
 */
async function distributionNotTold(db: Db, finalReportId: number | undefined) {
  if (finalReportId === undefined)
    return 'Ingen slutrapport har skickats till en sändlista, eftersom ingen är publicerad.';
  const toLists = (await deliveriesOfReport(db, finalReportId)).filter(
    (delivery) => delivery.list_id !== null,
  );
  if (toLists.length === 0) return 'Slutrapporten har inte skickats till någon sändlista.';
  if (!toLists.some((delivery) => delivery.state === 'sent'))
    return 'Utskicket av slutrapporten till sändlistan har inte gått iväg än.';
  return null;
}
