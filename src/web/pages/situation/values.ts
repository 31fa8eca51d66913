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
import type {
  AnswerValue,
  Answers,
  BuiltinFieldKey,
  ReturnField,
} from '../../../contract/return-forms.ts';
import { ApiError } from '../../api.ts';
import { areaKeys } from '../../clients/situations.ts';
import { allOf } from '../../exhaustive.ts';

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
  /** The answers of the event's own fields as the inputs hold them ('true'/'false' for yes/no). */
  answers: Record<string, string>;
  /** The keys of the fields answered "uppgift saknas". */
  notAvailable: string[];
}

export interface LocalDraft {
  values: Values;
  baseVersion: number | null;
  at: string;
}

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
  answers: {},
  notAvailable: [],
};

/** Today's fields, kept in their own properties of a return. */
export const builtinKeys = allOf<BuiltinFieldKey>()([
  'overallStatus',
  ...areaKeys,
  'prognosis',
  'bullets',
]);

const isBuiltin = (key: string): key is BuiltinFieldKey =>
  (builtinKeys as readonly string[]).includes(key);

export const isNotAvailableAnswer = (value: AnswerValue | undefined): boolean =>
  typeof value === 'object' && value !== null && value.notAvailable === true;

function ownAnswers(answers: Answers): Record<string, string> {
  return Object.fromEntries(
    Object.entries(answers)
      .filter(([key, value]) => !isBuiltin(key) && !isNotAvailableAnswer(value))
      .map(([key, value]) => [key, String(value)]),
  );
}

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
    answers: ownAnswers(situation.answers),
    notAvailable: Object.keys(situation.answers).filter((key) =>
      isNotAvailableAnswer(situation.answers[key]),
    ),
  };
}

/** A field's answer as its input holds it; '' when unanswered. */
export function answerOf(values: Values, key: string): string {
  if (key === 'overallStatus') return values.overallStatus ?? '';
  if (key === 'prognosis') return values.prognosis ?? '';
  if (key === 'bullets') return values.bullets;
  if ((areaKeys as readonly string[]).includes(key)) {
    return values.areas[key as keyof Areas] ?? '';
  }
  return values.answers[key] ?? '';
}

/** The values with one field answered (which takes back "uppgift saknas"). */
export function withAnswer(values: Values, key: string, text: string): Values {
  const notAvailable = values.notAvailable.filter((other) => other !== key);
  const answer = text === '' ? null : text;
  if (key === 'overallStatus') {
    return { ...values, notAvailable, overallStatus: answer as StatusColor | null };
  }
  if (key === 'prognosis')
    return { ...values, notAvailable, prognosis: answer as Prognosis | null };
  if (key === 'bullets') return { ...values, notAvailable, bullets: text };
  if ((areaKeys as readonly string[]).includes(key)) {
    return { ...values, notAvailable, areas: { ...values.areas, [key]: answer } };
  }
  return { ...values, notAvailable, answers: { ...values.answers, [key]: text } };
}

/** The values with a field answered "uppgift saknas" (its value cleared), or taken back. */
export function withNotAvailable(values: Values, key: string, on: boolean): Values {
  const cleared = on ? withAnswer(values, key, '') : values;
  const others = values.notAvailable.filter((other) => other !== key);
  return { ...cleared, notAvailable: on ? [...others, key] : others };
}

function answerValue(field: ReturnField, text: string): AnswerValue {
  if (field.kind === 'number') return parseNumber(text) ?? text;
  if (field.kind === 'yesno') return text === 'true';
  return text;
}

/** The answers of the form's fields as the server checks them. */
export function answersOf(values: Values, fields: readonly ReturnField[]): Answers {
  const answers: Answers = {};
  for (const field of fields) {
    const text = answerOf(values, field.key);
    if (values.notAvailable.includes(field.key)) answers[field.key] = { notAvailable: true };
    else if (text.trim() !== '') answers[field.key] = answerValue(field, text);
  }
  return answers;
}

export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/\s|\u00a0/g, '')
    .replace(',', '.')
    .replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The body of a save: every field of the form in `answers`, which the server checks. */
export function inputOf(
  values: Values,
  version: number | null,
  fields: readonly ReturnField[],
): SituationInput {
  return {
    ...(version !== null && { version }),
    answers: answersOf(values, fields),
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
    if (!text) return null;
    const draft = JSON.parse(text) as LocalDraft;
    // A draft kept before the event's own fields existed has no answers yet.
    return { ...draft, values: { ...emptyValues, ...draft.values } };
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

/** The id of a field's (first) input, where its message is shown and its error link leads. */
export function inputIdOf(field: Pick<ReturnField, 'key' | 'kind'>): string {
  if (
    field.kind === 'status' ||
    field.kind === 'prognosis' ||
    field.kind === 'yesno' ||
    field.kind === 'choice'
  ) {
    return `field-${field.key}-0`;
  }
  return `field-${field.key}`;
}

/** Input ids for the server's field names, so its messages land beside the right input. */
export function fieldIdFor(field: string, fields: readonly ReturnField[]): string | undefined {
  const key = /^answers\.([\w-]+)/.exec(field)?.[1] ?? /^areas\.(\w+)/.exec(field)?.[1] ?? field;
  const formField = fields.find((candidate) => candidate.key === key);
  if (formField) return inputIdOf(formField);
  const figure = /^keyFigures\.(\d+)\.(\w+)/.exec(field);
  if (figure) return `figure-${figure[1]}-${figure[2] === 'value' ? 'value' : 'name'}`;
  if (field.startsWith('keyFigures')) return 'add-figure';
  return undefined;
}

export function mapServerErrors(error: unknown, fields: readonly ReturnField[]): FormErrors {
  const ids: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of error.fields) {
      const id = fieldIdFor(field.field, fields);
      if (id) ids[field.field] = id;
    }
  }
  return formErrorsFrom(error, ids, fields[0] ? inputIdOf(fields[0]) : 'internal');
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
