// An event's return form: the ordered fields a unit's situation return has, and the one schema
// that checks a unit's answers against them, in the server and (loaded on demand) in the browser.
import { z } from 'zod';
import { timestamp } from './common.ts';
import { decimalId } from './numbers.ts';

export const returnFieldKinds = [
  'text',
  'status',
  'prognosis',
  'number',
  'yesno',
  'choice',
  'date',
] as const;
export type ReturnFieldKind = (typeof returnFieldKinds)[number];

/**
 * Today's fields: a situation keeps their answers in columns of its own, so their key fixes their
 * kind. Every other field's answer is kept in the situation's `answers`.
 */
export const builtinFieldKinds = {
  overallStatus: 'status',
  accessToCare: 'status',
  patientSafety: 'status',
  staff: 'status',
  itProgramme: 'status',
  communication: 'status',
  prognosis: 'prognosis',
  bullets: 'text',
} as const satisfies Record<string, ReturnFieldKind>;
export type BuiltinFieldKey = keyof typeof builtinFieldKinds;

export function isBuiltinField(key: string): key is BuiltinFieldKey {
  return Object.hasOwn(builtinFieldKinds, key);
}

export const maxTextAnswerLength = 10_000;

const fieldKey = z
  .string()
  .regex(
    /^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/,
    'Nyckeln ska börja med en bokstav och bara innehålla a–z, 0–9, - och _ (högst 40 tecken).',
  );

const fieldBase = {
  key: fieldKey,
  label: z
    .string({ error: 'Ange fältets rubrik.' })
    .trim()
    .min(1, 'Ange fältets rubrik.')
    .max(200, 'Rubriken får ha högst 200 tecken.'),
  help: z.string().trim().max(1000, 'Hjälptexten får ha högst 1000 tecken.').default(''),
  required: z.boolean().default(false),
};

const figureOfField = z
  .object({
    name: z
      .string({ error: 'Ange nyckeltalets namn.' })
      .trim()
      .min(1, 'Ange nyckeltalets namn.')
      .max(200, 'Nyckeltalets namn får ha högst 200 tecken.'),
    unit: z.string().trim().max(40, 'Måttenheten får ha högst 40 tecken.').default(''),
    decimals: z
      .number({ error: 'Ange antalet decimaler som ett heltal 0–4.' })
      .int('Ange antalet decimaler som ett heltal 0–4.')
      .min(0, 'Ange antalet decimaler som ett heltal 0–4.')
      .max(4, 'Ange antalet decimaler som ett heltal 0–4.')
      .default(0),
  })
  .strict();

const choiceOptions = z
  .array(z.string().trim().min(1, 'Ange alternativets text.').max(200))
  .min(2, 'Ange minst två alternativ.')
  .max(30, 'Ange högst 30 alternativ.')
  .refine(
    (options) => new Set(options).size === options.length,
    'Två alternativ får inte ha samma text.',
  );

export const returnField = z.discriminatedUnion('kind', [
  z.object({ ...fieldBase, kind: z.literal('text') }).strict(),
  z.object({ ...fieldBase, kind: z.literal('status') }).strict(),
  z.object({ ...fieldBase, kind: z.literal('prognosis') }).strict(),
  z.object({ ...fieldBase, kind: z.literal('number'), figure: figureOfField }).strict(),
  z.object({ ...fieldBase, kind: z.literal('yesno') }).strict(),
  z.object({ ...fieldBase, kind: z.literal('choice'), options: choiceOptions }).strict(),
  z.object({ ...fieldBase, kind: z.literal('date') }).strict(),
]);
export type ReturnField = z.infer<typeof returnField>;
export type ReturnFieldInput = z.input<typeof returnField>;

/** The fields in order: unique keys, today's keys with today's kind, one field per key figure. */
export const returnFormFields = z
  .array(returnField)
  .min(1, 'Formuläret behöver minst ett fält.')
  .max(60, 'Formuläret får ha högst 60 fält.')
  .superRefine((fields, context) => {
    const keys = new Set<string>();
    const figures = new Set<string>();
    fields.forEach((field, index) => {
      const at = (name: string) => [index, name];
      if (keys.has(field.key)) {
        context.addIssue({
          code: 'custom',
          path: at('key'),
          message: `Nyckeln ${field.key} används av två fält.`,
        });
      }
      keys.add(field.key);
      if (isBuiltinField(field.key) && builtinFieldKinds[field.key] !== field.kind) {
        context.addIssue({
          code: 'custom',
          path: at('kind'),
          message: `Fältet ${field.key} är ett av de inbyggda fälten och måste vara av typen ${builtinFieldKinds[field.key]}.`,
        });
      }
      if (field.kind === 'number') {
        const name = field.figure.name.toLowerCase();
        if (figures.has(name)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'figure', 'name'],
            message: `Nyckeltalet ${field.figure.name} hämtas redan från ett annat fält.`,
          });
        }
        figures.add(name);
      }
    });
  });

/** The default form: today's fields, with the overall status and the prognosis required. */
export function defaultReturnForm(): ReturnField[] {
  const status = (key: string, label: string, help = '', required = false): ReturnField => ({
    key,
    kind: 'status',
    label,
    help,
    required,
  });
  return [
    status('overallStatus', 'Övergripande status', 'Hur är läget för enheten som helhet?', true),
    status('accessToCare', 'Tillgång till vård'),
    status('patientSafety', 'Patientsäkerhet'),
    status('staff', 'Medarbetare'),
    status('itProgramme', 'IT/program'),
    status('communication', 'Kommunikation'),
    {
      key: 'prognosis',
      kind: 'prognosis',
      label: 'Prognos för kommande period',
      help: '',
      required: true,
    },
    {
      key: 'bullets',
      kind: 'text',
      label: 'Lägesbild i punktform',
      help: 'En punkt per rad. Skriv det staben behöver veta: läge, påverkan, behov.',
      required: false,
    },
  ];
}

export const returnFormParams = z.object({ eventId: decimalId });

export const returnForm = z.object({
  eventId: z.number().int(),
  fields: z.array(returnField),
  /** Whether the event still has the default form, never changed by an admin. */
  isDefault: z.boolean(),
  updatedBy: z.number().int().nullable(),
  updatedAt: timestamp.nullable(),
  /** 0 while the event has the default form; every replacement counts it up. */
  version: z.number().int(),
});
export type ReturnForm = z.infer<typeof returnForm>;

/** A PUT replaces the whole form; `version` is the one read (0 for the default form). */
export const replaceReturnFormBody = z
  .object({ version: z.number().int().min(0), fields: returnFormFields })
  .strict();
export type ReplaceReturnFormInput = z.input<typeof replaceReturnFormBody>;

/** The form as a part of an event set-up (it names no unit). */
export const returnFormSetup = z.object({ fields: returnFormFields }).strict();
export type ReturnFormSetup = z.infer<typeof returnFormSetup>;

/** "Uppgift saknas": the unit says the figure or fact is not available, which is an answer. */
export const notAvailable = z.object({ notAvailable: z.literal(true) }).strict();
export type NotAvailable = z.infer<typeof notAvailable>;

export const answerValue = z.union([z.string(), z.number(), z.boolean(), notAvailable]);
export type AnswerValue = z.infer<typeof answerValue>;

/** A return's answers by field key; a field left out (or null) is unanswered. */
export type Answers = Record<string, AnswerValue>;

export function isNotAvailable(value: unknown): value is NotAvailable {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { notAvailable?: unknown }).notAvailable === true
  );
}

/** The scale values a status or prognosis field accepts (the event's scales). */
export interface AnswerScales {
  statuses: readonly string[];
  prognoses: readonly string[];
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (text.includes('e')) return Number.POSITIVE_INFINITY;
  return text.split('.')[1]?.length ?? 0;
}

function valueSchema(field: ReturnField, scales: AnswerScales): z.ZodType {
  const label = `"${field.label}"`;
  const pick = `Välj ett av alternativen för ${label}.`;
  switch (field.kind) {
    case 'text':
      return z
        .string({ error: `Skriv ${label} som text.` })
        .max(maxTextAnswerLength, `${label} får ha högst 10 000 tecken.`);
    case 'status':
      return z.enum(scales.statuses as [string, ...string[]], {
        error: 'Välj en status som finns på händelsens skala.',
      });
    case 'prognosis':
      return z.enum(scales.prognoses as [string, ...string[]], {
        error: 'Välj en prognos som finns på händelsens skala.',
      });
    case 'number':
      return z
        .number({ error: `Ange ${label} som ett tal, till exempel 12 eller 12,5.` })
        .refine(
          (value) => decimalsOf(value) <= field.figure.decimals,
          field.figure.decimals === 0
            ? `Ange ${label} som ett heltal.`
            : `Ange ${label} med högst ${field.figure.decimals} decimaler.`,
        );
    case 'yesno':
      return z.boolean({ error: `Svara ja eller nej på ${label}.` });
    case 'choice':
      return z.enum(field.options as [string, ...string[]], { error: pick });
    case 'date':
      return z.iso.date({ error: `Ange ${label} som ett datum, till exempel 2024-11-05.` });
  }
}

/** Whether a field has an answer: a value, or "uppgift saknas"; empty text is no answer. */
export function isAnswered(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || value.trim() !== '';
}

/**
 * The one check of a return's answers against the form. A draft ('draft') may leave any field
 * unanswered; a return sent to the staff ('submit') must answer every required field, with a
 * value or with "uppgift saknas". Each message names its field; the issue's path is the key.
 */
export function returnAnswersSchema(
  fields: readonly ReturnField[],
  scales: AnswerScales,
  mode: 'draft' | 'submit',
): z.ZodType<Answers> {
  const checks = fields.map((field) => ({ field, value: valueSchema(field, scales) }));
  const keys = new Set(fields.map((field) => field.key));
  return z.record(z.string(), z.unknown()).superRefine((answers, context) => {
    const unknown = Object.keys(answers).filter((key) => !keys.has(key));
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `Formuläret har inget fält ${unknown.join(', ')}.`,
      });
    }
    for (const { field, value } of checks) {
      const input = answers[field.key];
      const fail = (message: string) =>
        context.addIssue({ code: 'custom', path: [field.key], message });
      if (!isAnswered(input as AnswerValue | null | undefined)) {
        if (mode === 'submit' && field.required) {
          fail(
            `Fyll i "${field.label}" innan lägesbilden skickas in, eller markera "Uppgift saknas".`,
          );
        }
      } else if (!isNotAvailable(input)) {
        const result = value.safeParse(input);
        if (!result.success) fail(result.error.issues[0]!.message);
      }
    }
  }) as unknown as z.ZodType<Answers>;
}

/** A key figure a number field feeds: its value, or missing when answered "uppgift saknas". */
export interface FieldFigure {
  key: string;
  name: string;
  unit: string;
  decimals: number;
  value: number | null;
}

/**
 * The key figures a return's number fields give, in the form's order. A field answered
 * "uppgift saknas" gives a figure without a value (never 0); an unanswered one gives none.
 */
export function fieldFigures(fields: readonly ReturnField[], answers: Answers): FieldFigure[] {
  return fields.flatMap((field) => {
    if (field.kind !== 'number') return [];
    const answer = answers[field.key];
    if (!isAnswered(answer)) return [];
    const value = typeof answer === 'number' ? answer : null;
    if (value === null && !isNotAvailable(answer)) return [];
    return [{ key: field.key, ...field.figure, value }];
  });
}
