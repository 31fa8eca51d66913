import type { Db } from '../db/schema.ts';

export interface Change {
  /** The audit record's id: increasing, so it doubles as the SSE event id for catch-up. */
  sequence: number;
  eventId: number;
  kind: string;
  id: string;
  action: string;
  version: number | null;
  at: string;
}

type Listener = (change: Change) => void;

const catchUpLimit = 500;

/**
 * Every committed write leaves an audit record; the feed reads new records and hands them to
 * the subscribers of their event. Reading committed rows (instead of an in-process signal)
 * means a change made through any node reaches subscribers on every node.
 */
export class ChangeFeed {
  private readonly listeners = new Map<number, Set<Listener>>();
  /** Kept alongside the sets: counting them on every (un)subscribe grows with the events. */
  private subscribers = 0;
  private lastSequence = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 200,
  ) {}

  get subscriberCount(): number {
    return this.subscribers;
  }

  async subscribe(eventId: number, listener: Listener): Promise<() => void> {
    if (this.subscribers === 0) await this.start();
    const set = this.listeners.get(eventId) ?? new Set();
    if (!set.has(listener)) this.subscribers += 1;
    set.add(listener);
    this.listeners.set(eventId, set);
    return () => {
      if (!set.delete(listener)) return;
      this.subscribers -= 1;
      if (set.size === 0) this.listeners.delete(eventId);
      if (this.subscribers === 0) this.stop();
    };
  }

  /** Changes after `sequence`, or null when there are too many to replay (the client reloads). */
  async changesSince(eventId: number, sequence: number): Promise<Change[] | null> {
    const rows = await this.db
      .selectFrom('audit_records')
      .selectAll()
      .where('event_id', '=', eventId)
      .where('id', '>', sequence)
      .orderBy('id')
      .limit(catchUpLimit + 1)
      .execute();
    return rows.length > catchUpLimit ? null : rows.map(toChange);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async start(): Promise<void> {
    const newest = await this.db
      .selectFrom('audit_records')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirst();
    this.lastSequence = Number(newest?.max ?? 0);
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const rows = await this.db
        .selectFrom('audit_records')
        .selectAll()
        .where('id', '>', this.lastSequence)
        .where('event_id', 'is not', null)
        .orderBy('id')
        .limit(1000)
        .execute();
      for (const row of rows) {
        this.lastSequence = Math.max(this.lastSequence, row.id);
        const change = toChange(row);
        for (const listener of this.listeners.get(change.eventId) ?? []) listener(change);
      }
    } catch {
      // The database is briefly unreachable; the next tick tries again from the same place.
    } finally {
      this.polling = false;
    }
  }
}

function toChange(row: {
  id: number;
  event_id: number | null;
  entity_type: string;
  entity_id: string;
  action: string;
  after_json: string | null;
  at: string;
}): Change {
  const after = row.after_json ? (JSON.parse(row.after_json) as { version?: unknown }) : null;
  return {
    sequence: row.id,
    eventId: row.event_id!,
    kind: row.entity_type,
    id: row.entity_id,
    action: row.action,
    version: typeof after?.version === 'number' ? after.version : null,
    at: row.at,
  };
}
