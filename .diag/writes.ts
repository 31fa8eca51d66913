import fs from 'node:fs';
import { submitLoad } from '../bench/harness.ts';
const cookie = fs.readFileSync('/tmp/cookie.txt', 'utf8');
const csrf = fs.readFileSync('/tmp/csrf.txt', 'utf8');
const r = await submitLoad({ base: 'http://127.0.0.1:8931', session: { cookie, csrfToken: csrf }, eventId: 1, unitIds: Array.from({ length: 60 }, (_, i) => i + 1), clients: 50, seconds: Number(process.argv[2] ?? 6) });
const f = (x: any) => `p50 ${x.p50.toFixed(0)} p99 ${x.p99.toFixed(0)} max ${x.max?.toFixed?.(0)} n=${x.requests} fail=${x.failures}`;
console.log('save', f(r.save)); console.log('submit', f(r.submit));
