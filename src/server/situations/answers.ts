// A return's answers by field key, and where each is kept: today's fields in their own columns,
// every other field (and "uppgift saknas" for any field) in the `answers` column.
import { LRUCache } from 'lru-cache';
import {
  type AnswerScales,
  type Answers,
  type BuiltinFieldKey,
  type ReturnField,
  isAnswered,
  isBuiltinField,
  isNotAvailable,
  returnAnswersSchema,
} from '../../contract/return-forms.ts';
import type { Prognosis, SaveSituationInput, StatusColor } from '../../contract/situations.ts';
import { refuseInvalid } from '../return-forms/service.ts';
import type { SituationContent } from './tables.ts';

type BuiltinColumns = Omit<SituationContent, 'key_figures' | 'internal' | 'answers'>;

const builtinColumns: Record<BuiltinFieldKey, keyof BuiltinColumns> = {
  overallStatus: 'overall_status',
  accessToCare: 'access_to_care_status',
  patientSafety: 'patient_safety_status',
  staff: 'staff_status',
  itProgramme: 'it_programme_status',
  communication: 'communication_status',
  prognosis: 'prognosis',
  bullets: 'bullets',
};

function answered(entries: [string, unknown][]): Answers {
  return Object.fromEntries(
    entries.filter(([, value]) => isAnswered(value as Answers[string] | null)),
  ) as Answers;
}

/** Every answer of a stored return by key: today's columns, then the answers column. */
export function answersOfContent(content: SituationContent): Answers {
  const fromColumns = Object.entries(builtinColumns).map(([key, column]): [string, unknown] => [
    key,
    content[column],
  ]);
  return { ...answered(fromColumns), ...(JSON.parse(content.answers) as Answers) };
}

/** Every answer of a save request by key; `answers` wins over today's properties. */
export function answersOfInput(input: SaveSituationInput): Answers {
  return answered(
    Object.entries({
      overallStatus: input.overallStatus,
      ...input.areas,
      prognosis: input.prognosis,
      bullets: input.bullets,
      ...input.answers,
    }),
  );
}

/** The columns that keep checked answers. */
export function columnsOfAnswers(
  answers: Answers,
): Omit<SituationContent, 'key_figures' | 'internal'> {
  const text = (key: BuiltinFieldKey) => {
    const value = answers[key];
    return typeof value === 'string' ? value : null;
  };
  const status = (key: BuiltinFieldKey) => text(key) as StatusColor | null;
  const own = Object.entries(answers).filter(
    ([key, value]) => !isBuiltinField(key) || isNotAvailable(value),
  );
  return {
    overall_status: status('overallStatus'),
    access_to_care_status: status('accessToCare'),
    patient_safety_status: status('patientSafety'),
    staff_status: status('staff'),
    it_programme_status: status('itProgramme'),
    communication_status: status('communication'),
    prognosis: text('prognosis') as Prognosis | null,
    bullets: text('bullets') ?? '',
    answers: JSON.stringify(Object.fromEntries(own)),
  };
}

/** Checks answers against the event's form, or refuses with 400 naming each field. */
export function checkAnswers(
  fields: readonly ReturnField[],
  answers: Answers,
  mode: 'draft' | 'submit',
  scales: AnswerScales,
): void {
  const result = answersSchemaOf(fields, scales, mode).safeParse(answers);
  if (!result.success) refuseInvalid(result.error, (path) => fieldNameOf(String(path[0] ?? '')));
}

/**
 * The checks built for the forms and scales seen lately: building one (a zod schema per field)
 * costs more than the check itself, and every save and submit of an event asks for the same.
 */
const answersSchemas = new LRUCache<string, ReturnType<typeof returnAnswersSchema>>({ max: 100 });

function answersSchemaOf(
  fields: readonly ReturnField[],
  scales: AnswerScales,
  mode: 'draft' | 'submit',
): ReturnType<typeof returnAnswersSchema> {
  const key = JSON.stringify([fields, scales, mode]);
  let schema = answersSchemas.get(key);
  if (!schema) {
    schema = returnAnswersSchema(fields, scales, mode);
    answersSchemas.set(key, schema);
  }
  return schema;
}

/** The request's name of a field: today's property for today's fields, else `answers.<key>`. */
function fieldNameOf(key: string): string {
  if (key === '') return 'answers';
  if (!isBuiltinField(key)) return `answers.${key}`;
  if (key === 'overallStatus' || key === 'prognosis' || key === 'bullets') return key;
  return `areas.${key}`;
}

/** The answers of the fields the form has now (a field removed since keeps its old answer). */
export function answersOfForm(fields: readonly ReturnField[], answers: Answers): Answers {
  return Object.fromEntries(
    fields.flatMap((field) => (field.key in answers ? [[field.key, answers[field.key]!]] : [])),
  );
}
