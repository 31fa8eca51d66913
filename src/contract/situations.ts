import { z } from 'zod';
import { provenance, timestamp } from './common.ts';
import { listQuery, pageOf, periodKey } from './list.ts';
import { decimalId } from './numbers.ts';
import { answerValue } from './return-forms.ts';

/** A level key of the event's status scale (src/contract/scales.ts); the server checks it is active. */
export type StatusColor = string;
/** A level key of the event's prognosis scale. */
export type Prognosis = string;
export const situationStates = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SituationState = (typeof situationStates)[number];

export const maxBulletsLength = 10_000;

const version = z.number().int().positive();

export const eventParams = z.object({ eventId: decimalId });

export const situationParams = eventParams.extend({
  situationId: decimalId,
});

export const unitPeriodParams = eventParams.extend({
  unitId: decimalId,
  period: periodKey,
});

export const situationListQuery = listQuery.extend({ state: z.enum(situationStates).optional() });

/** A level's key; saving checks that it is an active level of the event's scale. */
const levelAnswer = z.string().max(40, 'Välj en nivå på händelsens skala.');
const status = levelAnswer.nullable().default(null);

const keyFigure = z
  .object({
    name: z.string().trim().min(1, 'Ange nyckeltalets namn.').max(200),
    value: z.number(),
    unit: z.string().trim().max(40).default(''),
  })
  .strict();

/** A PUT replaces the whole draft; `version` is required when the draft already exists. */
export const saveSituationBody = z
  .object({
    version: version.optional(),
    overallStatus: status,
    areas: z
      .object({
        accessToCare: status,
        patientSafety: status,
        staff: status,
        itProgramme: status,
        communication: status,
      })
      .strict()
      .default({
        accessToCare: null,
        patientSafety: null,
        staff: null,
        itProgramme: null,
        communication: null,
      }),
    prognosis: levelAnswer.nullable().default(null),
    bullets: z
      .string()
      .max(maxBulletsLength, `Punkterna får ha högst ${maxBulletsLength} tecken.`)
      .default(''),
    keyFigures: z.array(keyFigure).max(30, 'Ange högst 30 nyckeltal.').default([]),
    internal: z.boolean().default(false),
    /**
     * The answers of the event's own fields by key, and "uppgift saknas" ({ notAvailable: true })
     * for any field; today's fields may also be answered here instead of in their own property.
     */
    answers: z.record(z.string(), answerValue.nullable()).default({}),
  })
  .strict();

export const versionBody = z.object({ version }).strict();

export const returnBody = z
  .object({
    version,
    comment: z
      .string({ error: 'Ange en kommentar till enheten.' })
      .trim()
      .min(1, 'Ange en kommentar till enheten.')
      .max(2000),
  })
  .strict();

export const createInputRequestBody = z
  .object({
    period: periodKey,
    /** Absent: the event's deadline within the period, in its time zone. */
    deadline: z.iso.datetime({ offset: true }).optional(),
    unitIds: z
      .array(z.number().int().positive())
      .min(1, 'Välj minst en enhet.')
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, 'En enhet får bara anges en gång.'),
  })
  .strict();

export const inputRequestParams = eventParams.extend({ requestId: decimalId });

export const changeDeadlineBody = z
  .object({
    version,
    deadline: z.iso.datetime({ offset: true, error: 'Ange en tidsfrist med datum och tid.' }),
  })
  .strict();
export type ChangeDeadlineInput = z.infer<typeof changeDeadlineBody>;

export const inputRequestListQuery = listQuery.omit({ unitId: true });

export const optionalPeriodQuery = z.object({ period: periodKey.optional() });

export type SaveSituationInput = z.infer<typeof saveSituationBody>;
/** The body of a PUT as a client writes it: fields with a default may be left out. */
export type SituationInput = z.input<typeof saveSituationBody>;
export type CreateInputRequestInput = z.infer<typeof createInputRequestBody>;

const statusAnswer = z.string().nullable();

export const keyFigureValue = z.object({ name: z.string(), value: z.number(), unit: z.string() });
export type KeyFigureValue = z.infer<typeof keyFigureValue>;

export const areas = z.object({
  accessToCare: statusAnswer,
  patientSafety: statusAnswer,
  staff: statusAnswer,
  itProgramme: statusAnswer,
  communication: statusAnswer,
});
export type Areas = z.infer<typeof areas>;
export type AreaKey = keyof Areas;

/** What a unit reports for a period, in a situation and in each of its submitted versions. */
const situationContent = z.object({
  overallStatus: statusAnswer,
  areas,
  prognosis: z.string().nullable(),
  bullets: z.string(),
  keyFigures: z.array(keyFigureValue),
  internal: z.boolean(),
  /** The answers of the event's own fields, and "uppgift saknas" for any field, by key. */
  answers: z.record(z.string(), answerValue),
});

export const situation = situationContent.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  period: z.string(),
  state: z.enum(situationStates),
  returnComment: z.string().nullable(),
  submittedBy: z.number().int().nullable(),
  submittedAt: timestamp.nullable(),
  reviewedBy: z.number().int().nullable(),
  reviewedAt: timestamp.nullable(),
  provenance,
  version: z.number().int(),
});
export type Situation = z.infer<typeof situation>;

export const situationPage = pageOf(situation);

export const situationList = z.object({ items: z.array(situation) });
export type SituationList = z.infer<typeof situationList>;

export const situationVersion = situationContent.extend({
  number: z.number().int(),
  situationVersion: z.number().int(),
  submittedBy: z.number().int().nullable(),
  submittedAt: timestamp,
});
export type SituationVersion = z.infer<typeof situationVersion>;

export const situationWithVersions = situation.extend({ versions: z.array(situationVersion) });
export type SituationWithVersions = z.infer<typeof situationWithVersions>;

export const situationPrefill = z.object({ situation: situation.nullable() });
export type SituationPrefill = z.infer<typeof situationPrefill>;

export const inputRequest = z.object({
  id: z.number().int(),
  period: z.string(),
  deadline: timestamp,
  units: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      remindedAt: timestamp.nullable(),
    }),
  ),
  provenance,
  version: z.number().int(),
});
export type InputRequest = z.infer<typeof inputRequest>;

export const inputRequestPage = pageOf(inputRequest);

/** Completeness of the units under one unit of the event's hierarchy, at any depth. */
export const completenessGroup = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  depth: z.number().int(),
  expected: z.number().int(),
  reported: z.number().int(),
  late: z.number().int(),
});
export type CompletenessGroup = z.infer<typeof completenessGroup>;

export const completeness = z.object({
  period: z.string().nullable(),
  deadline: timestamp.nullable(),
  /** The instant the staff say the period's data is from, when set. */
  dataAsOf: timestamp.nullable(),
  /** A past period a report has started to cover: its missing returns are no longer late. */
  covered: z.boolean(),
  expected: z.number().int(),
  reported: z.number().int(),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      /** The unit's short name: what the dashboard shows. */
      shortName: z.string(),
      state: z.enum([...situationStates, 'missing']),
      late: z.boolean(),
      submittedAt: timestamp.nullable(),
    }),
  ),
  /** Each group, region or nation with requested units under it, in the event's order. */
  groups: z.array(completenessGroup),
});
export type Completeness = z.infer<typeof completeness>;

/** Whether reminders can be e-mailed at all, and how long before a deadline they go out by themselves. */
export const reminderStatus = z.object({
  mailConfigured: z.boolean(),
  hoursBefore: z.number().int(),
});
export type ReminderStatus = z.infer<typeof reminderStatus>;

export const reminderOutcomes = ['sent', 'reported', 'noRecipients', 'failed'] as const;
export type ReminderOutcome = (typeof reminderOutcomes)[number];

/** What a reminder sent now did for each requested unit. */
export const reminderResult = z.object({
  sentAt: timestamp,
  units: z.array(
    z.object({
      unitId: z.number().int(),
      code: z.string(),
      name: z.string(),
      outcome: z.enum(reminderOutcomes),
      recipients: z.number().int(),
    }),
  ),
  request: inputRequest,
});
export type ReminderResult = z.infer<typeof reminderResult>;
