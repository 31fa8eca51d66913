import {
  type AuditRecordRow as AuditRow,
  eventRecordsAfter,
  newestRecordId,
  recordsAfterOrAmong,
} from '../audit/repository.ts';
import type { Database } from '../db/database.ts';

export interface Change {
  /** The audit record's id: increasing, so it doubles as the SSE event id for catch-up. */
  sequence: number;
  eventId: number;
  kind: string;
  id: string;
  action: string;
  version: number | null;
  at: string;
  /** Whether the item is internal (after the change, or before a removal). */
  internal: boolean;
  /** For a situation still in draft: its unit, whose draft it is. */
  draftOfUnit: number | null;
}

type Listener = (change: Change) => void;

const catchUpLimit = 500;
const batchSize = 1000;
const maxGapsPerRead = 200;
const maxGaps = 2000;
const gapLifetimeMs = 30_000;
/**
 * Streams handed one change before the feed lets other work run: writing one change to 10,000
 * streams at once would hold the event loop (and every request waiting on it) for the whole
 * fan-out.
 */
const defaultListenersPerTurn = 500;
/** Without notifications (SQLite) the feed polls often; with them, polling only backs them up. */
const pollMs = { alone: 200, withNotifications: 1000 };

/**
 * Every committed write leaves an audit record; the feed reads new records and hands them to
 * the subscribers of their event. Reading committed rows (instead of an in-process signal)
 * means a change made through any node reaches subscribers on every node. On PostgreSQL a
 * notification sent at commit wakes the feed of every node at once.
 */
export class ChangeFeed {
  private readonly listeners = new Map<number, Set<Listener>>();
  private subscribers = 0;
  private lastSequence = 0;
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private polling = false;
  private pollAgain = false;
  private readonly gaps = new Map<number, number>();
  private accessChanges = 0;

  constructor(
    private readonly database: Pick<Database, 'db' | 'listenForChanges'>,
    private readonly listenersPerTurn = defaultListenersPerTurn,
  ) {}

  get subscriberCount(): number {
    return this.subscribers;
  }

  /**
   * Counts the records seen that may change who may read what (sign-outs, users, grants, API
   * tokens, sign-on mappings): an open stream checks its caller again when it has grown.
   */
  get accessChangeCount(): number {
    return this.accessChanges;
  }

  async subscribe(eventId: number, listener: Listener): Promise<() => void> {
    this.starting ??= this.start();
    await this.starting;
    const set = this.listeners.get(eventId) ?? new Set();
    set.add(listener);
    this.listeners.set(eventId, set);
    this.subscribers += 1;
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(eventId);
      this.subscribers -= 1;
      if (this.subscribers === 0) this.stop();
    };
  }

  /** Changes after `sequence`, or null when there are too many to replay (the client reloads). */
  async changesSince(eventId: number, sequence: number): Promise<Change[] | null> {
    const rows = await eventRecordsAfter(this.database.db, eventId, sequence, catchUpLimit + 1);
    return rows.length > catchUpLimit ? null : rows.map(toChange);
  }

  /** Reads new changes now: after a write on this node, or when another node announces one. */
  poke(): void {
    if (this.timer) void this.poll();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.starting = null;
    void this.stopListening?.();
    this.stopListening = null;
  }

  private async start(): Promise<void> {
    this.lastSequence = await newestRecordId(this.database.db);
    const listen = this.database.listenForChanges;
    this.stopListening = listen ? listen(() => this.poke()) : null;
    const interval = listen ? pollMs.withNotifications : pollMs.alone;
    this.timer = setInterval(() => void this.poll(), interval);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    try {
      do {
        this.pollAgain = false;
        await this.deliverNewChanges();
      } while (this.pollAgain);
    } catch {
      // The database is briefly unreachable; the next tick tries again from the same place.
    } finally {
      this.polling = false;
    }
  }

  private async deliverNewChanges(): Promise<void> {
    this.forgetOldGaps();
    let rows;
    do {
      const gaps = [...this.gaps.keys()];
      rows = await recordsAfterOrAmong(this.database.db, this.lastSequence, gaps, batchSize);
      for (const row of rows) await this.deliver(row);
    } while (rows.length === batchSize);
  }

  private async deliver(row: AuditRow): Promise<void> {
    if (!this.gaps.delete(row.id)) {
      if (row.id <= this.lastSequence) return;
      this.rememberGapsBefore(row.id);
      this.lastSequence = row.id;
    }
    if (accessActions.test(row.action)) this.accessChanges += 1;
    if (row.event_id === null) return;
    const listeners = this.listeners.get(row.event_id);
    if (listeners) await this.handOut(toChange(row), listeners);
  }

  /**
   * Hands a change to the event's subscribers, letting other work run between turns. The next
   * change waits for this one, so every stream receives the changes in order; a subscriber
   * that leaves during the hand-out receives nothing more.
   */
  private async handOut(change: Change, listeners: Set<Listener>): Promise<void> {
    let handed = 0;
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue;
      listener(change);
      handed += 1;
      if (handed % this.listenersPerTurn === 0) await nextTurn();
    }
  }

  /**
   * On PostgreSQL, ids are taken at insert but become visible at commit, so a concurrent
   * transaction may commit a lower id after a higher one was read. Skipped ids are looked for
   * again for a while; an id that never appears belonged to a transaction that rolled back.
   */
  private rememberGapsBefore(id: number): void {
    const from = Math.max(this.lastSequence + 1, id - maxGapsPerRead);
    const now = Date.now();
    for (let missing = from; missing < id; missing += 1) this.gaps.set(missing, now);
    for (const oldest of this.gaps.keys()) {
      if (this.gaps.size <= maxGaps) break;
      this.gaps.delete(oldest);
    }
  }

  private forgetOldGaps(): void {
    const oldest = Date.now() - gapLifetimeMs;
    for (const [id, seenAt] of this.gaps) if (seenAt < oldest) this.gaps.delete(id);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const accessActions = /^(auth|user|grant|api_token|sso_identity|sso_mapping)\./;

interface RecordedState {
  version?: unknown;
  internal?: unknown;
  state?: unknown;
  unit_id?: unknown;
}

function toChange(row: AuditRow): Change {
  const after = parseState(row.after_json);
  const item = after ?? parseState(row.before_json);
  const isDraft = row.entity_type === 'unit_situation' && item?.state === 'draft';
  return {
    sequence: row.id,
    eventId: row.event_id!,
    kind: row.entity_type,
    id: row.entity_id,
    action: row.action,
    version: typeof after?.version === 'number' ? after.version : null,
    at: row.at,
    internal: item?.internal === 1 || item?.internal === true,
    draftOfUnit: isDraft && typeof item?.unit_id === 'number' ? item.unit_id : null,
  };
}

function parseState(json: string | null): RecordedState | null {
  const parsed: unknown = json ? JSON.parse(json) : null;
  return parsed !== null && typeof parsed === 'object' ? (parsed as RecordedState) : null;
}
