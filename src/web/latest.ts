// Only the latest answer counts: each load gets its own AbortController and sequence number; a
// newer load (or stop, on unmount or a change of what is shown) aborts the one before, and an
// answer that arrives after that is dropped, so a slow answer never overwrites a newer one.

export class Latest {
  private sequence = 0;
  private controller: AbortController | null = null;

  /** Starts a load: aborts the one running; `isCurrent` stays true while no newer one began. */
  start(): { signal: AbortSignal; isCurrent: () => boolean } {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const sequence = ++this.sequence;
    return {
      signal: controller.signal,
      isCurrent: () => sequence === this.sequence && !controller.signal.aborted,
    };
  }

  /** Aborts the running load and makes any answer still to come stale. */
  stop(): void {
    this.controller?.abort();
    this.controller = null;
    this.sequence++;
  }
}

/**
 * Runs `load` as the latest load and hands its answer (or its error) to `apply`, unless a newer
 * load or `stop` came first; `loaded` is called when the latest load is over either way.
 */
export async function loadLatest<T>(
  latest: Latest,
  load: (signal: AbortSignal) => Promise<T>,
  apply: { data: (value: T) => void; error: (error: unknown) => void; loaded: () => void },
): Promise<void> {
  const run = latest.start();
  try {
    const value = await load(run.signal);
    if (run.isCurrent()) apply.data(value);
  } catch (caught) {
    if (run.isCurrent()) apply.error(caught);
  } finally {
    if (run.isCurrent()) apply.loaded();
  }
}
