import { z } from 'zod';
import { recorded, timestamp } from './common.ts';
import { eventIdParams } from './events.ts';
import { listQuery, pageOf } from './list.ts';
import { decimalId } from './numbers.ts';

const level = z.number().int().min(1, 'Ange ett värde 1–4.').max(4, 'Ange ett värde 1–4.');
const title = z.string().trim().min(1, 'Ange en rubrik.').max(300);
const instant = z.iso.datetime({ offset: true });

export const riskParams = eventIdParams.extend({ riskId: decimalId });

export const riskListQuery = listQuery;

export const riskExportQuery = riskListQuery.omit({ limit: true, offset: true });

export const createRiskBody = z
  .object({
    title,
    description: z.string().max(20_000).default(''),
    likelihood: level,
    consequence: level,
    mitigation: z.string().max(20_000).default(''),
    owner: z.string().trim().max(200).default(''),
    internal: z.boolean().default(false),
    comment: z.string().max(5_000).default(''),
    assessedAt: instant.optional(),
  })
  .strict();

export const updateRiskBody = z
  .object({
    version: z.number().int().positive(),
    title: title.optional(),
    description: z.string().max(20_000).optional(),
    owner: z.string().trim().max(200).optional(),
    internal: z.boolean().optional(),
  })
  .strict();

export const assessRiskBody = z
  .object({
    version: z.number().int().positive(),
    likelihood: level,
    consequence: level,
    mitigation: z.string().max(20_000).optional(),
    comment: z.string().max(5_000).default(''),
    assessedAt: instant.optional(),
  })
  .strict();

export const risk = recorded.extend({
  id: z.number().int(),
  eventId: z.number().int(),
  title: z.string(),
  description: z.string(),
  likelihood: z.number().int(),
  consequence: z.number().int(),
  score: z.number().int(),
  mitigation: z.string(),
  owner: z.string(),
  lastAssessedAt: timestamp.nullable(),
  /** The last assessment against the one before it; null until the risk has been reassessed. */
  trend: z
    .object({
      direction: z.enum(['rising', 'falling', 'unchanged']),
      previousScore: z.number().int(),
      previousAssessedAt: timestamp,
    })
    .nullable(),
});
export type Risk = z.infer<typeof risk>;
export type RiskDirection = NonNullable<Risk['trend']>['direction'];

export const riskPage = pageOf(risk);

export const assessment = z.object({
  id: z.number().int(),
  likelihood: z.number().int(),
  consequence: z.number().int(),
  score: z.number().int(),
  mitigation: z.string(),
  assessedBy: z.number().int().nullable(),
  assessedAt: timestamp,
  comment: z.string(),
});
export type Assessment = z.infer<typeof assessment>;

/** A risk and every assessment of it, oldest first. */
export const riskWithAssessments = risk.extend({ assessments: z.array(assessment) });
export type RiskWithAssessments = z.infer<typeof riskWithAssessments>;
