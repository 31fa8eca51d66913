import { formatCompiledLine, formatDate, formatDateTime } from '../core/time.ts';

/** Everything the Word and PDF versions of an after-action review show, already filtered. */
export interface ReviewDocument {
  eventName: string;
  isExercise: boolean;
  /** ISO UTC; `closedAt` is null while the event is still active. */
  activatedAt: string;
  closedAt: string | null;
  compiledAt: string;
  /** The event's IANA time zone: every date and time of the review is read in it. */
  timeZone: string;
  includesInternal: boolean;
  /** Human words for the filter the timeline was drawn with, e.g. "Beslut; 2024-11-01 – 2024-11-30". */
  filterDescription: string;
  timeline: ReviewTimelineEntry[];
  lessons: ReviewLesson[];
}

export interface ReviewTimelineEntry {
  at: string;
  kind: string;
  title: string;
  summary: string;
  internal: boolean;
}

export interface ReviewLesson {
  observation: string;
  recommendation: string;
  owner: string;
  state: string;
  category: string | null;
}

export const REVIEW_KIND_LABELS: Record<string, string> = {
  log: 'Loggbok',
  decision: 'Beslut',
  diversion: 'Omstyrning',
  readiness: 'Beredskap',
  report: 'Rapport',
  risk: 'Risk',
  milestone: 'Milstolpe',
  meeting: 'Möte',
};

export const LESSON_STATE_LABELS: Record<string, string> = {
  open: 'Öppen',
  in_progress: 'Pågår',
  done: 'Klar',
};

export const REVIEW_HEADINGS = {
  summary: 'Sammanfattning',
  timeline: 'Tidslinje',
  lessons: 'Lärdomar',
};

export const INTERNAL_REVIEW_NOTE =
  'Innehåller interna uppgifter som inte får spridas utanför krisorganisationen.';

export function reviewTitle(document: ReviewDocument): string {
  return `Efterhandsanalys: ${document.eventName}`;
}

export function periodLine(document: ReviewDocument): string {
  const dateOf = (instant: string) => formatDate(new Date(instant), document.timeZone);
  const end = document.closedAt ? dateOf(document.closedAt) : 'pågår';
  return `Händelsens period: ${dateOf(document.activatedAt)} – ${end}`;
}

export function reviewCompiledLine(document: ReviewDocument): string {
  return formatCompiledLine(new Date(document.compiledAt), 'sv', document.timeZone);
}

/** The counts under "Sammanfattning", as label and number. */
export function summaryRows(document: ReviewDocument): [string, string][] {
  const perKind = Object.entries(REVIEW_KIND_LABELS).flatMap(([kind, label]) => {
    const count = document.timeline.filter((entry) => entry.kind === kind).length;
    return count === 0 ? [] : [[label, String(count)] as [string, string]];
  });
  const open = document.lessons.filter((lesson) => lesson.state !== 'done').length;
  return [
    ['Händelser i tidslinjen', String(document.timeline.length)],
    ...perKind,
    ['Lärdomar', String(document.lessons.length)],
    ['Lärdomar som inte är klara', String(open)],
  ];
}

export const TIMELINE_COLUMNS = ['Tid', 'Slag', 'Händelse'];

export function timelineTime(entry: ReviewTimelineEntry, timeZone: string): string {
  return formatDateTime(new Date(entry.at), timeZone);
}

export function timelineKind(entry: ReviewTimelineEntry): string {
  const label = REVIEW_KIND_LABELS[entry.kind] ?? entry.kind;
  return entry.internal ? `${label} (intern)` : label;
}

export function lessonHeading(lesson: ReviewLesson, index: number): string {
  return lesson.category ? `Lärdom ${index + 1}: ${lesson.category}` : `Lärdom ${index + 1}`;
}

/** Label and text of each part of a lesson, empty parts left out. */
export function lessonFacts(lesson: ReviewLesson): [string, string][] {
  const facts: [string, string][] = [
    ['Iakttagelse', lesson.observation],
    ['Rekommendation', lesson.recommendation],
    ['Ansvarig', lesson.owner],
    ['Status', LESSON_STATE_LABELS[lesson.state] ?? lesson.state],
  ];
  return facts.filter(([, text]) => text !== '');
}
