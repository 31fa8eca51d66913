// The sentences of alerts, in the event's language: they reach people by the screen, e-mail and
// SMS as stored when raised.
import { type ReportLanguage, reportWording } from '../../core/report-wording.ts';
import type { Db } from '../db/schema.ts';
import { findEvent } from '../events/repository.ts';
import { formatFigure } from '../reports/wording.ts';

export interface FigureCrossed {
  figure: string;
  place: string;
  direction: 'up' | 'down';
  unit: string;
  previous: number;
  next: number;
  lines: { band: 'yellow' | 'red'; value: number }[];
}

export interface AlertWording {
  diversion(starts: boolean, place: string): string;
  approvalWaiting(title: string): string;
  worstStatus(unit: string, level: string, period: string): string;
  deadlineNear(unit: string, period: string, deadline: string): string;
  figureCrossed(crossed: FigureCrossed): string;
}

function measure(language: ReportLanguage, unit: string) {
  return (value: number) => formatFigure(value, unit, null, undefined, reportWording(language));
}

const swedish: AlertWording = {
  diversion: (starts, place) => `${starts ? 'Omstyrning börjar' : 'Omstyrning upphör'}: ${place}`,
  approvalWaiting: (title) => `Rapporten ${title} väntar på godkännande`,
  worstStatus: (unit, level, period) => `${unit} rapporterar läget ${level} för ${period}`,
  deadlineNear: (unit, period, deadline) =>
    `Lägesbilden för ${unit}, ${period}, ska lämnas senast ${deadline}`,
  figureCrossed: (crossed) => {
    const value = measure('sv', crossed.unit);
    const bands = { yellow: 'gränsen för Påverkat', red: 'gränsen för Allvarligt' };
    const lines = crossed.lines.map((line) => `${bands[line.band]} ${value(line.value)}`);
    const verb = crossed.direction === 'up' ? 'steg' : 'sjönk';
    return `${crossed.figure} för ${crossed.place} ${verb} från ${value(crossed.previous)} till ${value(crossed.next)}, förbi ${lines.join(' och ')}`;
  },
};

const english: AlertWording = {
  diversion: (starts, place) => `${starts ? 'Diversion starts' : 'Diversion ends'}: ${place}`,
  approvalWaiting: (title) => `The report ${title} is waiting for approval`,
  worstStatus: (unit, level, period) => `${unit} reports the status ${level} for ${period}`,
  deadlineNear: (unit, period, deadline) =>
    `The situation report for ${unit}, ${period}, is due by ${deadline}`,
  figureCrossed: (crossed) => {
    const value = measure('en', crossed.unit);
    const bands = { yellow: 'the threshold for Affected', red: 'the threshold for Serious' };
    const lines = crossed.lines.map((line) => `${bands[line.band]} ${value(line.value)}`);
    const verb = crossed.direction === 'up' ? 'rose' : 'fell';
    return `${crossed.figure} for ${crossed.place} ${verb} from ${value(crossed.previous)} to ${value(crossed.next)}, past ${lines.join(' and ')}`;
  },
};

const wordings: Record<ReportLanguage, AlertWording> = { sv: swedish, en: english };

/** An event's alert wording. */
export type WordingOf = (eventId: number) => Promise<AlertWording>;

/** Each event's alert wording, its language read once per run however many alerts it raises. */
export function alertWordingByEvent(db: Db): WordingOf {
  const languages = new Map<number, Promise<ReportLanguage>>();
  return async (eventId) => {
    let language = languages.get(eventId);
    if (!language) {
      language = findEvent(db, eventId).then((event) => event?.language ?? 'sv');
      languages.set(eventId, language);
    }
    return wordings[await language];
  };
}
