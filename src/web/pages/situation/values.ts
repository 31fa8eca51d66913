// The unit's situation return as the form holds it, its conversions to and from the server's
// record, the local draft in localStorage and the mapping of server field names to input ids.
import { type FormErrors, formErrorsFrom } from '../../errors.ts';
import { formatNumber } from '../../format.ts';
import type {
  Areas,
  Prognosis,
  Situation,
  SituationInput,
  StatusColor,
} from '../../../contract/situations.ts';
import { ApiError } from '../../api.ts';

export interface FigureRow {
  name: string;
  value: string;
  unit: string;
}

export interface Values {
  overallStatus: StatusColor | null;
  areas: Areas;
  prognosis: Prognosis | null;
  bullets: string;
  keyFigures: FigureRow[];
  internal: boolean;
}

export interface LocalDraft {
  values: Values;
  baseVersion: number | null;
  at: string;
}

export const prognoses: Prognosis[] = ['improving', 'unchanged', 'worsening'];
export const emptyAreas: Areas = {
  accessToCare: null,
  patientSafety: null,
  staff: null,
  itProgramme: null,
  communication: null,
};
export const emptyValues: Values = {
  overallStatus: null,
  areas: emptyAreas,
  prognosis: null,
  bullets: '',
  keyFigures: [],
  internal: false,
};

export function valuesOf(situation: Situation | null): Values {
  if (!situation) return emptyValues;
  return {
    overallStatus: situation.overallStatus,
    areas: { ...emptyAreas, ...situation.areas },
    prognosis: situation.prognosis,
    bullets: situation.bullets,
    keyFigures: situation.keyFigures.map((figure) => ({
      name: figure.name,
      value: formatNumber(figure.value, 4).replace(/\s/g, ''),
      unit: figure.unit,
    })),
    internal: situation.internal,
  };
}

export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/\s|\u00a0/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

export function inputOf(values: Values, version: number | null): SituationInput {
  return {
    ...(version !== null && { version }),
    overallStatus: values.overallStatus,
    areas: values.areas,
    prognosis: values.prognosis,
    bullets: values.bullets,
    keyFigures: values.keyFigures
      .filter((figure) => figure.name.trim() || figure.value.trim())
      .map((figure) => ({
        name: figure.name.trim(),
        value: parseNumber(figure.value) ?? Number.NaN,
        unit: figure.unit.trim(),
      })),
    internal: values.internal,
  };
}

export const draftKey = (eventId: number, unitId: number, period: string) =>
  `lagesbild.situationDraft.${eventId}.${unitId}.${period}`;

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(key: string, draft: LocalDraft | null): void {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the warning before leaving still protects the text.
  }
}

/** Input ids for the server's field names, so its messages land beside the right input. */
export function fieldIdFor(field: string): string | undefined {
  if (field === 'overallStatus') return 'overall-green';
  if (field === 'prognosis') return 'prognosis-improving';
  if (field === 'bullets') return 'bullets';
  const area = /^areas\.(\w+)/.exec(field);
  if (area) return `area-${area[1]}-green`;
  const figure = /^keyFigures\.(\d+)\.(\w+)/.exec(field);
  if (figure) return `figure-${figure[1]}-${figure[2] === 'value' ? 'value' : 'name'}`;
  if (field.startsWith('keyFigures')) return 'add-figure';
  return undefined;
}

export function mapServerErrors(error: unknown): FormErrors {
  const ids: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      const id = fieldIdFor(field.field);
      if (id) ids[field.field] = id;
    }
  }
  return formErrorsFrom(error, ids, 'overall-green');
}

export function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // ignore
  }
}
