import type { Db } from '../db/schema.ts';
import type { DemoContext } from '../demo/context.ts';
import { createLesson } from './service.ts';

const elin = 'elin.bergstrom@lagesbild.local';

/** Lessons the staff drew from the go-live, to be taken into the follow-up analysis in January. */
const lessons = [
  {
    category: 'Behörigheter',
    observation:
      'Vid driftstarten saknade många medarbetare rätt behörighet i Millennium. Ärendena till IT-supporten köade i flera dygn och enheterna fick bemanna med personal som redan hade fungerande inloggning.',
    recommendation:
      'Inför kommunernas anslutning den 18 februari 2025: kontrollera behörigheterna mot bemanningslistorna två veckor före start och ha en snabbkanal för behörighetsärenden de första dagarna.',
    owner: 'Programledningen Millennium',
    state: 'in_progress' as const,
  },
  {
    category: 'Patientflöden',
    observation:
      'Hänvisningen från akutmottagningen i Borås fungerade, men övriga akutmottagningar fick beskedet om omstyrningens slut sent och hade kvar extra bemanning en dag i onödan.',
    recommendation:
      'Skicka beslut om att en omstyrning börjar eller upphör till alla mottagande akutmottagningar samtidigt, med en namngiven kontaktperson per sjukhus.',
    owner: 'Operativ samordning produktionschefer',
    state: 'open' as const,
  },
  {
    category: 'Kommunikation',
    observation:
      'Under de första två veckorna kom frågor från medarbetare, kommuner och media i så stor mängd att kommunikatörerna inte hann med. Samma fråga besvarades på olika sätt i olika kanaler.',
    recommendation:
      'Ta fram en gemensam fråga-och-svar-sida före nästa driftstart och utse en person per dag som ansvarar för att alla kanaler ger samma besked.',
    owner: 'Kommunikationsavdelningen',
    state: 'open' as const,
  },
  {
    category: 'Stabsarbete',
    observation:
      'Lägesrapporterna blev bättre när enheterna fick en fast tid för sina underlag. Den första veckan kom underlagen in under hela eftermiddagen.',
    recommendation:
      'Behåll den fasta tiden för underlag och påminnelsen en timme innan i kommande stabsarbete.',
    owner: 'Stabschefen',
    state: 'done' as const,
  },
];

export async function loadReviewDemo(db: Db, context: DemoContext): Promise<void> {
  for (const lesson of lessons) {
    await createLesson(db, context.actorFor(elin), context.eventId, lesson, 'demo');
  }
}
