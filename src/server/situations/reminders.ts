import { formatDateTime, periodLabel, zoneInSwedish } from '../../core/time.ts';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/schema.ts';
import { systemActor } from '../http/actor.ts';
import type { Mailer } from '../mail/mailer.ts';
import {
  claimReminder,
  listRequestedUnitStates,
  listRequestsDueBetween,
  listUnitReporters,
  releaseReminder,
} from './repository.ts';
import { isReported } from './tables.ts';

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
  const hoursBefore = options.hoursBefore ?? 24;
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
        await mailer.send({
          to: reporters.map((reporter) => reporter.email),
          ...reminderMessage({
            eventName: request.event_name,
            unitName: unit.name,
            period: request.period,
            deadline: request.deadline,
            timeZone: request.event_time_zone,
          }),
        });
        sent++;
      } catch (error) {
        await releaseReminder(db, request.id, unit.unit_id);
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
    await recordAudit(trx, systemActor, {
      action: 'input_request.remind',
      entityType: 'input_request',
      entityId: request.id,
      eventId: request.event_id,
      after: { request_id: request.id, unit_id: unitId, reminded_at: remindedAt },
    });
    return true;
  });
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
