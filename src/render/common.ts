import type {
  LabelledLevel,
  LevelMark,
  PersonWithRole,
  ReportSnapshot,
  SnapshotSection,
} from '../core/report-snapshot.ts';
import {
  type ReportLanguage,
  type ReportWording,
  formatReportNumber,
  reportWording,
} from '../core/report-wording.ts';
import { TIME_ZONE, formatCompiledLine, formatDataAsOfLine, formatDateTime } from '../core/time.ts';

const SWEDISH = reportWording('sv');

/** The fixed texts of a snapshot's language: Swedish for snapshots that name none. */
export function wordingOf(snapshot: ReportSnapshot): ReportWording {
  return reportWording(snapshot.event.language);
}

/** A section as a renderer shows it: with its heading's number when the report numbers them. */
export type ReadingSection = SnapshotSection & { number?: string };

/**
 * The sections in reading order: the lead summary (with its subsections) first, numbered in that
 * order when the report numbers its headings. Internal sections never leave in a public
 * rendering, even if a snapshot carries one.
 */
export function visibleSections(snapshot: ReportSnapshot): ReadingSection[] {
  const visible =
    snapshot.report.audience === 'internal'
      ? snapshot.sections
      : snapshot.sections.filter((section) => !section.internal);
  const numbering = snapshot.report.sectionNumbering;
  const ordered = leadFirst(visible);
  return numbering ? numberSections(ordered, numbering) : ordered;
}

function leadFirst(visible: SnapshotSection[]): SnapshotSection[] {
  const leadStart = visible.findIndex((section) => section.lead);
  if (leadStart <= 0) return visible;
  const lead = visible[leadStart] as SnapshotSection;
  let leadEnd = leadStart + 1;
  while ((visible[leadEnd]?.level ?? 0) > lead.level) leadEnd += 1;
  return [
    ...visible.slice(leadStart, leadEnd),
    ...visible.slice(0, leadStart),
    ...visible.slice(leadEnd),
  ];
}

/** "A", "B" … "Z", "AA": the letters of a main section's place (1-based). */
export function sectionLetter(place: number): string {
  let rest = place;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * Each heading's number: "1", "1.1", "1.1.1", or with letters "A", "A.1", "A.1.1". A section
 * deeper than the one before it starts that level's count again.
 */
function numberSections(
  sections: SnapshotSection[],
  numbering: 'numbers' | 'letters',
): ReadingSection[] {
  const counts: number[] = [];
  return sections.map((section) => {
    counts.length = section.level;
    for (let level = 0; level < section.level; level += 1) counts[level] ??= 0;
    counts[section.level - 1]! += 1;
    const [first, ...rest] = counts as [number, ...number[]];
    const head = numbering === 'letters' ? sectionLetter(first) : String(first);
    return { ...section, number: [head, ...rest].join('.') };
  });
}

/** A section's heading: "A. Läget", "A.1 Vården" or just the title when not numbered. */
export function sectionHeading(section: ReadingSection): string {
  if (section.number === undefined) return section.title;
  const separator = section.number.includes('.') ? ' ' : '. ';
  return `${section.number}${separator}${section.title}`;
}

/** "Sammanfattning" above the lead's heading, unless its title already says so. */
export function leadMarker(snapshot: ReportSnapshot, section: SnapshotSection): string | null {
  const marker = wordingOf(snapshot).leadMarker;
  return section.lead && section.title.trim().toLowerCase() !== marker.toLowerCase()
    ? marker
    : null;
}

/** "Uppdaterad: 2026-12-07 09:15" under a section's heading, when the snapshot says when. */
export function sectionUpdatedLine(snapshot: ReportSnapshot, section: SnapshotSection): string {
  return section.updatedAt
    ? `${wordingOf(snapshot).updated}: ${formatDateTime(new Date(section.updatedAt), snapshotZone(snapshot))}`
    : '';
}

/** The event's time zone: Stockholm for snapshots that name none. */
export function snapshotZone(snapshot: ReportSnapshot): string {
  return snapshot.event.timeZone ?? TIME_ZONE;
}

export function compiledLine(snapshot: ReportSnapshot): string {
  return formatCompiledLine(
    new Date(snapshot.report.compiledAt),
    snapshot.event.language ?? 'sv',
    snapshotZone(snapshot),
  );
}

/** Short facts under the title, e.g. "Rapport nr 12", "Publicerad: 2024-11-05 18:02". */
export function metadataLines(snapshot: ReportSnapshot): string[] {
  const { report } = snapshot;
  const words = wordingOf(snapshot);
  const lines = [words.reportNumber(words.kinds[report.kind], report.number)];
  if (report.period) {
    lines.push(`${words.reportPeriod}: ${report.period}`);
  }
  if (report.dataAsOf) {
    const language = snapshot.event.language ?? 'sv';
    lines.push(formatDataAsOfLine(new Date(report.dataAsOf), language, snapshotZone(snapshot)));
  }
  if (report.version > 1 || report.correctsReportId !== null) {
    lines.push(words.correction(report.version));
  }
  if (report.publishedAt) {
    lines.push(
      `${words.published}: ${formatDateTime(new Date(report.publishedAt), snapshotZone(snapshot))}`,
    );
  }
  const readiness = snapshot.event.readiness;
  if (readiness) {
    const since = readiness.since
      ? ` ${words.since} ${formatDateTime(new Date(readiness.since), snapshotZone(snapshot))}`
      : '';
    lines.push(`${words.readinessLevel}: ${readiness.name}${since}`);
  }
  return [...lines, ...peopleLines(snapshot)];
}

/** Who prepared and approved the report: with their roles when the snapshot has them. */
function peopleLines(snapshot: ReportSnapshot): string[] {
  const { preparedBy, approvedBy } = snapshot.report;
  const prepared = preparedBy ? preparedBy.map(personWithRole) : snapshot.authors;
  const approver = approvedBy ? personWithRole(approvedBy) : snapshot.approver;
  const words = wordingOf(snapshot);
  return [
    ...(prepared.length > 0 ? [`${words.preparedBy}: ${prepared.join(', ')}`] : []),
    ...(approver ? [`${words.approvedBy}: ${approver}`] : []),
  ];
}

function personWithRole(person: PersonWithRole): string {
  return `${person.name} (${person.role})`;
}

/** A number on a chart's axis or threshold: up to two decimals, so that a step of 0,25 shows. */
export function formatNumber(value: number | null, words = SWEDISH): string {
  return value === null ? '–' : formatReportNumber(value, words, 2);
}

/**
 * A value in a table: at most one decimal, as the report's key-figure tables print it, or exactly
 * `decimals` (0 to 3) when its block chose them.
 */
export function formatValue(value: number | null, decimals?: number, words = SWEDISH): string {
  return value === null ? '–' : formatReportNumber(value, words, 1, decimals);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** "● Normalt": the level's symbol and name, for text beside (or without) its colour. */
export function levelText(level: LevelMark): string {
  return `${level.symbol} ${level.name}`;
}

/** "Samlat läge: ● Normalt · Prognos: → Oförändrad", for the renderers without colour. */
export function levelsLine(items: LabelledLevel[]): string {
  return items.map((item) => `${item.label}: ${levelText(item.level)}`).join(' · ');
}

/** The language a PDF or Word document declares: the event's, Swedish unless it says English. */
export function documentLanguage(language?: ReportLanguage): string {
  return reportWording(language).documentLanguage;
}
