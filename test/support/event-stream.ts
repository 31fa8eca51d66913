// Reads a live-update stream of a server process and records each event with its arrival time.
import assert from 'node:assert/strict';
import type { ProcessSession } from './server-process.ts';

export interface StreamEvent {
  id: number | null;
  type: string;
  data: string;
  receivedAt: number;
}

/** An open server-sent-events stream that records every event with its arrival time. */
export class EventStream {
  readonly events: StreamEvent[] = [];
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];

  private constructor() {}

  static async open(session: ProcessSession, path: string, lastEventId?: number) {
    const stream = new EventStream();
    const response = await fetch(`${session.baseUrl}${path}`, {
      headers: session.headers(lastEventId ? { 'last-event-id': String(lastEventId) } : {}),
      signal: stream.controller.signal,
    });
    assert.equal(response.status, 200);
    void stream.read(response.body!);
    return stream;
  }

  async waitFor(predicate: (event: StreamEvent) => boolean, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by close()
    }
  }

  private parse(block: string) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    if (!fields.has('event')) return;
    this.events.push({
      id: fields.has('id') ? Number(fields.get('id')) : null,
      type: fields.get('event')!,
      data: fields.get('data') ?? '',
      receivedAt: Date.now(),
    });
    for (const wake of this.waiters.splice(0)) wake();
  }
}
