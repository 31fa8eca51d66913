import { createAction } from '../actions/service.ts';
import type { Db } from '../db/schema.ts';
import { createDecision } from '../decisions/service.ts';
import { createDiversion } from '../diversions/service.ts';
import { queueReportDeliveries } from '../distribution/service.ts';
import { createEventWithSetup, shippedSetups } from '../setups/service.ts';
import { hospitalFigures } from '../figures/demo.ts';
import { createFigure, recordUnitObservation } from '../figures/service.ts';
import { createLogEntry } from '../log/service.ts';
import { createMilestone, reachMilestone } from '../milestones/service.ts';
import { setReadiness } from '../readiness/service.ts';
import { sectionsOf } from '../reports/repository.ts';
import { moveReport, publishReport, saveSection, startReport } from '../reports/service.ts';
import { createInputRequest } from '../situations/input-requests.ts';
import type { SaveSituationInput } from '../../contract/situations.ts';
import { acceptSituation, saveSituation, submitSituation } from '../situations/service.ts';
import { systemActor } from '../http/actor.ts';
import type { DemoContext } from './context.ts';
import { liveEvent } from './content.ts';
import { LiveCalendar } from './live-calendar.ts';

// The live demo event: a regional staff coordinating emergency care under high load. Everything
// is laid relative to the day it is loaded, so a newcomer finds this week open for reporting, last
// week's report published, one action overdue and milestones ahead. All text is written for the
// demo and every person is invented.

const staffEmail = 'elin.bergstrom@lagesbild.local';
const approverEmail = 'anders.wik@lagesbild.local';
const reporters: Record<string, string> = {
  SÄS: 'sara.holm@lagesbild.local',
  NH: 'ali.haddad@lagesbild.local',
  RH: 'lena.strom@lagesbild.local',
};

/** Loads the live event for the demo's units and people; `context.eventId` is not used. */
export async function loadLiveEvent(
  db: Db,
  context: Omit<DemoContext, 'eventId'>,
  grant: (eventId: number) => Promise<void>,
  now: Date,
): Promise<number> {
  const calendar = new LiveCalendar(now);
  const event = await createEventWithSetup(
    db,
    systemActor,
    { ...liveEvent, activatedAt: calendar.at(0, 0, '08:00').toISOString() },
    shippedSetups.regionalReport,
  );
  await grant(event.id);
  const live: DemoContext = { ...context, eventId: event.id };
  await loadReadiness(db, live, calendar);
  await loadFigures(db, live, calendar);
  const decisionId = await loadDecisionAndDiversion(db, live, calendar);
  await loadActions(db, live, calendar, decisionId);
  await loadMilestones(db, live, calendar);
  await loadLog(db, live, calendar);
  await loadSituations(db, live, calendar);
  await publishLastWeeksReport(db, live, calendar);
  return event.id;
}

async function loadReadiness(db: Db, context: DemoContext, calendar: LiveCalendar) {
  const actor = context.actorFor(staffEmail);
  await setReadiness(db, actor, context.eventId, null, {
    version: 0,
    level: 'stabsläge',
    reason: 'Regional särskild organisation aktiverad med anledning av överbeläggningarna.',
    changedAt: calendar.at(0, 0, '08:00').toISOString(),
    internal: false,
  });
  await setReadiness(db, actor, context.eventId, context.unitIds.get('SÄS')!, {
    version: 0,
    level: 'förstärkningsläge',
    reason: 'Sjukhuset öppnar extra vårdplatser och förstärker akutmottagningen med personal.',
    changedAt: calendar.at(1, 1, '06:00').toISOString(),
    internal: false,
  });
}

/**
 * SÄS bed occupancy at 07:00 and 15:00 and patients waiting at the Borås ED at 14:00: the 14 days
 * before today, and today.
 */
const occupancyMorning = [97, 99, 101, 104, 106, 105, 103, 104, 102, 101, 99, 98, 97, 96, 95];
const occupancyAfternoon = [99, 101, 103, 106, 108, 106, 104, 105, 103, 102, 100, 99, 98, 97, 96];
const waitingAtEmergency = [28, 31, 36, 38, 33, 27, 25, 30, 24, 22, 21, 19, 23, 20, 18];

async function loadFigures(db: Db, context: DemoContext, calendar: LiveCalendar) {
  const { eventId } = context;
  const staff = context.actorFor(staffEmail);
  for (const figure of hospitalFigures) await createFigure(db, staff, eventId, figure);
  const reporter = context.actorFor(reporters.SÄS!);
  const sas = context.unitIds.get('SÄS')!;
  const record = (figureKey: string, value: number, observedAt: Date, facilityId: number | null) =>
    recordUnitObservation(db, reporter, eventId, sas, {
      figureKey,
      value,
      observedAt: observedAt.toISOString(),
      facilityId,
      source: 'Vårdplatskoordinator SÄS',
      internal: false,
    });
  const days = occupancyMorning.length - 1;
  const mornings = calendar.daysBeforeToday(days, '07:00');
  const afternoons = calendar.daysBeforeToday(days, '15:00');
  const atTwo = calendar.daysBeforeToday(days, '14:00');
  const emergency = context.facilityIds.get('SÄS-AKM-BORÅS')!;
  for (let day = 0; day < days; day += 1) {
    await record('beläggningsgrad', occupancyMorning[day]!, mornings[day]!, null);
    await record('beläggningsgrad', occupancyAfternoon[day]!, afternoons[day]!, null);
    await record('vantande-akut', waitingAtEmergency[day]!, atTwo[day]!, emergency);
  }
  // Today's first values even before their time has come, so that the current period has values
  // whatever the day and hour the demo loads (a week begins on Monday at midnight).
  await record('beläggningsgrad', occupancyMorning[days]!, calendar.todayAtOrNow('07:00'), null);
  if (calendar.hasPassedToday('15:00')) {
    await record(
      'beläggningsgrad',
      occupancyAfternoon[days]!,
      calendar.todayAtOrNow('15:00'),
      null,
    );
  }
  await record(
    'vantande-akut',
    waitingAtEmergency[days]!,
    calendar.todayAtOrNow('14:00'),
    emergency,
  );
}

async function loadDecisionAndDiversion(
  db: Db,
  context: DemoContext,
  calendar: LiveCalendar,
): Promise<number> {
  const staff = context.actorFor(staffEmail);
  const startsAt = calendar.at(1, 2, '07:00').toISOString();
  const decision = await createDecision(
    db,
    staff,
    context.eventId,
    {
      decidedAt: calendar.at(1, 1, '10:00').toISOString(),
      forum: 'Regional särskild organisation, stabsmöte',
      mandate:
        'Stabschefen har regiondirektörens mandat att styra om patientflöden mellan sjukhusen.',
      text: 'Ambulanser med patienter som inte är livshotande sjuka styrs från akutmottagningen i Borås till andra sjukhus i regionen tills vidare.',
      rationale:
        'Beläggningen på SÄS har legat över 100 procent i flera dygn och väntetiderna på akuten är långa. Övriga sjukhus har plats att ta emot fler patienter.',
      effectiveFrom: startsAt,
      effectiveTo: null,
      internal: false,
      diversionIds: [],
      meetingId: null,
    },
    'demo',
  );
  await createDiversion(db, staff, context.eventId, {
    facilityId: context.facilityIds.get('SÄS-AKM-BORÅS')!,
    categories: ['ambulance'],
    redirectedTo: 'NÄL i Trollhättan och Sahlgrenska Universitetssjukhuset',
    startsAt,
    endsAt: null,
    decisionId: decision.id,
    note: 'Livshotande tillstånd tas fortfarande emot i Borås.',
    internal: false,
    source: 'manual',
  });
  return decision.id;
}

async function loadActions(
  db: Db,
  context: DemoContext,
  calendar: LiveCalendar,
  decisionId: number,
) {
  const staff = context.actorFor(staffEmail);
  const base = { internal: false, ownerName: null, ownerUnitId: null, meetingId: null };
  const actions = [
    {
      text: 'Öppna tolv extra vårdplatser på medicinkliniken och bemanna dem med personal från den planerade vården.',
      ownerUnitId: context.unitIds.get('SÄS')!,
      dueAt: calendar.at(1, 4, '16:00').toISOString(),
      state: 'in_progress' as const,
      decisionId,
    },
    {
      text: 'Stäm av med kommunerna hur utskrivningsklara patienter kan flytta hem eller till korttidsboende snabbare.',
      ownerName: 'Chef för vårdplatsenheten',
      dueAt: calendar.deadlineInDays(3, '16:00').toISOString(),
      state: 'open' as const,
      decisionId: null,
    },
    {
      text: 'Informera ambulanssjukvården om den nya dirigeringen.',
      ownerName: 'Ambulanssjukvårdens ledningsfunktion',
      dueAt: calendar.at(1, 2, '07:00').toISOString(),
      state: 'done' as const,
      decisionId,
    },
  ];
  for (const action of actions) {
    await createAction(db, staff, context.eventId, { ...base, ...action }, 'demo');
  }
}

async function loadMilestones(db: Db, context: DemoContext, calendar: LiveCalendar) {
  const planner = context.actorFor('oskar.nyberg@lagesbild.local');
  const created = { source: 'demo', at: calendar.at(0, 0, '09:00').toISOString() };
  const activated = await createMilestone(
    db,
    planner,
    context.eventId,
    {
      title: 'Staben aktiverad',
      description:
        'Den regionala särskilda organisationen samlas och den första lägesbilden tas fram.',
      plannedOn: calendar.date(0, 0),
      internal: false,
    },
    created,
  );
  await reachMilestone(
    db,
    planner,
    context.eventId,
    activated.id,
    { version: activated.version, reachedAt: calendar.at(0, 0, '10:00').toISOString() },
    { source: 'demo', at: calendar.at(0, 0, '10:00').toISOString() },
  );
  const upcoming: [string, string, number][] = [
    [
      'Extra vårdplatser i full drift',
      'De tolv extra vårdplatserna på medicinkliniken är bemannade dygnet runt.',
      7,
    ],
    [
      'Utvärdering av omstyrningen av ambulanser',
      'Staben bedömer om ambulanserna kan köra till Borås som vanligt igen.',
      14,
    ],
  ];
  for (const [title, description, days] of upcoming) {
    await createMilestone(
      db,
      planner,
      context.eventId,
      { title, description, plannedOn: calendar.dayFromToday(days), internal: false },
      created,
    );
  }
}

async function loadLog(db: Db, context: DemoContext, calendar: LiveCalendar) {
  const staff = context.actorFor(staffEmail);
  const entries: [Date, string, string, boolean][] = [
    [
      calendar.at(0, 0, '08:15'),
      'Stabschef',
      'Staben är aktiverad. Stabsmöte varje vardag klockan 10.00 och lägesbild till regionledningen varje fredag.',
      true,
    ],
    [
      calendar.at(1, 1, '10:30'),
      'Stabsmöte',
      'Beslut om att styra ambulanser från Borås till andra sjukhus från onsdag morgon.',
      true,
    ],
    [
      calendar.at(1, 2, '07:20'),
      'Ambulanssjukvårdens ledningsfunktion',
      'Den nya dirigeringen gäller från i morse. Inga störningar i flödet hittills.',
      false,
    ],
  ];
  for (const [occurredAt, source, text, significant] of entries) {
    await createLogEntry(
      db,
      staff,
      context.eventId,
      { occurredAt: occurredAt.toISOString(), source, text, significant, internal: false },
      'demo',
    );
  }
}

interface WeekSituation {
  unit: string;
  week: 0 | 1;
  overall: SaveSituationInput['overallStatus'];
  prognosis: 'improving' | 'unchanged' | 'worsening';
  bullets: string[];
}

const situations: WeekSituation[] = [
  {
    unit: 'SÄS',
    week: 0,
    overall: 'red',
    prognosis: 'worsening',
    bullets: [
      'Fler inneliggande patienter än vårdplatser varje dygn.',
      'Långa väntetider på akutmottagningen i Borås.',
    ],
  },
  {
    unit: 'NH',
    week: 0,
    overall: 'yellow',
    prognosis: 'unchanged',
    bullets: ['Vårdcentralerna tar emot fler patienter med luftvägsinfektioner än vanligt.'],
  },
  {
    unit: 'RH',
    week: 0,
    overall: 'green',
    prognosis: 'unchanged',
    bullets: ['Inga störningar i verksamheten.'],
  },
  {
    unit: 'SÄS',
    week: 1,
    overall: 'yellow',
    prognosis: 'improving',
    bullets: [
      'Omstyrningen av ambulanser har minskat trycket på akuten.',
      'Beläggningen är fortfarande över 100 procent men sjunker.',
    ],
  },
  {
    unit: 'NH',
    week: 1,
    overall: 'yellow',
    prognosis: 'unchanged',
    bullets: ['Vårdcentralerna hjälper till med uppföljning av patienter som skrivits ut tidigt.'],
  },
  {
    unit: 'RH',
    week: 1,
    overall: 'green',
    prognosis: 'unchanged',
    bullets: ['Regionhälsan stöttar SÄS med rekrytering av timanställda.'],
  },
];

/** Input requests for all three weeks; the two past weeks answered and accepted. */
async function loadSituations(db: Db, context: DemoContext, calendar: LiveCalendar) {
  const staff = context.actorFor(staffEmail);
  const unitIds = Object.keys(reporters).map((code) => context.unitIds.get(code)!);
  for (const week of [0, 1, 2] as const) {
    await createInputRequest(
      db,
      staff,
      context.eventId,
      {
        period: calendar.weeks[week],
        deadline: calendar.at(week, 3, '12:00').toISOString(),
        unitIds,
      },
      calendar.past(calendar.at(week, 0, '09:00')),
    );
  }
  for (const situation of situations) {
    const reporter = context.actorFor(reporters[situation.unit]!);
    const where = {
      eventId: context.eventId,
      unitId: context.unitIds.get(situation.unit)!,
      period: calendar.weeks[situation.week],
    };
    const overall = situation.overall;
    const saved = await saveSituation(
      db,
      reporter,
      where,
      {
        overallStatus: overall,
        areas: {
          accessToCare: overall,
          patientSafety: overall,
          staff: overall,
          itProgramme: 'green',
          communication: 'green',
        },
        prognosis: situation.prognosis,
        bullets: situation.bullets.map((bullet) => `- ${bullet}`).join('\n'),
        keyFigures: [],
        internal: false,
        answers: {},
      },
      calendar.at(situation.week, 2, '14:00'),
    );
    const submitted = await submitSituation(
      db,
      reporter,
      where,
      saved.situation.version,
      calendar.at(situation.week, 2, '15:00'),
    );
    await acceptSituation(
      db,
      staff,
      context.eventId,
      submitted.id,
      submitted.version,
      calendar.at(situation.week, 3, '09:00'),
    );
  }
}

const lastWeeksTexts: Record<string, string> = {
  'access-to-care': [
    'Trycket på akutsjukvården i södra området är fortsatt högt men har minskat sedan förra veckan.',
    '',
    '- Ambulanser med patienter som inte är livshotande sjuka styrs sedan onsdag till andra sjukhus.',
    '- Beläggningen på SÄS ligger strax över 100 procent och sjunker.',
  ].join('\n'),
  comment: [
    '- Omstyrningen av ambulanserna har gett effekt. Staben följer läget dagligen och bedömer om den kan upphöra.',
  ].join('\n'),
  background:
    'Staben aktiverades när Södra Älvsborgs Sjukhus under flera dygn haft fler inneliggande patienter än vårdplatser.',
};

/** Last week's report, compiled and published on Friday afternoon. */
async function publishLastWeeksReport(db: Db, context: DemoContext, calendar: LiveCalendar) {
  const editor = context.actorFor(staffEmail);
  const approver = context.actorFor(approverEmail);
  const draft = await startReport(db, editor, context.eventId, {
    kind: 'regular',
    compiledAt: calendar.at(1, 4, '13:00').toISOString(),
  });
  for (const section of await sectionsOf(db, draft.id)) {
    const text = lastWeeksTexts[section.key];
    if (text === undefined) continue;
    await saveSection(db, editor, context.eventId, draft.id, section.id, {
      version: section.version,
      text,
    });
  }
  const submitted = await moveReport(db, editor, context.eventId, draft.id, 'submit', {
    version: draft.version,
  });
  const approved = await moveReport(db, approver, context.eventId, draft.id, 'approve', {
    version: submitted.version,
  });
  await publishReport(
    db,
    approver,
    context.eventId,
    draft.id,
    approved.version,
    queueReportDeliveries,
    { publishedAt: calendar.at(1, 4, '14:00').toISOString() },
  );
}
