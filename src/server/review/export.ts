import type { z } from 'zod';
import type { ReviewDocument } from '../../render/review-document.ts';
import { type ReviewWording, reviewWording } from '../../core/review-wording.ts';
import type { Db } from '../db/schema.ts';
import { requireEvent } from '../events/service.ts';
import { listLessons } from './repository.ts';
import type { timelineFilterQuery } from '../../contract/review.ts';
import { type TimelineFilter, eventTimeline } from './timeline.ts';

export type ReviewFormat = 'docx' | 'pdf';

export const reviewContentTypes: Record<ReviewFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The review as the renderers want it: the visible timeline (filtered) and every lesson. */
export async function reviewDocument(
  db: Db,
  eventId: number,
  includeInternal: boolean,
  query: z.infer<typeof timelineFilterQuery>,
  filter: TimelineFilter,
): Promise<ReviewDocument> {
  const event = await requireEvent(db, eventId);
  const words = reviewWording(event.language);
  const [timeline, lessons] = await Promise.all([
    eventTimeline(db, eventId, includeInternal, filter, event.language),
    listLessons(db, eventId),
  ]);
  return {
    eventName: event.name,
    language: event.language,
    isExercise: event.is_exercise === 1,
    activatedAt: new Date(event.activated_at).toISOString(),
    closedAt: event.closed_at && new Date(event.closed_at).toISOString(),
    compiledAt: new Date().toISOString(),
    timeZone: event.time_zone,
    includesInternal: includeInternal && timeline.some((entry) => entry.internal),
    filterDescription: describeFilter(query, words),
    timeline,
    lessons: lessons.map(({ observation, recommendation, owner, state, category }) => ({
      observation,
      recommendation,
      owner,
      state,
      category,
    })),
  };
}

/** "Urval: beslut, omstyrning; 2024-11-01 – 2024-11-30; sökord ”akut”." */
function describeFilter(query: z.infer<typeof timelineFilterQuery>, words: ReviewWording): string {
  const { filter } = words;
  const kinds = query.kinds?.length
    ? query.kinds.map((kind) => words.kinds[kind]!.toLowerCase()).join(', ')
    : filter.allKinds;
  const parts = [kinds];
  if (query.from || query.to) {
    parts.push(`${query.from ?? filter.start} – ${query.to ?? filter.end}`);
  }
  if (query.q) parts.push(filter.words(query.q));
  return filter.line(parts.join('; '));
}

/**
 * The file name in the review's language, with an ASCII-only fallback for clients that ignore
 * `filename*`.
 */
export function contentDisposition(document: ReviewDocument, format: ReviewFormat): string {
  const name = `${reviewWording(document.language).fileName(document.eventName)}.${format}`;
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
