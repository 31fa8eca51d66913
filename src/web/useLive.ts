import { useEffect, useRef, useState } from 'react';
import type { LiveChange } from '../contract/live.ts';
import { liveApi } from './clients/live.ts';

export type LiveState = 'connecting' | 'open' | 'closed';

/**
 * Listens to the event's change stream. `onChange` runs once per burst of changes (debounced),
 * and once each time the stream opens: changes made between the page's first load and the
 * stream's opening, or while it was away, would otherwise be missed.
 */
export function useLive(eventId: number, onChange: (changes: LiveChange[]) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(liveApi.streamUrl(eventId));
    let pending: LiveChange[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      const changes = pending;
      pending = [];
      timer = undefined;
      callback.current(changes);
    };
    const schedule = () => {
      if (timer === undefined) timer = setTimeout(flush, 150);
    };
    source.addEventListener('open', () => {
      setState('open');
      schedule();
    });
    source.addEventListener('error', () => {
      setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    });
    source.addEventListener('change', (message) => {
      try {
        pending.push(JSON.parse((message as MessageEvent<string>).data) as LiveChange);
      } catch {
        // A malformed message still means something changed.
      }
      schedule();
    });
    source.addEventListener('reload', schedule);
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      source.close();
    };
  }, [eventId]);

  return state;
}
