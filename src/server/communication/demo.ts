import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { createActivity, createMediaPicture, createSpokesperson } from './service.ts';
import type { Audience, Channel, Tone } from './tables.ts';

const petra = 'petra.dahl@lagesbild.local';

const activities: {
  occurredOn: string;
  channels: Channel[];
  audience: Audience;
  title: string;
  link?: string;
  internal?: boolean;
}[] = [
  {
    occurredOn: '2024-11-01',
    channels: ['intranet', 'press_release'],
    audience: 'both',
    title: 'Akutpatienter kan hänvisas till andra sjukhus medan SÄS byter journalsystem',
  },
  {
    occurredOn: '2024-11-01',
    channels: ['intranet'],
    audience: 'internal',
    title: 'Kommunerna i södra området ansluter till Millennium i februari 2025',
  },
  {
    occurredOn: '2024-11-04',
    channels: ['social_media', '1177'],
    audience: 'external',
    title: 'Kampanj i sociala medier: så söker du akut vård i södra området under införandet',
    link: 'https://www.1177.se/vastra-gotaland/',
  },
  {
    occurredOn: '2024-11-05',
    channels: ['intranet', '1177'],
    audience: 'both',
    title: 'Din journal finns kvar när Millennium tas i bruk',
  },
  {
    occurredOn: '2024-11-07',
    channels: ['press_release'],
    audience: 'external',
    title: 'Läget inför driftstarten och inbjudan till pressträff den 12 november',
  },
  {
    occurredOn: '2024-11-12',
    channels: ['press_conference'],
    audience: 'external',
    title: 'Presskonferens om driftstarten av Millennium',
  },
  {
    occurredOn: '2024-11-15',
    channels: ['newsletter'],
    audience: 'internal',
    title: 'Chefsbrev: stöd till medarbetare under första veckan med Millennium',
    internal: true,
  },
  {
    occurredOn: '2024-11-21',
    channels: ['intranet'],
    audience: 'internal',
    title: 'Regiondirektören skriver till medarbetarna om återgången till de tidigare systemen',
  },
  {
    occurredOn: '2024-11-22',
    channels: ['intranet', '1177'],
    audience: 'both',
    title: 'Akutmottagningen i Borås tar åter emot alla patienter',
  },
  {
    occurredOn: '2024-11-22',
    channels: ['intranet'],
    audience: 'internal',
    title: 'Frågor och svar om Millennium efter pausen',
  },
];

const mediaPictures: {
  period: string;
  articleCount: number;
  themes: string[];
  tone: Tone;
  comment: string;
  internal?: boolean;
}[] = [
  {
    period: '2024-W44',
    articleCount: 180,
    themes: ['Hänvisning till andra akutmottagningar', 'Förberedelser inför driftstart'],
    tone: 'neutral',
    comment: 'Rapporteringen handlar mest om var invånarna ska söka vård.',
  },
  {
    period: '2024-W45',
    articleCount: 320,
    themes: [
      'Produktionspåverkan i akutvården',
      'Risk- och konsekvensanalyser',
      'Fackliga synpunkter',
    ],
    tone: 'mixed',
    comment:
      'Regionens företrädare hörs främst när de bemöter kritik; nyttan med systemet syns sällan.',
  },
  {
    period: '2024-W46',
    articleCount: 760,
    themes: ['Driftstarten', 'Inloggningsproblem', 'Medarbetarnas arbetsmiljö'],
    tone: 'negative',
    comment: 'Kraftigt ökat medietryck efter driftstarten.',
  },
  {
    period: '2024-W47',
    articleCount: 975,
    themes: ['Problem under skarp drift', 'Extern granskning', 'Vad som händer framåt'],
    tone: 'negative',
    comment: 'Flest frågor om pausen och om hur införandet fortsätter.',
  },
];

const spokespersons = [
  {
    name: 'Helena Forsberg',
    title: 'Hälso- och sjukvårdsutvecklingsdirektör',
    topic: 'Införandet av Millennium i regionen',
    fromDate: '2024-10-28',
  },
  {
    name: 'Magnus Ekholm',
    title: 'Hälso- och sjukvårdsproduktionsdirektör',
    topic: 'Tillgång till vård och omstyrning av patienter',
    fromDate: '2024-10-28',
  },
  {
    name: 'Birgitta Lundgren',
    title: 'Programstyrgruppsordförande Millennium',
    topic: 'Programmets tidplan och beslut',
    fromDate: '2024-10-28',
  },
  {
    name: 'Johan Åkesson',
    title: 'Programchef Millennium',
    topic: 'Systemet, behörigheter och leverantörens stöd',
    fromDate: '2024-10-28',
    toDate: '2024-11-26',
  },
  {
    name: 'Sofia Berg',
    title: 'Kommunikationschef SÄS',
    topic: 'Ersättare vid frågor om akutmottagningen i Borås',
    fromDate: '2024-11-04',
    toDate: '2024-11-22',
    internal: true,
  },
];

/** Communication activities, weekly media picture and spokespersons for weeks 44–47 2024. */
export async function loadCommunicationDemo(db: Db, context: DemoContext): Promise<void> {
  const actor = context.actorFor(petra);
  const { eventId } = context;
  for (const activity of activities) {
    await createActivity(db, actor, eventId, { link: null, internal: false, ...activity }, 'demo');
  }
  for (const picture of mediaPictures) {
    await createMediaPicture(db, actor, eventId, { internal: false, ...picture }, 'demo');
  }
  for (const person of spokespersons) {
    await createSpokesperson(
      db,
      actor,
      eventId,
      { toDate: null, internal: false, ...person },
      'demo',
    );
  }
}
