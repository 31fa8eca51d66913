// Alerts that reach people: each user chooses what alerts them; the alert job reads the writes
// (the audit records every write leaves) and the coming deadlines, and records one alert per
// user and subject. A status alerts when it turns to the worst level, a key figure when a value
// passes one of the figure's lines; neither alerts again while it stays there. The page shows them; e-mail and an SMS gateway's webhook send them on.
import { type EventGrant, isAllowed } from '../../core/access.ts';
import { formatDateTime } from '../../core/time.ts';
import { listGrants } from '../access/repository.ts';
import { recordAudit } from '../audit/record.ts';
import { type AuditRecordRow, recordsAfterOrAmong } from '../audit/repository.ts';
import type { Db } from '../db/schema.ts';
import type { Actor } from '../http/actor.ts';
import { activeLevelKeys, scaleLevels } from '../scales/service.ts';
import {
  listRequestedUnitStates,
  listRequestsDueBetween,
  listUnitReporters,
  unitVersionBefore,
} from '../situations/repository.ts';
import { isReported } from '../situations/tables.ts';
import { facilityNames, unitNames } from '../units/service.ts';
import { figureCrossings } from './figure-crossings.ts';
import { type AlertWording, type WordingOf, alertWordingByEvent } from './wording.ts';
import {
  type AlertChoiceRow,
  type AlertRow,
  choicesOfKind,
  choicesOfUser,
  insertAlert,
  readCursor,
  recentAlerts,
  replaceChoices,
  writeCursor,
} from './repository.ts';
import {
  type Alert,
  type AlertChoices,
  type AlertKind,
  type SaveAlertChoicesInput,
  alertKinds,
} from '../../contract/alerts.ts';

/** How long before an input request's deadline its unit's reporters are alerted. */
export const deadlineNearMs = 2 * 60 * 60 * 1000;
/** Writes younger than this wait for the next run: a slower transaction may commit a lower id. */
const defaultSettleMs = 2000;
const recordBatch = 500;
const recentLimit = 50;

export async function alertChoicesOf(
  db: Db,
  actor: Actor,
  smsAvailable: boolean,
): Promise<AlertChoices> {
  const rows = await choicesOfUser(db, actor.userId!);
  const items = alertKinds.flatMap((kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return row ? [{ kind, email: row.email === 1, sms: smsAvailable && row.sms === 1 }] : [];
  });
  return { items, smsAvailable };
}

export async function saveAlertChoices(
  db: Db,
  actor: Actor,
  input: SaveAlertChoicesInput,
  smsAvailable: boolean,
): Promise<AlertChoices> {
  const userId = actor.userId!;
  await db.transaction().execute(async (trx) => {
    const before = await choicesOfUser(trx, userId);
    const after = input.items.map((item) => ({
      user_id: userId,
      kind: item.kind,
      email: item.email ? 1 : 0,
      sms: smsAvailable && item.sms ? 1 : 0,
    }));
    await replaceChoices(trx, userId, after);
    await recordAudit(trx, actor, {
      action: 'alert_choices.save',
      entityType: 'user',
      entityId: userId,
      before: { choices: before },
      after: { choices: after },
    });
  });
  return alertChoicesOf(db, actor, smsAvailable);
}

export function presentAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    eventId: row.event_id,
    kind: row.kind,
    text: row.text,
    link: row.link,
    createdAt: row.created_at,
    email: row.email_state,
    sms: row.sms_state,
  };
}

/** The user's own recent alerts, newest first; `after` leaves out those already shown. */
export async function myAlerts(db: Db, actor: Actor, after: number): Promise<{ items: Alert[] }> {
  const rows = await recentAlerts(db, actor.userId!, after, recentLimit);
  return { items: rows.map(presentAlert) };
}

/** One alert to raise: its subject, text and place, for the users it may reach. */
interface Raised {
  eventId: number;
  kind: AlertKind;
  subjectKey: string;
  text: string;
  link: string;
  /** Who may receive it, by their grants in the event. */
  mayReceive: (grants: EventGrant[]) => boolean;
  /** Only these users, when the subject belongs to some (a unit's reporters). */
  onlyUsers?: number[];
}

/**
 * Reads the writes since the last run and the deadlines now near, and records the alerts they
 * raise. Several nodes may run it at once: an alert is recorded once per user and subject.
 */
export async function raiseAlerts(
  db: Db,
  now = new Date(),
  settleMs = defaultSettleMs,
): Promise<number> {
  let raised = 0;
  const wordingOf = alertWordingByEvent(db);
  const written = await alertsOfNewRecords(db, new Date(now.getTime() - settleMs), wordingOf);
  for (const alert of written) raised += await record(db, alert, now);
  for (const alert of await alertsOfNearDeadlines(db, now, wordingOf)) {
    raised += await record(db, alert, now);
  }
  return raised;
}

async function alertsOfNewRecords(
  db: Db,
  settledBy: Date,
  wordingOf: WordingOf,
): Promise<Raised[]> {
  const cutoff = settledBy.toISOString();
  const raised: Raised[] = [];
  let cursor = await readCursor(db);
  for (;;) {
    const records = await recordsAfterOrAmong(db, cursor, [], recordBatch);
    const settled = records.filter((record) => record.at <= cutoff);
    for (const record of settled) raised.push(...(await alertsOfRecord(db, record, wordingOf)));
    const last = settled.at(-1);
    if (last) {
      cursor = last.id;
      await writeCursor(db, cursor);
    }
    if (settled.length < recordBatch) return raised;
  }
}

interface Recorded {
  id?: number;
  version?: number;
  observationIds?: number[];
  facility_id?: number;
  internal?: number | boolean;
  overall_status?: string | null;
  unit_id?: number;
  period?: string;
  title?: string;
  state?: string;
}

function parse(json: string | null): Recorded {
  return json ? (JSON.parse(json) as Recorded) : {};
}

const readers = (internal: boolean) => (grants: EventGrant[]) =>
  isAllowed(grants, internal ? 'internal.read' : 'picture.read');

async function alertsOfRecord(
  db: Db,
  record: AuditRecordRow,
  wordingOf: WordingOf,
): Promise<Raised[]> {
  const eventId = record.event_id;
  if (eventId === null) return [];
  const words = await wordingOf(eventId);
  const after = parse(record.after_json);
  const internal = after.internal === 1 || after.internal === true;
  const base = `/events/${eventId}`;
  switch (record.action) {
    case 'diversion.create':
    case 'diversion.end': {
      const place = (await facilityNames(db)).get(after.facility_id!) ?? '';
      const starts = record.action === 'diversion.create';
      return [
        {
          eventId,
          kind: 'diversion',
          subjectKey: `${record.action}:${record.entity_id}`,
          text: words.diversion(starts, place),
          link: `${base}/diversions`,
          mayReceive: readers(internal),
        },
      ];
    }
    case 'situation.submit':
      return worstStatusAlerts(db, record, after, readers(internal), words);
    case 'figure.observation.create':
      return figureAlerts(db, eventId, [after.id!], wordingOf);
    case 'figure.import':
    case 'figure.push':
      return figureAlerts(db, eventId, after.observationIds ?? [], wordingOf);
    case 'report.submit':
      return [
        {
          eventId,
          kind: 'approval_waiting',
          subjectKey: `report:${record.entity_id}:${record.id}`,
          text: words.approvalWaiting(after.title ?? ''),
          link: `${base}/reports/${record.entity_id}`,
          mayReceive: (grants) => isAllowed(grants, 'report.approve'),
        },
      ];
    default:
      return [];
  }
}

/** A unit's status that turns to the worst level: its previous submitted version was not there. */
async function worstStatusAlerts(
  db: Db,
  record: AuditRecordRow,
  after: Recorded,
  mayReceive: Raised['mayReceive'],
  words: AlertWording,
): Promise<Raised[]> {
  const eventId = record.event_id!;
  const worst = (await activeLevelKeys(db, eventId, 'status')).at(-1);
  if (!worst || after.overall_status !== worst) return [];
  const before = await unitVersionBefore(db, after.id!, after.version!);
  if (before?.overall_status === worst) return [];
  const levels = await scaleLevels(db, eventId, 'status');
  const name = levels.find((level) => level.key === worst)?.name ?? worst;
  const unit = (await unitNames(db)).get(after.unit_id!) ?? '';
  return [
    {
      eventId,
      kind: 'worst_status',
      subjectKey: `situation:${record.entity_id}:${record.id}`,
      text: words.worstStatus(unit, name, after.period ?? ''),
      link: `/events/${eventId}`,
      mayReceive,
    },
  ];
}

async function figureAlerts(
  db: Db,
  eventId: number,
  observationIds: number[],
  wordingOf: WordingOf,
): Promise<Raised[]> {
  return (await figureCrossings(db, observationIds, wordingOf)).map((crossing) => ({
    eventId,
    kind: 'figure_threshold',
    subjectKey: `figure_observation:${crossing.observationId}`,
    text: crossing.text,
    link: `/events/${eventId}/figures`,
    mayReceive: readers(crossing.internal),
  }));
}

async function alertsOfNearDeadlines(db: Db, now: Date, wordingOf: WordingOf): Promise<Raised[]> {
  const soon = new Date(now.getTime() + deadlineNearMs).toISOString();
  const requests = await listRequestsDueBetween(db, now.toISOString(), soon);
  const raised: Raised[] = [];
  for (const request of requests) {
    for (const unit of await listRequestedUnitStates(db, request)) {
      if (isReported(unit.state)) continue;
      const reporters = await listUnitReporters(db, request.event_id, unit.unit_id);
      raised.push({
        eventId: request.event_id,
        kind: 'deadline_near',
        subjectKey: `request:${request.id}:${unit.unit_id}`,
        text: (await wordingOf(request.event_id)).deadlineNear(
          unit.name,
          request.period,
          formatDateTime(new Date(request.deadline), request.event_time_zone),
        ),
        link: `/events/${request.event_id}/report?unit=${unit.unit_id}&period=${request.period}`,
        mayReceive: () => true,
        onlyUsers: reporters.map((reporter) => reporter.id),
      });
    }
  }
  return raised;
}

/** Records the alert for each user who chose its kind and may see its subject. */
async function record(db: Db, alert: Raised, now: Date): Promise<number> {
  const choices = await choicesOfKind(db, alert.kind);
  if (choices.length === 0) return 0;
  const grants = grantsByUser(await listGrants(db, alert.eventId));
  let recorded = 0;
  for (const choice of choices) {
    if (!mayReach(alert, choice, grants)) continue;
    const inserted = await insertAlert(db, {
      user_id: choice.user_id,
      event_id: alert.eventId,
      kind: alert.kind,
      subject_key: alert.subjectKey,
      text: alert.text,
      link: alert.link,
      created_at: now.toISOString(),
      email_state: choice.email === 1 ? 'pending' : 'none',
      sms_state: choice.sms === 1 ? 'pending' : 'none',
    });
    if (inserted) recorded += 1;
  }
  return recorded;
}

function grantsByUser(
  rows: { user_id: number; role: EventGrant['role']; unit_id: number | null }[],
) {
  const byUser = new Map<number, EventGrant[]>();
  for (const row of rows) {
    byUser.set(row.user_id, [
      ...(byUser.get(row.user_id) ?? []),
      { role: row.role, unitId: row.unit_id },
    ]);
  }
  return byUser;
}

function mayReach(alert: Raised, choice: AlertChoiceRow, grants: Map<number, EventGrant[]>) {
  if (alert.onlyUsers && !alert.onlyUsers.includes(choice.user_id)) return false;
  const own = grants.get(choice.user_id);
  return own !== undefined && alert.mayReceive(own);
}
