import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { setReadiness } from './service.ts';

const staffEmail = 'elin.bergstrom@lagesbild.local';

/** The RSO in staff mode from activation; SÄS reinforced while patients were redirected. */
export async function loadReadinessDemo(db: Db, context: DemoContext): Promise<void> {
  const actor = context.actorFor(staffEmail);
  const sas = context.unitIds.get('SÄS')!;
  await setReadiness(db, actor, context.eventId, null, {
    version: 0,
    level: 'stabsläge',
    reason:
      'Regional särskild organisation aktiverad inför driftstarten av Millennium i södra området.',
    changedAt: '2024-10-28T07:00:00Z',
    internal: false,
  });
  await setReadiness(db, actor, context.eventId, sas, {
    version: 0,
    level: 'förstärkningsläge',
    reason:
      'Överbeläggningar och högt inflöde; gående patienter och ambulanser hänvisas till andra akutmottagningar från i dag.',
    changedAt: '2024-11-04T06:00:00Z',
    internal: false,
  });
  await setReadiness(db, actor, context.eventId, sas, {
    version: 1,
    level: 'stabsläge',
    reason:
      'Stabilt läge i slutenvården och på akuten. Hänvisningen till andra akutmottagningar upphörde klockan 14.00.',
    changedAt: '2024-11-22T13:00:00Z',
    internal: false,
  });
}
