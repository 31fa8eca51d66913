import { z } from 'zod';
import { timestamp } from './common.ts';

/** What can alert a user. */
export const alertKinds = [
  'diversion',
  'worst_status',
  'figure_threshold',
  'approval_waiting',
  'deadline_near',
] as const;
export type AlertKind = (typeof alertKinds)[number];

/** One kind the user chose: always shown in the page, and sent by e-mail or SMS when ticked. */
export const alertChoice = z.object({
  kind: z.enum(alertKinds),
  email: z.boolean(),
  sms: z.boolean(),
});
export type AlertChoice = z.infer<typeof alertChoice>;

export const alertChoices = z.object({
  items: z.array(alertChoice),
  /** Whether the installation has an SMS gateway; without one, SMS is not offered. */
  smsAvailable: z.boolean(),
});
export type AlertChoices = z.infer<typeof alertChoices>;

export const saveAlertChoicesBody = z
  .object({
    items: z
      .array(alertChoice.strict())
      .max(alertKinds.length)
      .refine(
        (items) => new Set(items.map((item) => item.kind)).size === items.length,
        'Varje slags larm kan väljas en gång.',
      ),
  })
  .strict();
export type SaveAlertChoicesInput = z.infer<typeof saveAlertChoicesBody>;

export const alert = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  kind: z.enum(alertKinds),
  text: z.string(),
  /** Where in the web app the alert's subject is. */
  link: z.string(),
  createdAt: timestamp,
  email: z.enum(['none', 'pending', 'sent', 'failed']),
  sms: z.enum(['none', 'pending', 'sent', 'failed']),
});
export type Alert = z.infer<typeof alert>;

export const alertListQuery = z.object({
  /** Only alerts after this id: what the page has not shown yet. */
  after: z.coerce.number().int().min(0).default(0),
});

/** The user's own recent alerts, newest first. */
export const alertList = z.object({ items: z.array(alert) });
export type AlertList = z.infer<typeof alertList>;
