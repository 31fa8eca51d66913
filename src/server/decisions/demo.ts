import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { changeDecision, createDecision } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';
const oskar = 'oskar.nyberg@lagesbild.local';
const productionManagers = 'Operativ samordning produktionschefer';
const managersMandate =
  'Förvaltningscheferna har gett gruppen mandat att styra om patientflöden mellan förvaltningarna vid behov.';

/** Decisions of weeks 44–47 2024: the diversion, the municipalities' new date, the diversion's end. */
export async function loadDecisionsDemo(db: Db, context: DemoContext): Promise<void> {
  const { eventId } = context;
  const diversion = await createDecision(
    db,
    context.actorFor(elin),
    eventId,
    {
      decidedAt: '2024-10-31T12:30:00Z',
      forum: productionManagers,
      mandate: managersMandate,
      text: 'Från och med måndag 4 november hänvisas patienter som söker akutmottagningen i Borås till andra akutmottagningar i regionen. Ambulanser och sekundärtransporter styrs om enligt samma plan.',
      rationale:
        'Beläggningen och inflödet på SÄS är högt samtidigt som förberedelserna inför driftstarten tar mycket tid. Övriga sjukhus har åtagit sig att ta emot de patienter som hänvisas.',
      effectiveFrom: '2024-11-04T06:00:00Z',
      effectiveTo: null,
      internal: false,
      diversionIds: [],
      meetingId: null,
    },
    'demo',
  );
  await createDecision(
    db,
    context.actorFor(oskar),
    eventId,
    {
      decidedAt: '2024-11-01T09:00:00Z',
      forum: 'Programstyrgrupp Millennium',
      mandate: 'Programstyrgruppen fastställer programmets tidplan och etapper.',
      text: 'Kommunerna i södra området ansluter till Millennium den 18 februari 2025.',
      rationale:
        'VästKom har begärt mer tid för kommunernas förberedelser; en senare anslutning minskar belastningen under regionens egen driftstart.',
      effectiveFrom: '2024-11-01T09:00:00Z',
      effectiveTo: null,
      internal: false,
      diversionIds: [],
      meetingId: null,
    },
    'demo',
  );
  await createDecision(
    db,
    context.actorFor(elin),
    eventId,
    {
      decidedAt: '2024-11-08T14:00:00Z',
      forum: 'RSO Millennium 2024, stabsmöte',
      mandate: 'Stabschefen leder RSO:s arbete och fördelar stabens resurser.',
      text: 'Teamet som arbetar med användarnas behörigheter förstärks med fem personer från andra förvaltningar fram till driftstarten.',
      rationale: 'Matchningen av behörigheter går för långsamt för att bli klar före 12 november.',
      effectiveFrom: '2024-11-09T07:00:00Z',
      effectiveTo: '2024-11-15T16:00:00Z',
      internal: true,
      diversionIds: [],
      meetingId: null,
    },
    'demo',
  );
  const ending = await createDecision(
    db,
    context.actorFor(elin),
    eventId,
    {
      decidedAt: '2024-11-22T10:30:00Z',
      forum: productionManagers,
      mandate: managersMandate,
      text: 'Omstyrningen av gående patienter och ambulanser från akutmottagningen i Borås upphör i dag kl. 14.00, liksom möjligheten till sekundärtransporter. SÄS börjar hämta tillbaka vissa patienter som vårdas på andra sjukhus.',
      rationale:
        'Beläggningen i slutenvården och läget på akutmottagningen är stabilt, så återgången till normal akutverksamhet kan ske tidigare än planerat.',
      effectiveFrom: '2024-11-22T13:00:00Z',
      effectiveTo: null,
      internal: false,
      diversionIds: [],
      meetingId: null,
    },
    'demo',
  );
  await changeDecision(db, context.actorFor(elin), eventId, diversion.id, {
    version: diversion.version,
    effectiveTo: ending.effectiveFrom,
  });
}
