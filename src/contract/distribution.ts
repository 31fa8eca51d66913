import { z } from 'zod';
import { eventIdParams } from './events.ts';
import { decimalId } from './numbers.ts';

export const listParams = eventIdParams.extend({ listId: decimalId });

const recipient = z
  .object({
    email: z.email('Ange en giltig e-postadress.').max(254),
    name: z.string().trim().max(200).default(''),
  })
  .strict();

export const listBody = z
  .object({
    name: z.string().trim().min(1, 'Ange ett namn.').max(200),
    audience: z.enum(['public', 'internal']),
    recipients: z.array(recipient).max(5000),
  })
  .strict();

export const updateListBody = listBody.extend({ version: z.number().int().positive() }).strict();

export const unsubscribeParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });

export const distributionList = z.object({
  id: z.number().int(),
  name: z.string(),
  audience: z.enum(['public', 'internal']),
  recipients: z.array(z.object({ email: z.string(), name: z.string() })),
  version: z.number().int(),
});
export type DistributionList = z.infer<typeof distributionList>;

export const distributionLists = z.object({ items: z.array(distributionList) });

export const subscription = z.object({ subscribed: z.boolean(), email: z.string().nullable() });
export type Subscription = z.infer<typeof subscription>;
