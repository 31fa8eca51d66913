import type { Db } from '../db/schema.ts';
import { listDecisions } from '../decisions/repository.ts';
import type { DemoContext } from '../demo/context.ts';
import { createMilestone, moveMilestone, reachMilestone } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';
const oskar = 'oskar.nyberg@lagesbild.local';
const demo = { source: 'demo' };

/** The plan's milestones: the hospitals' go-live, the municipalities' moved date, closing, follow-up. */
export async function loadMilestonesDemo(db: Db, context: DemoContext): Promise<void> {
  const { eventId } = context;
  const planner = context.actorFor(oskar);
  const created = { ...demo, at: '2024-10-28T09:00:00Z' };
  const hospitals = await createMilestone(
    db,
    planner,
    eventId,
    {
      title: 'Driftstart Millennium på sjukhusen',
      description:
        'Sjukhusen, Närhälsan och Regionhälsan börjar arbeta i det nya vårdinformationssystemet.',
      plannedOn: '2024-11-12',
      internal: false,
    },
    created,
  );
  const municipalities = await createMilestone(
    db,
    planner,
    eventId,
    {
      title: 'Kommunerna i södra området ansluter till Millennium',
      description:
        'Kommunernas hemsjukvård och äldreomsorg börjar dokumentera i Millennium och delar journalen med regionen.',
      plannedOn: '2024-11-19',
      internal: false,
    },
    created,
  );
  await createMilestone(
    db,
    planner,
    eventId,
    {
      title: 'Den regionala särskilda organisationen avslutas formellt',
      description:
        'RSO Millennium 2024 avvecklas när läget är stabilt; kvarvarande åtgärder lämnas över till linjeorganisationen.',
      plannedOn: '2024-11-26',
      internal: false,
    },
    { ...demo, at: '2024-11-22T15:00:00Z' },
  );
  await createMilestone(
    db,
    context.actorFor(elin),
    eventId,
    {
      title: 'Uppföljande analys av driftstarten klar',
      description:
        'En fullständig analys av driftstarten och av den särskilda organisationens arbete redovisas för regionledningen.',
      plannedOn: '2025-01-31',
      internal: false,
    },
    { ...demo, at: '2024-11-22T15:10:00Z' },
  );
  const steeringGroupDecision = await findNewDateDecision(db, eventId);
  await moveMilestone(
    db,
    planner,
    eventId,
    municipalities.id,
    {
      version: municipalities.version,
      plannedOn: '2025-02-18',
      reason:
        'Programstyrgruppen gav kommunerna mer tid för förberedelserna, efter en begäran från VästKom.',
      decisionId: steeringGroupDecision,
    },
    { ...demo, at: '2024-11-01T10:00:00Z' },
  );
  await reachMilestone(
    db,
    planner,
    eventId,
    hospitals.id,
    { version: hospitals.version, reachedAt: '2024-11-12T05:00:00Z' },
    { ...demo, at: '2024-11-12T07:30:00Z' },
  );
}

async function findNewDateDecision(db: Db, eventId: number): Promise<number> {
  const { rows } = await listDecisions(
    db,
    eventId,
    { includeInternal: true, forum: 'Programstyrgrupp Millennium', q: '18 februari' },
    { limit: 1, offset: 0, order: 'asc' },
  );
  if (!rows[0]) throw new Error('The demo decision on the municipalities’ new date is missing');
  return rows[0].id;
}
