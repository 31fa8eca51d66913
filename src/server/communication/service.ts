import type { z } from 'zod';
import type {
  Activity,
  MediaPicture,
  Spokesperson,
  activityListQuery,
  createActivityBody,
  createMediaPictureBody,
  createSpokespersonBody,
  mediaPictureListQuery,
  spokespersonListQuery,
  updateActivityBody,
  updateMediaPictureBody,
  updateSpokespersonBody,
} from '../../contract/communication.ts';
import type { Page } from '../../contract/list.ts';
import { formatDate, parsePeriod, periodRange, stockholmLocalToInstant } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import { answerPage } from '../db/paging.ts';
import { presentProvenance } from '../db/provenance.ts';
import { periodZoneOf } from '../events/service.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { findEvent } from '../events/repository.ts';
import type { Actor } from '../http/actor.ts';
import { indexForSearch } from '../search/index-document.ts';
import {
  type ActivityRow,
  type MediaPictureRow,
  type SpokespersonRow,
  findActivity,
  findMediaPicture,
  findMediaPictureOfPeriod,
  findSpokesperson,
  insertActivity,
  insertMediaPicture,
  insertSpokesperson,
  listActivities,
  listMediaPictures,
  listSpokespersons,
  updateActivity,
  updateMediaPicture,
  updateSpokesperson,
} from './repository.ts';
import type { Channel } from './tables.ts';

type Recorded = Pick<
  ActivityRow,
  'internal' | 'created_by' | 'created_at' | 'source' | 'updated_by' | 'updated_at' | 'version'
>;

function presentRecorded(row: Recorded) {
  return {
    internal: row.internal === 1,
    provenance: presentProvenance(row),
    version: row.version,
  };
}

export function presentActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    eventId: row.event_id,
    occurredOn: row.occurred_on,
    channels: JSON.parse(row.channels) as Channel[],
    audience: row.audience,
    title: row.title,
    link: row.link,
    ...presentRecorded(row),
  };
}

export function presentMediaPicture(row: MediaPictureRow): MediaPicture {
  return {
    id: row.id,
    eventId: row.event_id,
    period: row.period,
    articleCount: row.article_count,
    themes: JSON.parse(row.themes) as string[],
    tone: row.tone,
    comment: row.comment,
    ...presentRecorded(row),
  };
}

export function presentSpokesperson(row: SpokespersonRow): Spokesperson {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    title: row.title,
    topic: row.topic,
    fromDate: row.from_date,
    toDate: row.to_date,
    ...presentRecorded(row),
  };
}

/** Dates are calendar days in the event's zone; an explicit from/to wins over the days of the period. */
async function dateRangeOf(
  db: Db,
  eventId: number,
  query: { from?: string; to?: string; period?: string },
) {
  const zone = await periodZoneOf(db, eventId, query.period);
  const period = query.period ? periodRange(query.period, zone) : undefined;
  const dayOf = (instant: number) => formatDate(new Date(instant), zone);
  return {
    fromDate: query.from ?? (period && dayOf(Date.parse(period.from))),
    toDate: query.to ?? (period && dayOf(Date.parse(period.to) - 1)),
  };
}

/** One page of the event's communication activities, filtered as the query says. */
export async function activityPage(
  db: Db,
  eventId: number,
  query: z.infer<typeof activityListQuery>,
  includeInternal: boolean,
): Promise<Page<Activity>> {
  const filter = {
    includeInternal,
    audience: query.audience,
    channel: query.channel,
    ...(await dateRangeOf(db, eventId, query)),
  };
  return answerPage(
    query,
    (page) => listActivities(db, eventId, filter, page),
    (rows) => rows.map(presentActivity),
  );
}

/** One page of the event's media pictures, one per period. */
export async function mediaPicturePage(
  db: Db,
  eventId: number,
  query: z.infer<typeof mediaPictureListQuery>,
  includeInternal: boolean,
): Promise<Page<MediaPicture>> {
  return answerPage(
    query,
    (page) => listMediaPictures(db, eventId, { includeInternal, period: query.period }, page),
    (rows) => rows.map(presentMediaPicture),
  );
}

/** One page of the event's spokespersons, optionally those who speak on a given day. */
export async function spokespersonPage(
  db: Db,
  eventId: number,
  query: z.infer<typeof spokespersonListQuery>,
  includeInternal: boolean,
): Promise<Page<Spokesperson>> {
  return answerPage(
    query,
    (page) => listSpokespersons(db, eventId, { includeInternal, activeOn: query.activeOn }, page),
    (rows) => rows.map(presentSpokesperson),
  );
}

function created(actor: Actor, eventId: number, internal: boolean, source: string) {
  const now = new Date().toISOString();
  return {
    event_id: eventId,
    internal: internal ? 1 : 0,
    created_by: actor.userId,
    created_at: now,
    source,
    updated_by: actor.userId,
    updated_at: now,
  };
}

function changed(actor: Actor, internal: boolean | undefined) {
  return {
    ...(internal !== undefined && { internal: internal ? 1 : 0 }),
    updated_by: actor.userId,
    updated_at: new Date().toISOString(),
  };
}

export async function createActivity(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createActivityBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    const activity = await insertActivity(trx, {
      ...created(actor, eventId, input.internal, source),
      occurred_on: input.occurredOn,
      channels: JSON.stringify(input.channels),
      audience: input.audience,
      title: input.title,
      link: input.link,
    });
    await indexActivity(trx, activity);
    await recordAudit(trx, actor, {
      action: 'communication_activity.create',
      entityType: 'communication_activity',
      entityId: activity.id,
      eventId,
      after: activity,
    });
    return presentActivity(activity);
  });
}

export async function changeActivity(
  db: Db,
  actor: Actor,
  eventId: number,
  activityId: number,
  input: z.infer<typeof updateActivityBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findActivity(trx, eventId, activityId);
    if (!before) throw errors.notFound('Kommunikationsaktiviteten');
    const updated = await updateActivity(trx, activityId, input.version, {
      ...changed(actor, input.internal),
      ...(input.occurredOn !== undefined && { occurred_on: input.occurredOn }),
      ...(input.channels !== undefined && { channels: JSON.stringify(input.channels) }),
      ...(input.audience !== undefined && { audience: input.audience }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.link !== undefined && { link: input.link }),
    });
    if (!updated) throw errors.conflict(presentActivity(before));
    await indexActivity(trx, updated);
    await recordAudit(trx, actor, {
      action: 'communication_activity.update',
      entityType: 'communication_activity',
      entityId: activityId,
      eventId,
      before,
      after: updated,
    });
    return presentActivity(updated);
  });
}

export async function createMediaPicture(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createMediaPictureBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    await checkPeriod(trx, eventId, input.period);
    if (await findMediaPictureOfPeriod(trx, eventId, input.period)) {
      throw errors.wrongState(`Det finns redan en mediebild för ${input.period}.`, {
        field: 'period',
      });
    }
    const picture = await insertMediaPicture(trx, {
      ...created(actor, eventId, input.internal, source),
      period: input.period,
      article_count: input.articleCount,
      themes: JSON.stringify(input.themes),
      tone: input.tone,
      comment: input.comment,
    });
    await recordAudit(trx, actor, {
      action: 'media_picture.create',
      entityType: 'media_picture',
      entityId: picture.id,
      eventId,
      after: picture,
    });
    return presentMediaPicture(picture);
  });
}

export async function changeMediaPicture(
  db: Db,
  actor: Actor,
  eventId: number,
  mediaPictureId: number,
  input: z.infer<typeof updateMediaPictureBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findMediaPicture(trx, eventId, mediaPictureId);
    if (!before) throw errors.notFound('Mediebilden');
    const updated = await updateMediaPicture(trx, mediaPictureId, input.version, {
      ...changed(actor, input.internal),
      ...(input.articleCount !== undefined && { article_count: input.articleCount }),
      ...(input.themes !== undefined && { themes: JSON.stringify(input.themes) }),
      ...(input.tone !== undefined && { tone: input.tone }),
      ...(input.comment !== undefined && { comment: input.comment }),
    });
    if (!updated) throw errors.conflict(presentMediaPicture(before));
    await recordAudit(trx, actor, {
      action: 'media_picture.update',
      entityType: 'media_picture',
      entityId: mediaPictureId,
      eventId,
      before,
      after: updated,
    });
    return presentMediaPicture(updated);
  });
}

export async function createSpokesperson(
  db: Db,
  actor: Actor,
  eventId: number,
  input: z.infer<typeof createSpokespersonBody>,
  source = 'manual',
) {
  return db.transaction().execute(async (trx) => {
    refuseEndBeforeStart(input.fromDate, input.toDate);
    const spokesperson = await insertSpokesperson(trx, {
      ...created(actor, eventId, input.internal, source),
      name: input.name,
      title: input.title,
      topic: input.topic,
      from_date: input.fromDate,
      to_date: input.toDate,
    });
    await recordAudit(trx, actor, {
      action: 'spokesperson.create',
      entityType: 'spokesperson',
      entityId: spokesperson.id,
      eventId,
      after: spokesperson,
    });
    return presentSpokesperson(spokesperson);
  });
}

export async function changeSpokesperson(
  db: Db,
  actor: Actor,
  eventId: number,
  spokespersonId: number,
  input: z.infer<typeof updateSpokespersonBody>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await findSpokesperson(trx, eventId, spokespersonId);
    if (!before) throw errors.notFound('Talespersonen');
    refuseEndBeforeStart(
      input.fromDate ?? before.from_date,
      input.toDate !== undefined ? input.toDate : before.to_date,
    );
    const updated = await updateSpokesperson(trx, spokespersonId, input.version, {
      ...changed(actor, input.internal),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.topic !== undefined && { topic: input.topic }),
      ...(input.fromDate !== undefined && { from_date: input.fromDate }),
      ...(input.toDate !== undefined && { to_date: input.toDate }),
    });
    if (!updated) throw errors.conflict(presentSpokesperson(before));
    await recordAudit(trx, actor, {
      action: 'spokesperson.update',
      entityType: 'spokesperson',
      entityId: spokespersonId,
      eventId,
      before,
      after: updated,
    });
    return presentSpokesperson(updated);
  });
}

/** The media picture follows the event's reporting rhythm: a week, or a day. */
async function checkPeriod(trx: Db, eventId: number, key: string): Promise<void> {
  const event = await findEvent(trx, eventId);
  // The body's period key already exists in the calendar.
  const granularity = parsePeriod(key).granularity;
  if (event && granularity !== event.period_granularity) {
    throw errors.badRequest(
      event.period_granularity === 'week'
        ? 'Händelsen rapporteras per vecka; ange en vecka som 2024-W47.'
        : 'Händelsen rapporteras per dag; ange en dag som 2024-11-22.',
      { field: 'period' },
    );
  }
}

function refuseEndBeforeStart(fromDate: string, toDate: string | null): void {
  if (toDate !== null && toDate < fromDate) {
    throw errors.badRequest('Slutdatum kan inte ligga före startdatum.', { field: 'toDate' });
  }
}

function indexActivity(trx: Db, activity: ActivityRow): Promise<void> {
  return indexForSearch(trx, {
    eventId: activity.event_id,
    kind: 'communication_activity',
    entityId: activity.id,
    title: activity.title,
    body: activity.link ?? '',
    internal: activity.internal === 1,
    at: stockholmLocalToInstant(activity.occurred_on).toISOString(),
  });
}
