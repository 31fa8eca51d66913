import type { Db } from '../db/schema.ts';
import { listDecisions } from '../decisions/repository.ts';
import type { DemoContext } from '../demo/context.ts';
import { changeAction, createAction } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';
const oskar = 'oskar.nyberg@lagesbild.local';

/** Actions of weeks 44–47 2024; run after the decisions demo, whose decisions they follow. */
export async function loadActionsDemo(db: Db, context: DemoContext): Promise<void> {
  const { eventId } = context;
  const decisionOn = await decisionsByDay(db, eventId);
  const sas = context.unitIds.get('SÄS')!;
  const staff = context.actorFor(elin);
  const base = {
    internal: false,
    ownerName: null,
    ownerUnitId: null,
    decisionId: null,
    meetingId: null,
  };

  const accessTeam = await createAction(
    db,
    staff,
    eventId,
    {
      ...base,
      text: 'Ett särskilt team går igenom användarnas behörigheter och ser till att alla kan logga in i Millennium före driftstarten.',
      ownerName: 'Team behörigheter, program Millennium',
      dueAt: '2024-11-11T16:00:00Z',
      state: 'in_progress',
      decisionId: decisionOn.get('2024-11-08') ?? null,
    },
    'demo',
  );
  const staffing = await createAction(
    db,
    staff,
    eventId,
    {
      ...base,
      text: 'Ta fram bemanningsplaner för akutmottagningen och slutenvården för veckorna kring driftstarten.',
      ownerUnitId: sas,
      dueAt: '2024-11-06T16:00:00Z',
      state: 'open',
      decisionId: decisionOn.get('2024-10-31') ?? null,
    },
    'demo',
  );
  const union = await createAction(
    db,
    context.actorFor(oskar),
    eventId,
    {
      ...base,
      text: 'Kalla till ett extra möte i den regionövergripande fackliga referensgruppen den 15 november, med fackliga företrädare från de införande förvaltningarna.',
      ownerName: 'Ordförande i facklig referensgrupp Millennium',
      dueAt: '2024-11-15T15:00:00Z',
      state: 'open',
    },
    'demo',
  );
  await createAction(
    db,
    context.actorFor(oskar),
    eventId,
    {
      ...base,
      text: 'Informera kommunerna i södra området om anslutningsdatumet 18 februari 2025.',
      ownerName: 'Kommunikationsstaben',
      dueAt: '2024-11-04T16:00:00Z',
      state: 'done',
      decisionId: decisionOn.get('2024-11-01') ?? null,
    },
    'demo',
  );
  await createAction(
    db,
    staff,
    eventId,
    {
      ...base,
      text: 'Plan för återstart av de tidigare journalsystemen och återföring av uppgifter som registrerats i Millennium.',
      ownerUnitId: sas,
      dueAt: '2024-11-21T12:00:00Z',
      state: 'done',
      internal: true,
    },
    'demo',
  );
  await createAction(
    db,
    staff,
    eventId,
    {
      ...base,
      text: 'Följ upp påverkan på produktion och tillgänglighet i etapper; en fullständig analys redovisas i januari 2025.',
      ownerName: 'Analysenheten, koncernkontoret',
      dueAt: '2025-01-31T16:00:00Z',
      state: 'open',
      decisionId: decisionOn.get('2024-11-22') ?? null,
    },
    'demo',
  );

  for (const done of [accessTeam, staffing, union]) {
    await changeAction(db, staff, eventId, done.id, { version: done.version, state: 'done' });
  }
}

async function decisionsByDay(db: Db, eventId: number): Promise<Map<string, number>> {
  const { rows } = await listDecisions(
    db,
    eventId,
    { includeInternal: true },
    { limit: 500, offset: 0, order: 'asc' },
  );
  return new Map(rows.map((row) => [row.decided_at.slice(0, 10), row.id]));
}
