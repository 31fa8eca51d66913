import { stockholmLocalToInstant } from '../../core/time.ts';
import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import type { SaveSituationInput } from '../../contract/situations.ts';
import { createInputRequest } from './input-requests.ts';
import { acceptSituation, returnSituation, saveSituation, submitSituation } from './service.ts';
import { type Prognosis, type StatusColor } from '../../contract/situations.ts';

const staff = 'elin.bergstrom@lagesbild.local';
const reporters: Record<string, string> = {
  SÄS: 'sara.holm@lagesbild.local',
  NH: 'ali.haddad@lagesbild.local',
  RH: 'lena.strom@lagesbild.local',
};

/** Monday the request goes out and Thursday 12:00, its deadline (Stockholm time). */
const weeks = [
  { period: '2024-W44', monday: '2024-10-28', thursday: '2024-10-31' },
  { period: '2024-W45', monday: '2024-11-04', thursday: '2024-11-07' },
  { period: '2024-W46', monday: '2024-11-11', thursday: '2024-11-14' },
  { period: '2024-W47', monday: '2024-11-18', thursday: '2024-11-21' },
];

type Statuses = [StatusColor, StatusColor, StatusColor, StatusColor, StatusColor, StatusColor];

interface DemoSituation {
  unit: string;
  period: string;
  /** Overall, access to care, patient safety, staff, IT and programme, communication. */
  statuses: Statuses;
  prognosis: Prognosis;
  bullets: string[];
  keyFigures?: SaveSituationInput['keyFigures'];
  /** Local date and time of submission; review follows unless `review` is 'none'. */
  submitted: [string, string];
  review: { at: [string, string]; returnedWith?: string; resubmitted?: [string, string] } | 'none';
}

const occupancy = (value: number) => [{ name: 'Beläggningsgrad slutenvård', value, unit: '%' }];

const situations: DemoSituation[] = [
  {
    unit: 'SÄS',
    period: '2024-W44',
    statuses: ['yellow', 'yellow', 'yellow', 'yellow', 'yellow', 'green'],
    prognosis: 'worsening',
    bullets: [
      'Slutenvården har fler inneliggande patienter än vårdplatser, samtidigt som inflödet till akuten är stort.',
      'Förberedelserna inför driftstarten tar mycket tid av medarbetarna, vilket minskar utrymmet för produktion.',
      'Beslut finns om att hänvisa patienter till andra akutmottagningar från måndag den 4 november.',
    ],
    keyFigures: occupancy(103),
    submitted: ['2024-10-30', '15:10'],
    review: { at: ['2024-10-31', '09:20'] },
  },
  {
    unit: 'NH',
    period: '2024-W44',
    statuses: ['yellow', 'green', 'green', 'yellow', 'yellow', 'green'],
    prognosis: 'unchanged',
    bullets: [
      'Vårdcentralerna arbetar med att kontrollera att varje medarbetare får rätt behörigheter i Millennium.',
      'Kontrollen görs i stort sett manuellt och tar längre tid än planerat.',
    ],
    submitted: ['2024-10-30', '16:40'],
    review: { at: ['2024-10-31', '09:30'] },
  },
  {
    unit: 'RH',
    period: '2024-W44',
    statuses: ['green', 'green', 'green', 'yellow', 'green', 'green'],
    prognosis: 'unchanged',
    bullets: [
      'Utbildningen av medarbetarna är i stort sett genomförd.',
      'Några verksamheter saknar fortfarande fungerande inloggning; felanmälan är gjord.',
    ],
    submitted: ['2024-10-31', '08:15'],
    review: { at: ['2024-10-31', '09:45'] },
  },
  {
    unit: 'SÄS',
    period: '2024-W45',
    statuses: ['red', 'red', 'yellow', 'red', 'yellow', 'yellow'],
    prognosis: 'unchanged',
    bullets: [
      'Överbeläggningar på flera avdelningar; slutenvården prioriterar akut vård och vård som inte kan vänta.',
      'Ingen planerad vård genomförs under veckan.',
      'Gående patienter och ambulanser hänvisas sedan den 4 november till andra akutmottagningar.',
      'Den höga beläggningen gör det svårt att hinna med behörighetsmatchningen i Millennium och de sista utbildningarna.',
    ],
    keyFigures: occupancy(108),
    submitted: ['2024-11-06', '14:05'],
    review: {
      at: ['2024-11-06', '16:00'],
      returnedWith:
        'Lägg gärna till veckans beläggningsgrad som nyckeltal, så att vi kan följa trenden.',
      resubmitted: ['2024-11-07', '09:00'],
    },
  },
  {
    unit: 'NH',
    period: '2024-W45',
    statuses: ['yellow', 'green', 'green', 'yellow', 'yellow', 'green'],
    prognosis: 'unchanged',
    bullets: [
      'Behörighetsmatchningen i Millennium pågår fortfarande och tar mycket tid på vårdcentralerna.',
      'Tidbokningen inför driftstartsveckan är neddragen enligt plan.',
    ],
    submitted: ['2024-11-06', '15:30'],
    review: { at: ['2024-11-07', '10:15'] },
  },
  {
    unit: 'RH',
    period: '2024-W45',
    statuses: ['yellow', 'green', 'green', 'yellow', 'yellow', 'green'],
    prognosis: 'improving',
    bullets: [
      'Vissa utmaningar kvarstår inför driftstarten, framför allt kring inloggning.',
      'En åtgärdsplan finns för veckan och arbetet följer den.',
    ],
    submitted: ['2024-11-07', '08:40'],
    review: { at: ['2024-11-07', '10:20'] },
  },
  {
    unit: 'SÄS',
    period: '2024-W46',
    statuses: ['red', 'red', 'red', 'red', 'red', 'yellow'],
    prognosis: 'unchanged',
    bullets: [
      'Driftstart av Millennium tisdag den 12 november.',
      'Hänvisningen av patienter till andra akutmottagningar fortsätter; övriga sjukhus tar emot.',
      'Många medarbetare har haft problem med inloggning och behörigheter under de första dygnen.',
      'Leverantörens systemkunniga stöd och coacherna på avdelningarna används flitigt.',
    ],
    keyFigures: occupancy(106),
    submitted: ['2024-11-13', '17:20'],
    review: { at: ['2024-11-14', '08:50'] },
  },
  {
    unit: 'NH',
    period: '2024-W46',
    statuses: ['yellow', 'yellow', 'yellow', 'yellow', 'red', 'green'],
    prognosis: 'worsening',
    bullets: [
      'Vårdcentralerna har gått över till Millennium men arbetet går långsamt.',
      'Fortfarande saknar en del medarbetare rätt behörigheter, vilket ger längre väntetider i telefon.',
    ],
    submitted: ['2024-11-14', '11:30'],
    review: 'none',
  },
  {
    unit: 'RH',
    period: '2024-W46',
    statuses: ['yellow', 'green', 'green', 'yellow', 'yellow', 'green'],
    prognosis: 'unchanged',
    bullets: [
      'Driftstarten har genomförts enligt plan.',
      'Enstaka problem med utskrifter och inloggning hanteras via serviceportalen.',
    ],
    submitted: ['2024-11-14', '09:10'],
    review: { at: ['2024-11-14', '10:40'] },
  },
  {
    unit: 'SÄS',
    period: '2024-W47',
    statuses: ['green', 'green', 'yellow', 'yellow', 'yellow', 'green'],
    prognosis: 'improving',
    bullets: [
      'Beläggningen i slutenvården har stabiliserats och läget på akutmottagningen är lugnt.',
      'Återgång till ordinarie akutverksamhet förbereds; hänvisningen kan avslutas tidigare än planerat.',
      'Återstarten av de tidigare journalsystemen pågår och kräver fortsatt extra arbete.',
    ],
    keyFigures: occupancy(91),
    submitted: ['2024-11-21', '09:30'],
    review: { at: ['2024-11-21', '11:00'] },
  },
  {
    unit: 'RH',
    period: '2024-W47',
    statuses: ['green', 'green', 'green', 'yellow', 'yellow', 'green'],
    prognosis: 'improving',
    bullets: [
      'Verksamheten arbetar åter i de tidigare systemen och följer sin plan.',
      'Uppgifter som registrerades i Millennium förs över manuellt där det behövs.',
    ],
    submitted: ['2024-11-21', '10:05'],
    review: { at: ['2024-11-21', '11:10'] },
  },
];

const at = ([date, time]: [string, string]) => stockholmLocalToInstant(date, time);

/** Input requests for weeks 44–47 and the units' answers; Närhälsan's week 47 is missing. */
export async function loadSituationsDemo(db: Db, context: DemoContext): Promise<void> {
  const staffActor = context.actorFor(staff);
  const unitIds = ['SÄS', 'NH', 'RH'].map((code) => context.unitIds.get(code)!);
  for (const week of weeks) {
    await createInputRequest(
      db,
      staffActor,
      context.eventId,
      {
        period: week.period,
        deadline: at([week.thursday, '12:00']).toISOString(),
        unitIds,
      },
      at([week.monday, '09:00']),
    );
  }
  for (const situation of situations) await loadSituation(db, context, situation);
}

async function loadSituation(db: Db, context: DemoContext, demo: DemoSituation): Promise<void> {
  const reporter = context.actorFor(reporters[demo.unit]!);
  const reviewer = context.actorFor(staff);
  const where = {
    eventId: context.eventId,
    unitId: context.unitIds.get(demo.unit)!,
    period: demo.period,
  };
  const [overall, accessToCare, patientSafety, staffStatus, itProgramme, communication] =
    demo.statuses;
  const input: SaveSituationInput = {
    overallStatus: overall,
    areas: { accessToCare, patientSafety, staff: staffStatus, itProgramme, communication },
    prognosis: demo.prognosis,
    bullets: demo.bullets.map((bullet) => `- ${bullet}`).join('\n'),
    keyFigures: [],
    internal: false,
    answers: {},
  };
  const draftedAt = new Date(at(demo.submitted).getTime() - 45 * 60_000);
  const returned = demo.review !== 'none' && demo.review.returnedWith !== undefined;
  // A returned situation was first sent without its key figures; they came with the resubmission.
  const first = await saveSituation(
    db,
    reporter,
    where,
    { ...input, keyFigures: returned ? [] : (demo.keyFigures ?? []) },
    draftedAt,
  );
  let current = await submitSituation(
    db,
    reporter,
    where,
    first.situation.version,
    at(demo.submitted),
  );
  if (demo.review === 'none') return;
  if (demo.review.returnedWith && demo.review.resubmitted) {
    current = await returnSituation(
      db,
      reviewer,
      context.eventId,
      current.id,
      { version: current.version, comment: demo.review.returnedWith },
      at(demo.review.at),
    );
    const resubmittedAt = at(demo.review.resubmitted);
    const edited = await saveSituation(
      db,
      reporter,
      where,
      { ...input, keyFigures: demo.keyFigures ?? [], version: current.version },
      new Date(resubmittedAt.getTime() - 10 * 60_000),
    );
    current = await submitSituation(db, reporter, where, edited.situation.version, resubmittedAt);
    await acceptSituation(
      db,
      reviewer,
      context.eventId,
      current.id,
      current.version,
      new Date(resubmittedAt.getTime() + 90 * 60_000),
    );
    return;
  }
  await acceptSituation(
    db,
    reviewer,
    context.eventId,
    current.id,
    current.version,
    at(demo.review.at),
  );
}
