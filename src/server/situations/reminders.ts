import { formatDateTime, periodLabel, zoneInSwedish } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { errors } from '../errors.ts';
import { requireEvent } from '../events/service.ts';
import { type Actor, systemActor } from '../http/actor.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { ReminderOutcome, ReminderResult } from '../../contract/situations.ts';
import { presentInputRequest } from './input-requests.ts';
import {
  type InputRequestRow,
  claimReminder,
  findInputRequest,
  listRequestUnits,
  listRequestedUnitStates,
  listRequestsDueBetween,
  listUnitReporters,
  setReminder,
} from './repository.ts';
import { isReported } from './tables.ts';

/** How long before its deadline a unit that has not reported is reminded by the background job. */
export const defaultHoursBefore = 24;

export interface ReminderOptions {
  /** How long before the deadline a unit is reminded. */
  hoursBefore?: number;
}

interface Reminder {
  eventName: string;
  unitName: string;
  period: string;
  deadline: string;
  /** The event's time zone, in which the deadline is written. */
  timeZone: string;
}

/**
 * E-mails the unit reporters of every requested unit that has not reported, once the deadline is
 * less than `hoursBefore` hours away. Each unit is claimed before its mail is sent, so that a unit
 * is reminded at most once even with several server nodes; a failed send releases the claim.
 * Answers how many e-mails were sent.
 */
export async function sendDueReminders(
  db: Db,
  mailer: Mailer,
  now: Date,
  options: ReminderOptions = {},
): Promise<number> {
  const hoursBefore = options.hoursBefore ?? defaultHoursBefore;
  const until = new Date(now.getTime() + hoursBefore * 3_600_000);
  const requests = await listRequestsDueBetween(db, now.toISOString(), until.toISOString());
  let sent = 0;
  for (const request of requests) {
    for (const unit of await listRequestedUnitStates(db, request)) {
      if (unit.reminded_at !== null) continue;
      if (isReported(unit.state)) continue;
      const reporters = await listUnitReporters(db, request.event_id, unit.unit_id);
      if (reporters.length === 0) continue;
      if (!(await claim(db, request, unit.unit_id, now))) continue;
      try {
        await mailReminder(mailer, reporters, {
          eventName: request.event_name,
          unitName: unit.name,
          period: request.period,
          deadline: request.deadline,
          timeZone: request.event_time_zone,
        });
        sent++;
      } catch (error) {
        await setReminder(db, request.id, unit.unit_id, null);
        throw error;
      }
    }
  }
  return sent;
}

async function claim(
  db: Db,
  request: { id: number; event_id: number },
  unitId: number,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const remindedAt = now.toISOString();
    if (!(await claimReminder(trx, request.id, unitId, remindedAt))) return false;
    await auditReminder(trx, systemActor, request, unitId, remindedAt);
    return true;
  });
}

function auditReminder(
  db: Db,
  actor: Actor,
  request: { id: number; event_id: number },
  unitId: number,
  remindedAt: string,
) {
  return recordAudit(db, actor, {
    action: 'input_request.remind',
    entityType: 'input_request',
    entityId: request.id,
    eventId: request.event_id,
    after: { request_id: request.id, unit_id: unitId, reminded_at: remindedAt },
  });
}

function mailReminder(mailer: Mailer, reporters: { email: string }[], reminder: Reminder) {
  return mailer.send({
    to: reporters.map((reporter) => reporter.email),
    ...reminderMessage(reminder),
  });
}

/**
 * The mailer for reminders sent from a request, made at the first one: nodemailer loads only when
 * there is a relay to send through. `get` answers null without one.
 */
export function onDemandMailer(smtpUrl: string | undefined, from: string | undefined) {
  let made: Promise<Mailer> | null = null;
  return {
    get(): Promise<Mailer | null> {
      if (smtpUrl === undefined) return Promise.resolve(null);
      made ??= import('../mail/mailer.ts').then(({ createMailer }) =>
        createMailer(smtpUrl, from === undefined ? {} : { from }),
      );
      return made;
    },
    async close() {
      (await made)?.close();
    },
  };
}

/**
 * E-mails, now and whatever the deadline, the unit reporters of every requested unit that has not
 * reported, and answers what happened for each unit. Without a mail server nothing can be sent,
 * which is refused rather than promised. A unit whose mail fails keeps its earlier reminder time.
 */
export async function remindNow(
  db: Db,
  mailer: Mailer | null,
  actor: Actor,
  eventId: number,
  requestId: number,
  now = new Date(),
): Promise<ReminderResult> {
  const event = await requireEvent(db, eventId);
  const request = await findInputRequest(db, eventId, requestId);
  if (!request) throw errors.notFound('Begäran om lägesbild');
  if (!mailer) {
    throw errors.wrongState(
      'Ingen e-postserver är inställd, så påminnelser kan inte skickas. Be systemförvaltaren ange en (SMTP_URL).',
    );
  }
  const units = [];
  for (const unit of await listRequestedUnitStates(db, request)) {
    const reported = isReported(unit.state);
    const reporters = reported ? [] : await listUnitReporters(db, eventId, unit.unit_id);
    const outcome: ReminderOutcome = reported
      ? 'reported'
      : reporters.length === 0
        ? 'noRecipients'
        : await remindUnit(
            db,
            { mailer, actor, request, unit, reporters, now },
            {
              eventName: event.name,
              unitName: unit.name,
              period: request.period,
              deadline: request.deadline,
              timeZone: event.time_zone,
            },
          );
    const recipients = outcome === 'sent' ? reporters.length : 0;
    units.push({ unitId: unit.unit_id, code: unit.code, name: unit.name, outcome, recipients });
  }
  const current = (await findInputRequest(db, eventId, requestId))!;
  return {
    sentAt: now.toISOString(),
    units,
    request: presentInputRequest(current, await listRequestUnits(db, [current.id])),
  };
}

async function remindUnit(
  db: Db,
  to: {
    mailer: Mailer;
    actor: Actor;
    request: InputRequestRow;
    unit: { unit_id: number; reminded_at: string | null };
    reporters: { email: string }[];
    now: Date;
  },
  reminder: Reminder,
): Promise<ReminderOutcome> {
  const { request, unit } = to;
  const remindedAt = to.now.toISOString();
  await db.transaction().execute(async (trx) => {
    await setReminder(trx, request.id, unit.unit_id, remindedAt);
    await auditReminder(trx, to.actor, request, unit.unit_id, remindedAt);
  });
  try {
    await mailReminder(to.mailer, to.reporters, reminder);
    return 'sent';
  } catch {
    await setReminder(db, request.id, unit.unit_id, unit.reminded_at);
    return 'failed';
  }
}

export function reminderMessage(reminder: Reminder) {
  const period = periodLabel(reminder.period, 'sv', reminder.timeZone);
  const deadline = formatDateTime(new Date(reminder.deadline), reminder.timeZone);
  const zoneName = zoneInSwedish(reminder.timeZone);
  const lines = [
    'Hej!',
    `Staben för ${reminder.eventName} har ännu inte fått lägesbilden från ${reminder.unitName} för ${period}.`,
    `Skicka in den senast ${deadline} (${zoneName}).`,
    'Om lägesbilden redan är påbörjad finns utkastet kvar i Lägesbild; glöm inte att skicka in det.',
    'Detta är ett automatiskt meddelande från Lägesbild.',
  ];
  return {
    subject: `Påminnelse: lägesbild för ${period} senast ${deadline}`,
    text: lines.join('\n\n'),
    html: lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n'),
  };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
