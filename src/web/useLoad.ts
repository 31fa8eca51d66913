import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { Latest, loadLatest } from './latest.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
}

/**
 * Loads data once per change of `deps`; `reload` fetches again without clearing what is shown.
 * Only the latest load's answer is shown: a change of `deps`, a reload or unmounting aborts the
 * load before (its `signal`) and drops its answer if it still arrives.
 */
export function useLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  const [latest] = useState(() => new Latest());
  useEffect(() => {
    loadRef.current = load;
  });

  const reload = useCallback(
    () =>
      loadLatest(latest, (signal) => loadRef.current(signal), {
        data: (value) => {
          setData(value);
          setError(null);
        },
        error: setError,
        loaded: () => setLoading(false),
      }),
    [latest],
  );

  useEffect(() => {
    loadRef.current = load;
    void reload();
    return () => latest.stop();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { data, error, loading, reload };
}
