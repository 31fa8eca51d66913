import { z } from 'zod';

const version = z.number().int().positive();

export const closeEventBody = z
  .object({
    version,
    closedAt: z.iso.datetime({ offset: true }).optional(),
    override: z.boolean().default(false),
    reason: z.string().trim().max(5_000).default(''),
  })
  .strict();

export const reopenEventBody = z
  .object({
    version,
    reason: z.string().trim().min(1, 'Ange varför händelsen öppnas igen.').max(5_000),
  })
  .strict();
