import { z } from 'zod';
import { decimalId } from './numbers.ts';

export const unitKinds = [
  'hospital',
  'primary_care',
  'municipality',
  'support',
  'group',
  'region',
  'nation',
  'organisation',
  'other',
] as const;
export const facilityKinds = ['emergency_department', 'ward', 'other'] as const;

const code = z.string().trim().min(1, 'Ange en kod.').max(40, 'Koden får ha högst 40 tecken.');
const shortName = z.string().trim().max(40, 'Kortnamnet får ha högst 40 tecken.');

export const unitIdParams = z.object({ unitId: decimalId });
export const facilityIdParams = z.object({ facilityId: decimalId });
export const facilityQuery = z.object({ unitId: decimalId.optional() });

export const createUnitBody = z
  .object({
    code,
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    shortName: shortName.default(''),
    kind: z.enum(unitKinds),
    parentId: z.number().int().positive().nullable().default(null),
  })
  .strict();

export const updateUnitBody = z
  .object({
    version: z.number().int().positive(),
    code: code.optional(),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200).optional(),
    shortName: shortName.optional(),
    kind: z.enum(unitKinds).optional(),
    parentId: z.number().int().positive().nullable().optional(),
  })
  .strict();

export const createFacilityBody = z
  .object({
    code,
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    kind: z.enum(facilityKinds),
  })
  .strict();

export const updateFacilityBody = z
  .object({
    version: z.number().int().positive(),
    code: code.optional(),
    name: z.string().trim().min(1, 'Ange ett namn.').max(200).optional(),
    kind: z.enum(facilityKinds).optional(),
  })
  .strict();

export const unit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.number().int().nullable(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unit>;

export const unitList = z.object({ items: z.array(unit) });

export const facility = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(facilityKinds),
  version: z.number().int(),
});
export type Facility = z.infer<typeof facility>;

export const facilityList = z.object({ items: z.array(facility) });
