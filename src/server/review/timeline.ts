import { type TimelineEntry, type TimelineKind, timelineKinds } from '../../contract/review.ts';
import { allDecisions } from '../decisions/repository.ts';
import type { Db } from '../db/schema.ts';
import { type ReportLanguage, reportWording } from '../../core/report-wording.ts';
import { reviewWording } from '../../core/review-wording.ts';
import { isoInstant } from '../../core/time.ts';
import { allDiversions } from '../diversions/repository.ts';
import { allLogEntries } from '../log/repository.ts';
import { listAllChanges } from '../readiness/repository.ts';
import { publishedReports } from '../reports/repository.ts';
import { calendarDate, diversionCategories } from '../reports/wording.ts';
import { allRisks, assessmentsOf } from '../risks/repository.ts';
import { listFacilities, listUnits } from '../units/repository.ts';
import { listMeetingsBetween } from '../meetings/repository.ts';
import { listMilestoneChanges } from '../milestones/repository.ts';

export type { TimelineEntry };

export interface TimelineScope {
  eventId: number;
  includeInternal: boolean;
  /** ISO UTC bounds, from inclusive and to exclusive. */
  from?: string;
  to?: string;
  /** The language the entries are worded in. */
  language: ReportLanguage;
}

export interface TimelineFilter {
  kinds?: readonly TimelineKind[];
  from?: string;
  to?: string;
  q?: string;
}

const everFrom = '1970-01-01T00:00:00.000Z';
const everTo = '9999-12-31T23:59:59.999Z';

type TimelineSource = (db: Db, scope: TimelineScope) => Promise<TimelineEntry[]>;

/** One entry per kind; a new capability joins the timeline by adding its source here. */
const sources: Record<TimelineKind, TimelineSource> = {
  log: logSource,
  decision: decisionSource,
  diversion: diversionSource,
  readiness: readinessSource,
  report: reportSource,
  risk: riskSource,
  milestone: milestoneSource,
  meeting: meetingSource,
};

/** The whole event in time order, oldest first, as the filter narrows it. */
export async function eventTimeline(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  filter: TimelineFilter,
  language: ReportLanguage = 'sv',
): Promise<TimelineEntry[]> {
  const scope: TimelineScope = {
    eventId,
    includeInternal,
    from: filter.from,
    to: filter.to,
    language,
  };
  const kinds = filter.kinds ?? timelineKinds;
  const lists = await Promise.all(kinds.map((kind) => sources[kind](db, scope)));
  const needle = filter.q?.toLocaleLowerCase('sv');
  return lists
    .flat()
    .filter((entry) => (includeInternal || !entry.internal) && withinScope(entry.at, scope))
    .filter((entry) => !needle || matches(entry, needle))
    .sort(byTime);
}

function withinScope(at: string, scope: TimelineScope): boolean {
  return (!scope.from || at >= scope.from) && (!scope.to || at < scope.to);
}

function matches(entry: TimelineEntry, needle: string): boolean {
  return `${entry.title}\n${entry.summary}`.toLocaleLowerCase('sv').includes(needle);
}

function byTime(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (a.kind !== b.kind) return timelineKinds.indexOf(a.kind) - timelineKinds.indexOf(b.kind);
  return a.target.id - b.target.id;
}

async function logSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const rows = await allLogEntries(db, scope.eventId, scope);
  const words = reviewWording(scope.language).entries;
  return rows.map((row) => ({
    at: isoInstant(row.occurred_at),
    kind: 'log',
    title: row.significant === 1 ? words.significantLog : words.log,
    summary: row.struck_at
      ? `${row.text} ${struckNote(row.strike_reason, words.struck)}`
      : row.text,
    target: { kind: 'log_entry', id: row.id },
    internal: row.internal === 1,
  }));
}

function struckNote(reason: string | null, struck: string): string {
  return reason ? `[${struck}: ${reason}]` : `[${struck}]`;
}

async function decisionSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const rows = await allDecisions(db, scope.eventId, scope);
  const words = reviewWording(scope.language).entries;
  return rows.map((row) => ({
    at: isoInstant(row.decided_at),
    kind: 'decision',
    title: words.decision(row.forum),
    summary: row.text,
    target: { kind: 'decision', id: row.id },
    internal: row.internal === 1,
  }));
}

/** A diversion appears twice: when it starts and, once it has, when it ends. */
async function diversionSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const [rows, facilities] = await Promise.all([
    allDiversions(db, scope.eventId, scope),
    listFacilities(db),
  ]);
  const names = new Map(facilities.map((facility) => [facility.id, facility.name]));
  const words = reviewWording(scope.language).entries;
  const categoryWords = reportWording(scope.language);
  return rows.flatMap((row) => {
    const facility = names.get(row.facility_id) ?? words.someFacility(row.facility_id);
    const categories = diversionCategories(JSON.parse(row.categories) as string[], categoryWords);
    const what = words.diverted(categories, row.redirected_to);
    const common = {
      kind: 'diversion' as const,
      target: { kind: 'diversion', id: row.id },
      internal: row.internal === 1,
    };
    const start = {
      ...common,
      at: isoInstant(row.starts_at),
      title: words.diversionStarts(facility),
      summary: [what, row.note].filter(Boolean).join(' '),
    };
    if (!row.ends_at) return [start];
    const end = {
      ...common,
      at: isoInstant(row.ends_at),
      title: words.diversionEnds(facility),
      summary: what,
    };
    return [start, end];
  });
}

async function readinessSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const [rows, units] = await Promise.all([
    listAllChanges(db, scope.eventId, scope.includeInternal),
    listUnits(db),
  ]);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const words = reviewWording(scope.language).entries;
  return rows.map((row) => ({
    at: isoInstant(row.changed_at),
    kind: 'readiness',
    title:
      row.unit_id === null
        ? words.eventReadiness(row.level)
        : words.unitReadiness(names.get(row.unit_id) ?? words.someUnit(row.unit_id), row.level),
    summary: row.reason,
    target: { kind: 'readiness_change', id: row.id },
    internal: row.internal === 1,
  }));
}

async function reportSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const rows = await publishedReports(db, scope.eventId);
  const words = reviewWording(scope.language).entries;
  return rows.map((row) => ({
    at: isoInstant(row.published_at!),
    kind: 'report',
    title:
      row.revision > 1 ? words.correction(row.number, row.revision) : words.published(row.number),
    summary: row.title,
    target: { kind: 'report', id: row.id },
    internal: false,
  }));
}

/** The first assessment of a risk is when it was identified; later ones are reassessments. */
async function riskSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const risks = await allRisks(db, scope.eventId, scope.includeInternal);
  const history = await assessmentsOf(
    db,
    risks.map((risk) => risk.id),
  );
  const words = reviewWording(scope.language).entries;
  return risks.flatMap((risk) =>
    history.get(risk.id)!.map((assessment, index) => ({
      at: isoInstant(assessment.assessed_at),
      kind: 'risk' as const,
      title: index === 0 ? words.riskAssessed(risk.title) : words.riskReassessed(risk.title),
      summary: [words.riskScores(assessment.likelihood, assessment.consequence), assessment.comment]
        .filter(Boolean)
        .join(' '),
      target: { kind: 'risk', id: risk.id },
      internal: risk.internal === 1,
    })),
  );
}

/** PostgreSQL and SQLite agree on the instant but not always on its spelling. */
async function milestoneSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const changes = await listMilestoneChanges(
    db,
    scope.eventId,
    scope.from ?? everFrom,
    scope.to ?? everTo,
  );
  const words = reviewWording(scope.language).entries;
  const dateWords = reportWording(scope.language);
  const dateOf = (date: string) => calendarDate(date, dateWords);
  return changes.map((change) => ({
    at: isoInstant(change.changed_at),
    kind: 'milestone' as const,
    title:
      change.kind === 'moved'
        ? words.milestoneMoved(change.title)
        : words.milestoneReached(change.title),
    summary:
      change.kind === 'moved'
        ? `${words.movedFrom(dateOf(change.previous_on!), dateOf(change.new_on!))} ${change.reason}`.trim()
        : change.reason,
    target: { kind: 'milestone', id: change.milestone_id },
    internal: change.internal === 1,
  }));
}

async function meetingSource(db: Db, scope: TimelineScope): Promise<TimelineEntry[]> {
  const meetings = await listMeetingsBetween(db, scope.eventId, {
    includeInternal: scope.includeInternal,
    from: scope.from ?? everFrom,
    to: scope.to ?? everTo,
  });
  const words = reviewWording(scope.language).entries;
  return meetings.map((meeting) => ({
    at: isoInstant(meeting.starts_at),
    kind: 'meeting' as const,
    title: words.meeting(meeting.title),
    summary: meeting.minutes || meeting.agenda,
    target: { kind: 'meeting', id: meeting.id },
    internal: meeting.internal === 1,
  }));
}
