// SSE subscribers in a process of their own, apart from the server, so that the server's event
// loop carries only the fan-out. Opens COUNT streams (in batches), tells the parent {type:'ready'}
// over IPC, and records the wall-clock arrival of every change event at every stream. On
// {type:'count'} it answers {type:'counted', received} (arrivals so far), on {type:'report'}
// {type:'arrivals', bySequence: {sequence: [ms, ...]}}.
//
// Each stream is a bare TCP socket that sends its GET and scans the bytes it receives for
// `id: N\nevent: change\n`, without an HTTP client, a stream or a string per message: 10,000
// streams in one process on the server's machine, so that what the figure measures is mostly
// the server's fan-out rather than this process's parsing.
//
// Environment: BENCH_URL (http://127.0.0.1:PORT), BENCH_EVENT_ID, BENCH_COOKIE, BENCH_COUNT.
import net from 'node:net';

const base = new URL(process.env.BENCH_URL!);
const eventId = process.env.BENCH_EVENT_ID!;
const cookie = process.env.BENCH_COOKIE!;
const count = Number(process.env.BENCH_COUNT ?? 1000);
const batch = 250;

const wallClock = () => performance.timeOrigin + performance.now();
const arrivals = new Map<number, number[]>();
const sockets: net.Socket[] = [];
let failures = 0;
let received = 0;

const getStream = Buffer.from(
  `GET /api/events/${eventId}/stream HTTP/1.1\r\nHost: ${base.host}\r\ncookie: ${cookie}\r\n` +
    'accept: text/event-stream\r\n\r\n',
  'latin1',
);
const accepted = Buffer.from('HTTP/1.1 200 ', 'latin1');
const changeLine = Buffer.from('\nevent: change\n', 'latin1');
const idField = Buffer.from('id: ', 'latin1');
const messageEnd = Buffer.from('\n\n', 'latin1');
const empty: Buffer = Buffer.alloc(0);

/** Records every complete change message in `bytes`; answers the unfinished rest. */
function recordChanges(bytes: Buffer, at: number): Buffer {
  let from = 0;
  let change: number;
  while ((change = bytes.indexOf(changeLine, from)) >= 0) {
    const end = bytes.indexOf(messageEnd, change + changeLine.length);
    if (end < 0) break;
    const id = bytes.lastIndexOf(idField, change);
    const sequence = Number(bytes.toString('latin1', id + idField.length, change));
    const list = arrivals.get(sequence) ?? [];
    list.push(at);
    arrivals.set(sequence, list);
    received += 1;
    from = end + messageEnd.length;
  }
  const lastEnd = bytes.lastIndexOf(messageEnd);
  const rest = Math.max(from, lastEnd < 0 ? 0 : lastEnd + messageEnd.length);
  return rest >= bytes.length ? empty : bytes.subarray(rest);
}
function open(): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: base.hostname, port: Number(base.port) });
    sockets.push(socket);
    let opened = false;
    let rest: Buffer = empty;
    socket.once('connect', () => socket.write(getStream));
    socket.on('data', (chunk: Buffer) => {
      const at = wallClock();
      if (!opened) {
        opened = true;
        if (!chunk.subarray(0, accepted.length).equals(accepted)) {
          failures += 1;
          socket.destroy();
        }
        resolve();
      }
      rest = recordChanges(rest.length === 0 ? chunk : Buffer.concat([rest, chunk]), at);
    });
    socket.on('error', () => {
      if (!opened) {
        opened = true;
        failures += 1;
        resolve();
      }
    });
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
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
