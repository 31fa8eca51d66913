import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { changeWebhook, createFigureSource, createWebhook } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';

/**
 * The feeds the staff set up in November 2024, both switched off since the crisis organisation
 * closed: nothing is fetched from or sent to the example addresses.
 */
export async function loadFeedsDemo(db: Db, context: DemoContext): Promise<void> {
  const actor = context.actorFor(elin);
  await createFigureSource(db, actor, context.eventId, {
    name: 'Regionens datalager – beläggning per sjukhus',
    url: 'https://datalager.region.example/lagesbild/belaggning.csv',
    format: 'csv',
    intervalMinutes: 60,
    enabled: false,
  });
  const webhook = await createWebhook(db, actor, context.eventId, {
    name: 'Kommunernas samverkansportal',
    url: 'https://samverkan.kommun.example/lagesbild/webhook',
    eventTypes: ['report.published', 'readiness.changed'],
    active: true,
  });
  await changeWebhook(db, actor, context.eventId, webhook.id, {
    version: webhook.version,
    active: false,
  });
}
