import { type ReportLanguage, type ReportWording, reportWording } from '../core/report-wording.ts';
import { type ReviewWording, reviewWording } from '../core/review-wording.ts';
import { formatCompiledLine, formatDate, formatDateTime } from '../core/time.ts';

/** Everything the Word and PDF versions of an after-action review show, already filtered. */
export interface ReviewDocument {
  eventName: string;
  /** The event's language: every fixed text is in it; Swedish when none is named. */
  language?: ReportLanguage;
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

/** The review's fixed texts in its event's language: Swedish when it names none. */
export function reviewWordingOf(document: ReviewDocument): ReviewWording {
  return reviewWording(document.language);
}

/** The report wording of the review's language, for the texts the two share (exercise, internal). */
export function reportWordingOf(document: ReviewDocument): ReportWording {
  return reportWording(document.language);
}

export function reviewTitle(document: ReviewDocument): string {
  return reviewWordingOf(document).title(document.eventName);
}

export function periodLine(document: ReviewDocument): string {
  const words = reviewWordingOf(document);
  const dateOf = (instant: string) => formatDate(new Date(instant), document.timeZone);
  const end = document.closedAt ? dateOf(document.closedAt) : words.ongoing;
  return words.period(dateOf(document.activatedAt), end);
}

export function reviewCompiledLine(document: ReviewDocument): string {
  return formatCompiledLine(
    new Date(document.compiledAt),
    document.language ?? 'sv',
    document.timeZone,
  );
}

/** The counts under "Sammanfattning", as label and number. */
export function summaryRows(document: ReviewDocument): [string, string][] {
  const words = reviewWordingOf(document);
  const perKind = Object.entries(words.kinds).flatMap(([kind, label]) => {
    const count = document.timeline.filter((entry) => entry.kind === kind).length;
    return count === 0 ? [] : [[label, String(count)] as [string, string]];
  });
  const open = document.lessons.filter((lesson) => lesson.state !== 'done').length;
  return [
    [words.timelineEntries, String(document.timeline.length)],
    ...perKind,
    [words.lessons, String(document.lessons.length)],
    [words.openLessons, String(open)],
  ];
}

export function timelineTime(entry: ReviewTimelineEntry, timeZone: string): string {
  return formatDateTime(new Date(entry.at), timeZone);
}

export function timelineKind(entry: ReviewTimelineEntry, words: ReviewWording): string {
  const label = words.kinds[entry.kind] ?? entry.kind;
  return entry.internal ? words.internalKind(label) : label;
}

export function lessonHeading(lesson: ReviewLesson, index: number, words: ReviewWording): string {
  const heading = words.lesson(index + 1);
  return lesson.category ? `${heading}: ${lesson.category}` : heading;
}

/** Label and text of each part of a lesson, empty parts left out. */
export function lessonFacts(lesson: ReviewLesson, words: ReviewWording): [string, string][] {
  const labels = words.lessonFacts;
  const facts: [string, string][] = [
    [labels.observation, lesson.observation],
    [labels.recommendation, lesson.recommendation],
    [labels.owner, lesson.owner],
    [labels.state, words.lessonStates[lesson.state] ?? lesson.state],
  ];
  return facts.filter(([, text]) => text !== '');
}
