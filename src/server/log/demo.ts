import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { createLogEntry, strikeLogEntry } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';
const oskar = 'oskar.nyberg@lagesbild.local';

const entries = [
  {
    by: elin,
    occurredAt: '2024-10-28T07:30:00Z',
    source: 'Stabschef RSO',
    text: 'Operativ samordning produktionschefer håller dagliga möten från och med vecka 44. Gruppen har förvaltningschefernas mandat att styra om patientflöden när det behövs.',
    significant: true,
  },
  {
    by: oskar,
    occurredAt: '2024-10-31T13:15:00Z',
    source: 'Operativ samordning produktionschefer',
    text: 'Beslut om att hänvisa patienter från akutmottagningen i Borås till andra akutmottagningar från 4 november. Övriga sjukhus förbereder mottagandet.',
    significant: true,
  },
  {
    by: oskar,
    occurredAt: '2024-11-01T10:00:00Z',
    source: 'Programkontoret Millennium',
    text: 'Programstyrgruppen har fastställt 18 februari 2025 som datum för kommunernas anslutning, efter önskemål från VästKom.',
    significant: true,
  },
  {
    by: elin,
    occurredAt: '2024-11-04T07:10:00Z',
    source: 'Vårdplatskoordinator SÄS',
    text: 'Hänvisningen till andra akutmottagningar har startat. Inga störningar i ambulansflödet under morgonen.',
  },
  {
    by: elin,
    occurredAt: '2024-11-06T09:00:00Z',
    source: 'Leverantörens projektledning via programkontoret',
    text: 'Leverantören bemannar under fyra veckor runt driftstarten upp med drygt 300 systemkunniga personer. Fler än 100 av dem är floor walkers som finns ute i verksamheterna dygnet runt.',
    significant: true,
  },
  {
    by: oskar,
    occurredAt: '2024-11-07T15:00:00Z',
    source: 'Team behörigheter',
    text: 'Omkring var tionde användare på SÄS saknar fortfarande fullständig behörighet. Teamet arbetar kvällstid under helgen.',
    internal: true,
  },
  {
    by: elin,
    occurredAt: '2024-11-12T05:00:00Z',
    source: 'Programkontoret Millennium',
    text: 'Millennium är i drift i södra området. Staben följer läget timme för timme under första dygnet.',
    significant: true,
  },
  {
    by: oskar,
    occurredAt: '2024-11-13T08:20:00Z',
    source: 'Telefonsamtal från växeln',
    text: 'Närakuten i Skene uppges vara stängd under förmiddagen.',
    strikeReason:
      'Uppgiften var felaktig: närakuten hade öppet enligt ordinarie tider, vilket SÄS bekräftade kl. 09.05.',
  },
  {
    by: elin,
    occurredAt: '2024-11-14T16:00:00Z',
    source: 'Förvaltningsledning SÄS',
    text: 'Många enheter rapporterar att dokumentationen tar betydligt längre tid än väntat. Patientsäkerhetsfrågor lyfts till dagens möte i produktionsgruppen.',
    internal: true,
  },
  {
    by: elin,
    occurredAt: '2024-11-21T11:00:00Z',
    source: 'IT-driften',
    text: 'De tidigare journalsystemen har startats om enligt plan. Arbetet med att föra tillbaka uppgifter som registrerats i Millennium pågår och påverkar produktionen en tid framöver.',
    significant: true,
  },
  {
    by: oskar,
    occurredAt: '2024-11-22T13:00:00Z',
    source: 'Operativ samordning produktionschefer',
    text: 'Omstyrningen från akutmottagningen i Borås avslutades kl. 14.00. SÄS tar emot gående patienter, ambulanser och sekundärtransporter som vanligt.',
    significant: true,
  },
  {
    by: elin,
    occurredAt: '2024-11-22T14:30:00Z',
    source: 'Stabschef RSO',
    text: 'RSO har haft sitt sista möte. Operativ samordning produktionschefer återgår till ordinarie arbetssätt från och med nästa vecka.',
  },
  {
    by: elin,
    occurredAt: '2024-11-26T09:00:00Z',
    source: 'Stabschef RSO',
    text: 'RSO Millennium 2024 är formellt avslutad. Erfarenheterna samlas in till en utvärdering.',
    significant: true,
  },
];

/** The staff's journal for weeks 44–47 2024 and the formal closing; one entry is struck. */
export async function loadLogDemo(db: Db, context: DemoContext): Promise<void> {
  for (const { by, strikeReason, ...entry } of entries) {
    const actor = context.actorFor(by);
    const created = await createLogEntry(
      db,
      actor,
      context.eventId,
      { significant: false, internal: false, ...entry },
      'demo',
    );
    if (strikeReason) {
      await strikeLogEntry(db, actor, context.eventId, created.id, {
        version: created.version,
        reason: strikeReason,
      });
    }
  }
}
