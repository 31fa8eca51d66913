import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import type { Actor } from '../http/actor.ts';
import { assessRisk, createRisk } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';
const oskar = 'oskar.nyberg@lagesbild.local';

interface Assessment {
  at: string;
  likelihood: number;
  consequence: number;
  mitigation?: string;
  comment: string;
}

const risks = [
  {
    title: 'Användare saknar behörighet eller kan inte logga in i Millennium',
    description:
      'Om medarbetare saknar rätt behörighet vid driftstarten kan de inte dokumentera eller läsa journalen, vilket fördröjer vården och försvårar förberedande utbildning.',
    owner: 'Programchef Millennium',
    internal: false,
    assessments: [
      {
        at: '2024-10-28T09:00:00Z',
        likelihood: 4,
        consequence: 3,
        mitigation: 'Särskilt team matchar behörigheter mot roller, förvaltning för förvaltning.',
        comment: 'Många användare har fortfarande inte kunnat logga in.',
      },
      {
        at: '2024-11-05T09:00:00Z',
        likelihood: 3,
        consequence: 3,
        comment: 'Läget har förbättrats sedan förra veckan men är inte löst.',
      },
      {
        at: '2024-11-13T09:00:00Z',
        likelihood: 4,
        consequence: 4,
        mitigation:
          'Floor walkers prioriterar inloggningsproblem; supporten har utökade öppettider.',
        comment: 'Efter driftstarten rapporteras inloggningsproblem från flera enheter.',
      },
      {
        at: '2024-11-21T09:00:00Z',
        likelihood: 2,
        consequence: 3,
        comment: 'De tidigare journalsystemen är i drift igen; risken gäller nu kommande etapper.',
      },
    ] as Assessment[],
  },
  {
    title: 'Hög beläggningsgrad på SÄS',
    description:
      'Överbeläggningar i slutenvården på SÄS minskar utrymmet för förberedelser och utbildning och gör det svårare att ta emot akuta patienter under införandet.',
    owner: 'Sjukhusdirektör SÄS',
    internal: false,
    assessments: [
      {
        at: '2024-10-28T09:00:00Z',
        likelihood: 4,
        consequence: 3,
        mitigation:
          'Ingen planerad vård under införandeveckan; övriga sjukhus tar emot hänvisade patienter.',
        comment: 'Högt inflöde och överbeläggningar.',
      },
      {
        at: '2024-11-05T09:00:00Z',
        likelihood: 4,
        consequence: 4,
        comment: 'Beläggningen ligger kvar på en hög nivå trots hänvisningen.',
      },
      {
        at: '2024-11-22T09:00:00Z',
        likelihood: 2,
        consequence: 3,
        comment: 'Stabilt läge i slutenvården och på akuten; omstyrningen kan avslutas.',
      },
    ] as Assessment[],
  },
  {
    title: 'Hög arbetsbelastning för medarbetarna',
    description:
      'Utbildning, behörighetsarbete och nya arbetssätt ovanpå ordinarie vård kan leda till utmattning och ökad sjukfrånvaro.',
    owner: 'HR-direktör',
    internal: true,
    assessments: [
      {
        at: '2024-10-29T09:00:00Z',
        likelihood: 3,
        consequence: 3,
        mitigation:
          'Tätare samverkan med de fackliga parterna och risk- och konsekvensbedömningar i verksamheterna.',
        comment: 'Fackliga parter lyfter arbetsmiljön i flera forum.',
      },
      {
        at: '2024-11-14T09:00:00Z',
        likelihood: 4,
        consequence: 3,
        comment: 'Belastningen har ökat efter driftstarten.',
      },
      {
        at: '2024-11-21T09:00:00Z',
        likelihood: 3,
        consequence: 3,
        comment: 'Något lägre belastning sedan de tidigare systemen startats om.',
      },
    ] as Assessment[],
  },
];

/** Three risks of weeks 44–47 2024, each reassessed as the event developed. */
export async function loadRisksDemo(db: Db, context: DemoContext): Promise<void> {
  for (const [index, risk] of risks.entries()) {
    const actor = context.actorFor(index % 2 === 0 ? elin : oskar);
    await loadRisk(db, actor, context.eventId, risk);
  }
}

async function loadRisk(db: Db, actor: Actor, eventId: number, risk: (typeof risks)[number]) {
  const [first, ...later] = risk.assessments;
  let current = await createRisk(
    db,
    actor,
    eventId,
    {
      title: risk.title,
      description: risk.description,
      owner: risk.owner,
      internal: risk.internal,
      likelihood: first!.likelihood,
      consequence: first!.consequence,
      mitigation: first!.mitigation ?? '',
      comment: first!.comment,
      assessedAt: first!.at,
    },
    'demo',
  );
  for (const assessment of later) {
    current = await assessRisk(db, actor, eventId, current.id, {
      version: current.version,
      likelihood: assessment.likelihood,
      consequence: assessment.consequence,
      mitigation: assessment.mitigation,
      comment: assessment.comment,
      assessedAt: assessment.at,
    });
  }
}
