import { listActionsOfDecision } from '../actions/repository.ts';
import { changeAction } from '../actions/service.ts';
import type { Db } from '../db/schema.ts';
import { listDecisions } from '../decisions/repository.ts';
import { changeDecision } from '../decisions/service.ts';
import type { DemoContext } from '../demo/context.ts';
import { createForum, createMeeting } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';
const oskar = 'oskar.nyberg@lagesbild.local';
const weekdays = [1, 2, 3, 4, 5];

/**
 * The staff's rhythm: the production managers' daily meeting, the programme's steering group and
 * the weekly report day, with the meetings in which the demo decisions were made. Runs after the
 * decisions and actions demos, whose items it links to their meetings.
 */
export async function loadMeetingsDemo(db: Db, context: DemoContext): Promise<void> {
  const { eventId } = context;
  const staff = context.actorFor(elin);
  const managers = await createForum(
    db,
    staff,
    eventId,
    {
      name: 'Operativ samordning produktionschefer',
      mandate:
        'Förvaltningscheferna har gett gruppen mandat att styra om patientflöden mellan förvaltningarna vid behov.',
      chairRole: 'Stabschef RSO',
      schedule: { days: weekdays, time: '08:30', durationMinutes: 30 },
    },
    'demo',
  );
  const steering = await createForum(
    db,
    context.actorFor(oskar),
    eventId,
    {
      name: 'Programstyrgrupp Millennium',
      mandate: 'Programstyrgruppen fastställer programmets tidplan och etapper.',
      chairRole: 'Programägare, regiondirektören',
      schedule: { days: [5], time: '10:00', durationMinutes: 90 },
    },
    'demo',
  );
  await createForum(
    db,
    staff,
    eventId,
    {
      name: 'Rapportdag, veckans lägesrapport',
      mandate:
        'Staben går igenom förvaltningarnas lägesbilder och fastställer veckans lägesrapport inför publicering.',
      chairRole: 'Stabschef RSO',
      schedule: { days: [2], time: '15:00', durationMinutes: 60 },
    },
    'demo',
  );

  const diversionMeeting = await createMeeting(
    db,
    staff,
    eventId,
    {
      forumId: managers.id,
      title: 'Extra samordningsmöte om akutmottagningen i Borås',
      startsAt: '2024-10-31T12:00:00Z',
      endsAt: '2024-10-31T13:00:00Z',
      agenda:
        '1. Läget på akutmottagningen och i slutenvården på SÄS\n2. Förslag om att hänvisa patienter till andra akutmottagningar\n3. Kommunikation till ambulanssjukvården och allmänheten',
      attendees: [
        'Stabschef RSO',
        'Produktionschef SÄS',
        'Produktionschef Sahlgrenska Universitetssjukhuset',
        'Produktionschef Skaraborgs Sjukhus',
        'Ambulanssjukvårdens samordnare',
      ],
      minutes:
        'Inflödet till akutmottagningen i Borås är fortsatt högt samtidigt som personalen utbildas inför driftstarten. Gruppen beslutade att hänvisa patienter och ambulanser till andra akutmottagningar från den 4 november. SÄS tar fram bemanningsplaner för veckorna kring driftstarten.',
      internal: false,
    },
    'demo',
  );
  const steeringMeeting = await createMeeting(
    db,
    context.actorFor(oskar),
    eventId,
    {
      forumId: steering.id,
      title: 'Programstyrgrupp Millennium, 1 november',
      startsAt: '2024-11-01T09:00:00Z',
      endsAt: '2024-11-01T10:30:00Z',
      agenda:
        '1. Beredskapen inför driftstarten den 12 november\n2. VästKoms begäran om senare anslutning för kommunerna\n3. Kommande etapper',
      attendees: ['Programägare', 'Programchef Millennium', 'Förvaltningschef SÄS', 'VästKom'],
      minutes:
        'Styrgruppen bedömer att regionens driftstart kan genomföras som planerat. Kommunerna i södra området ansluter i stället den 18 februari 2025; kommunikationsstaben informerar kommunerna.',
      internal: false,
    },
    'demo',
  );
  const staffMeeting = await createMeeting(
    db,
    staff,
    eventId,
    {
      forumId: null,
      title: 'Stabsmöte RSO om behörigheter',
      startsAt: '2024-11-08T13:30:00Z',
      endsAt: '2024-11-08T14:30:00Z',
      agenda:
        '1. Matchningen av användarnas behörigheter\n2. Förstärkning från andra förvaltningar',
      attendees: ['Stabschef RSO', 'Programchef Millennium', 'HR-strateg'],
      minutes:
        'Matchningen av behörigheter går för långsamt. Teamet förstärks med fem personer fram till driftstarten.',
      internal: true,
    },
    'demo',
  );
  const endingMeeting = await createMeeting(
    db,
    staff,
    eventId,
    {
      forumId: managers.id,
      title: 'Avstämning om återgång till normal akutverksamhet i Borås',
      startsAt: '2024-11-22T10:00:00Z',
      endsAt: '2024-11-22T10:45:00Z',
      agenda:
        '1. Beläggningen i slutenvården\n2. Avslut av omstyrningen från akutmottagningen i Borås\n3. Återhämtning av patienter som vårdas på andra sjukhus',
      attendees: ['Stabschef RSO', 'Produktionschef SÄS', 'Ambulanssjukvårdens samordnare'],
      minutes:
        'Läget är stabilt. Omstyrningen upphör i dag kl. 14.00 och SÄS börjar hämta tillbaka patienter.',
      internal: false,
    },
    'demo',
  );

  const meetingOn = new Map([
    ['2024-10-31', diversionMeeting.id],
    ['2024-11-01', steeringMeeting.id],
    ['2024-11-08', staffMeeting.id],
    ['2024-11-22', endingMeeting.id],
  ]);
  await linkDecisions(db, context, meetingOn);
}

async function linkDecisions(
  db: Db,
  context: DemoContext,
  meetingOn: Map<string, number>,
): Promise<void> {
  const { eventId } = context;
  const staff = context.actorFor(elin);
  const { rows } = await listDecisions(
    db,
    eventId,
    { includeInternal: true },
    { limit: 500, offset: 0, order: 'asc' },
  );
  for (const decision of rows) {
    const meetingId = meetingOn.get(decision.decided_at.slice(0, 10));
    if (meetingId === undefined) continue;
    await changeDecision(db, staff, eventId, decision.id, {
      version: decision.version,
      meetingId,
    });
    for (const action of await listActionsOfDecision(db, eventId, decision.id, true)) {
      await changeAction(db, staff, eventId, action.id, { version: action.version, meetingId });
    }
  }
}
