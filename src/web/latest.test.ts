import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Latest, loadLatest } from './latest.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function recorder() {
  const seen: string[] = [];
  return {
    seen,
    apply: {
      data: (value: string) => seen.push(`data ${value}`),
      error: (error: unknown) => seen.push(`error ${String(error)}`),
      loaded: () => seen.push('loaded'),
    },
  };
}

test('a slow answer does not overwrite a newer one, and its request is aborted', async () => {
  const latest = new Latest();
  const { seen, apply } = recorder();
  const slow = deferred<string>();
  const fast = deferred<string>();
  const signals: AbortSignal[] = [];
  const first = loadLatest(latest, (signal) => (signals.push(signal), slow.promise), apply);
  const second = loadLatest(latest, (signal) => (signals.push(signal), fast.promise), apply);
  assert.equal(signals[0]!.aborted, true);
  assert.equal(signals[1]!.aborted, false);
  fast.resolve('new');
  await second;
  slow.resolve('old');
  await first;
  assert.deepEqual(seen, ['data new', 'loaded']);
});

test('a stale error is dropped too', async () => {
  const latest = new Latest();
  const { seen, apply } = recorder();
  const slow = deferred<string>();
  const first = loadLatest(latest, () => slow.promise, apply);
  await loadLatest(latest, () => Promise.resolve('new'), apply);
  slow.reject(new Error('late'));
  await first;
  assert.deepEqual(seen, ['data new', 'loaded']);
});

test('stop (unmount, other deps) aborts the load and drops its answer', async () => {
  const latest = new Latest();
  const { seen, apply } = recorder();
  const answer = deferred<string>();
  let signal: AbortSignal | undefined;
  const running = loadLatest(
    latest,
    (given) => {
      signal = given;
      return answer.promise;
    },
    apply,
  );
  latest.stop();
  assert.equal(signal?.aborted, true);
  answer.resolve('too late');
  await running;
  assert.deepEqual(seen, []);
});

test('the latest load reports its answer, then its error on a later failure', async () => {
  const latest = new Latest();
  const { seen, apply } = recorder();
  await loadLatest(latest, () => Promise.resolve('one'), apply);
  await loadLatest(latest, () => Promise.reject(new Error('down')), apply);
  assert.deepEqual(seen, ['data one', 'loaded', 'error Error: down', 'loaded']);
});
