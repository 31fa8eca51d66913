import { type LabelLocale, calendarYearOf, formatLongDate, periodOf, weekLabel } from './time.ts';

export type ReportKindName = 'regular' | 'extra' | 'final';

const KIND_WORDS: Record<LabelLocale, Record<ReportKindName, string>> = {
  sv: { regular: 'Ordinarie rapport', extra: 'Extra rapport', final: 'Slutrapport' },
  en: { regular: 'Regular report', extra: 'Extra report', final: 'Final report' },
};

export interface TitleValues {
  event: string;
  template: string;
  /** The report's number within its series. */
  number: number;
  label: string;
  kind: ReportKindName;
  compiledAt: Date;
  now: Date;
  locale: LabelLocale;
  zone: string;
}

/**
 * A report's title from its template's pattern: {event}, {template}, {number}, {label},
 * {date}, {week}, {year} and {kind}, dates in the event's language and time zone.
 */
export function reportTitle(pattern: string, values: TitleValues): string {
  const { compiledAt, locale, zone } = values;
  const replacements: Record<string, string> = {
    event: values.event,
    template: values.template,
    number: String(values.number),
    label: values.label,
    date: formatLongDate(compiledAt, locale, zone),
    week: weekLabel(periodOf(compiledAt, 'week', zone).key, locale, values.now, zone),
    year: String(calendarYearOf(compiledAt, zone)),
    kind: KIND_WORDS[locale][values.kind],
  };
  return pattern.replace(/\{(\w+)\}/g, (whole, name: string) => replacements[name] ?? whole);
}

export type SeriesLabel = 'initial' | 'update' | 'final' | 'extra';

/**
 * Which label a report has in its series: number 1 is the initial report, each later regular
 * one an update; a final and an extra report have their own. A series continued from elsewhere
 * (its next number set above 1) therefore starts with an update.
 */
export function seriesLabelOf(report: { kind: ReportKindName; seriesNumber: number }): SeriesLabel {
  if (report.kind === 'final' || report.kind === 'extra') return report.kind;
  return report.seriesNumber === 1 ? 'initial' : 'update';
}

/**
 * The label's text from the template's labels: {n} is the report's number in its series,
 * {update} which update it is (1 for the report after the initial one).
 */
export function reportLabel(
  labels: Record<SeriesLabel, string>,
  report: { kind: ReportKindName; seriesNumber: number },
): string {
  return labels[seriesLabelOf(report)]
    .replaceAll('{n}', String(report.seriesNumber))
    .replaceAll('{update}', String(report.seriesNumber - 1));
}
