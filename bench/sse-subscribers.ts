// SSE subscribers in a process of their own, apart from the server, so that the server's event
// loop carries only the fan-out. Opens COUNT streams (in batches), tells the parent {type:'ready'}
// over IPC, and records the wall-clock arrival of every change event at every stream. On
// {type:'count'} it answers {type:'counted', received} (arrivals so far), on {type:'report'}
// {type:'arrivals', bySequence: {sequence: [ms, ...]}}.
//
// Environment: BENCH_URL (http://127.0.0.1:PORT), BENCH_EVENT_ID, BENCH_COOKIE, BENCH_COUNT.
import http from 'node:http';

const base = new URL(process.env.BENCH_URL!);
const eventId = process.env.BENCH_EVENT_ID!;
const cookie = process.env.BENCH_COOKIE!;
const count = Number(process.env.BENCH_COUNT ?? 1000);
const batch = 250;

const wallClock = () => performance.timeOrigin + performance.now();
const arrivals = new Map<number, number[]>();
const requests: http.ClientRequest[] = [];
let failures = 0;
let received = 0;

function open(): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: `/api/events/${eventId}/stream`,
        agent: false,
        headers: { cookie, accept: 'text/event-stream' },
      },
      (response) => {
        if (response.statusCode !== 200) {
          failures += 1;
          response.resume();
          resolve();
          return;
        }
        response.setEncoding('utf8');
        let buffer = '';
        let opened = false;
        response.on('data', (chunk: string) => {
          const at = wallClock();
          buffer += chunk;
          if (!opened) {
            opened = true;
            resolve();
          }
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(message)?.[1];
            if (id && /^event: change$/m.test(message)) {
              const sequence = Number(id);
              const list = arrivals.get(sequence) ?? [];
              list.push(at);
              received += 1;
              arrivals.set(sequence, list);
            }
          }
        });
      },
    );
    request.on('error', () => {
      failures += 1;
      resolve();
    });
    request.end();
    requests.push(request);
  });
}

for (let opened = 0; opened < count; opened += batch) {
  await Promise.all(Array.from({ length: Math.min(batch, count - opened) }, open));
}
process.send?.({ type: 'ready', opened: count - failures, failures });

process.on('message', (message: { type?: string }) => {
  if (message.type === 'count') {
    process.send?.({ type: 'counted', received });
  } else if (message.type === 'report') {
    process.send?.({ type: 'arrivals', bySequence: Object.fromEntries(arrivals) });
  } else if (message.type === 'stop') {
    for (const request of requests) request.destroy();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
