import { stockholmLocalToInstant } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { createDiversion, endDiversion } from './service.ts';

// Akutmottagningen Borås sent walk-in and ambulance patients elsewhere from 4 November 2024,
// secondary transports too from go-live on 12 November; everything ended 22 November 14:00.

const staff = 'elin.bergstrom@lagesbild.local';

export async function loadDiversionsDemo(db: Db, context: DemoContext): Promise<void> {
  const actor = context.actorFor(staff);
  const facilityId = context.facilityIds.get('SÄS-AKM-BORÅS')!;
  const at = (date: string, time: string) => stockholmLocalToInstant(date, time).toISOString();

  const patients = await createDiversion(db, actor, context.eventId, {
    facilityId,
    categories: ['walk_in', 'ambulance'],
    redirectedTo:
      'Andra akutmottagningar i regionen: NÄL i Trollhättan, Sahlgrenska Universitetssjukhuset och Skaraborgs Sjukhus i Skövde',
    startsAt: at('2024-11-04', '07:00'),
    endsAt: null,
    decisionId: null,
    note: 'Avlastar Borås inför journalbytet. Livshotande tillstånd tas fortfarande emot i Borås; ambulanssjukvården styr enligt regional dirigering.',
    internal: false,
    source: 'manual',
  });
  const transports = await createDiversion(db, actor, context.eventId, {
    facilityId,
    categories: ['secondary_transport'],
    redirectedTo: 'Sjukhus utanför södra området enligt den regionala avlastningsplanen',
    startsAt: at('2024-11-12', '07:00'),
    endsAt: null,
    decisionId: null,
    note: 'Tillkom vid driftstarten för att minska antalet överflyttningar till SÄS medan det nya journalsystemet körs in.',
    internal: false,
    source: 'manual',
  });

  const ended = at('2024-11-22', '14:00');
  for (const diversion of [patients, transports]) {
    await endDiversion(db, actor, context.eventId, diversion.id, {
      version: diversion.version,
      endsAt: ended,
    });
  }
}
