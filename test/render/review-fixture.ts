import type { ReviewDocument } from '../../src/render/review-document.ts';

/** A closed event's review with one decision on its timeline and one open lesson. */
export function reviewFixture(): ReviewDocument {
  return {
    eventName: 'Vattenläcka i Norrby',
    isExercise: false,
    activatedAt: '2024-03-01T08:00:00Z',
    closedAt: '2024-03-04T16:00:00Z',
    compiledAt: '2024-03-05T09:00:00Z',
    timeZone: 'Europe/Stockholm',
    includesInternal: false,
    filterDescription: 'Alla händelser',
    timeline: [
      {
        at: '2024-03-01T09:15:00Z',
        kind: 'decision',
        title: 'Reservvatten till vårdcentralen',
        summary: 'Tankbil på plats före lunch.',
        internal: false,
      },
    ],
    lessons: [
      {
        observation: 'Larmlistan var gammal.',
        recommendation: 'Se över listan varje kvartal.',
        owner: 'Lena Berg',
        state: 'open',
        category: null,
      },
    ],
  };
}
