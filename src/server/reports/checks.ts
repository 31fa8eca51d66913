// The checks before a report leaves the staff: warnings the workflow screens show and the user
// confirms, never a refusal.
import { type Granularity, type Period, periodOf, shortPeriodLabel } from '../../core/time.ts';
import type { ReportWarning } from '../../contract/reports.ts';
import type { Db } from '../db/schema.ts';
import type { EventRow } from '../events/repository.ts';
import { figuresForReport } from '../figures/report-contribution.ts';
import { type SituationRow, situationsForReport } from '../situations/report-contribution.ts';
import { reportPeriod } from './compile.ts';
import { type ReportRow, type SectionRow, publishedFinalOfSeries } from './repository.ts';
import type { StoredData } from './snapshot.ts';

export async function reportWarnings(
  db: Db,
  event: EventRow,
  report: ReportRow,
  sections: SectionRow[],
): Promise<ReportWarning[]> {
  const period = reportPeriod(event, report);
  const label = (key: string) => shortPeriodLabel(key, 'sv', new Date(), event.time_zone);
  return [
    ...emptySections(sections),
    ...(await unitWarnings(db, event, period, sections, label)),
    ...(await oldKeyFigures(db, event, report, period, sections, label)),
    ...(await closedSeries(db, report)),
  ];
}

/** A section with no text, no data in either version and nothing below it. */
function emptySections(sections: SectionRow[]): ReportWarning[] {
  const parents = new Set(sections.map((section) => section.parent_key));
  return sections
    .filter((section) => {
      const data = JSON.parse(section.data_json) as StoredData;
      return (
        section.text.trim() === '' &&
        data.public.length === 0 &&
        data.internal.length === 0 &&
        !parents.has(section.key)
      );
    })
    .map((section) => ({
      code: 'empty_section',
      message: `Avsnittet ”${section.title}” är tomt.`,
      sectionKey: section.key,
    }));
}

/**
 * The units expected for the period that have not reported for it, and the unit sections that
 * show an earlier period's return instead.
 */
async function unitWarnings(
  db: Db,
  event: EventRow,
  period: Period,
  sections: SectionRow[],
  label: (key: string) => string,
): Promise<ReportWarning[]> {
  const situations = situationsForReport(db, event.id);
  const sectionOfUnit = new Map(
    sections.filter((section) => section.unit_id !== null).map((s) => [s.unit_id!, s]),
  );
  const expected = await situations.expectedUnits(period.key);
  const unitIds = [...new Set([...expected.map((unit) => unit.id), ...sectionOfUnit.keys()])];
  const warnings: ReportWarning[] = [];
  for (const unitId of unitIds) {
    const reported = (await situations.ofUnit(unitId)).filter(isReported);
    if (reported.some((row) => row.period === period.key)) continue;
    const section = sectionOfUnit.get(unitId);
    const unit = expected.find((candidate) => candidate.id === unitId);
    if (unit) {
      warnings.push({
        code: 'unit_not_reported',
        message: `${unit.name} har inte rapporterat för ${label(period.key)}.`,
        ...(section && { sectionKey: section.key }),
      });
    }
    const earlier = reported.find((row) => row.period < period.key);
    if (section && earlier) {
      warnings.push({
        code: 'old_unit_data',
        message: `Avsnittet ”${section.title}” visar uppgifter från ${label(earlier.period)}, inte från ${label(period.key)}.`,
        sectionKey: section.key,
      });
    }
  }
  return warnings;
}

function isReported(row: SituationRow): boolean {
  return row.state === 'submitted' || row.state === 'accepted';
}

/** Key figures in the report whose newest value is from before the report's period. */
async function oldKeyFigures(
  db: Db,
  event: EventRow,
  report: ReportRow,
  period: Period,
  sections: SectionRow[],
  label: (key: string) => string,
): Promise<ReportWarning[]> {
  const section = sections.find(showsKeyFigures);
  if (!section) return [];
  const { figures } = await figuresForReport(db, event.id, report.compiled_at);
  const granularity = event.period_granularity as Granularity;
  return figures.flatMap(({ figure, observations }) => {
    const newest = observations.at(-1);
    if (!newest || new Date(newest.observed_at) >= period.start) return [];
    const newestPeriod = periodOf(new Date(newest.observed_at), granularity, event.time_zone);
    return [
      {
        code: 'old_key_figure' as const,
        message: `Nyckeltalet ”${figure.name}” har inget värde för ${label(period.key)}; det senaste är från ${label(newestPeriod.key)}.`,
        sectionKey: section.key,
      },
    ];
  });
}

function showsKeyFigures(section: SectionRow): boolean {
  return (
    section.kind === 'key_figures' ||
    (JSON.parse(section.includes_json) as string[]).includes('key_figures')
  );
}

/**
 * A final report already published closes the report's series; a correction of that final report
 * is not a report after it.
 */
async function closedSeries(db: Db, report: ReportRow): Promise<ReportWarning[]> {
  const final = await publishedFinalOfSeries(db, report.event_id, report.series);
  if (!final || final.number === report.number) return [];
  return [
    {
      code: 'series_closed',
      message: `Slutrapporten (nummer ${final.series_number}) är redan publicerad: rapportserien är avslutad.`,
    },
  ];
}
