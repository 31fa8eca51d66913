import fs from 'node:fs';
const cookie = fs.readFileSync('/tmp/cookie.txt', 'utf8');
const csrf = fs.readFileSync('/tmp/csrf.txt', 'utf8');
const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
const body = JSON.stringify({ overallStatus: 'yellow', areas: { accessToCare: 'yellow', patientSafety: 'green', staff: 'yellow', itProgramme: 'green', communication: 'green' }, prognosis: 'unchanged', bullets: '- x', keyFigures: [{ name: 'B', value: 97, unit: '%' }] });
let seq = Number(process.argv[3] ?? 0); const t0 = performance.now(); const rec: [number, number, string][] = [];
const deadline = t0 + 6000;
async function client() { while (performance.now() < deadline) { const i = seq++; const unit = (i % 60) + 1; const slot = Math.floor(i / 60); const place = `/api/events/1/units/${unit}/situations/${2050 + Math.floor(slot / 52)}-W${String((slot % 52) + 1).padStart(2, '0')}`;
  let a = performance.now(); const r = await fetch('http://127.0.0.1:8931' + place, { method: 'PUT', headers, body }); const j = await r.json() as any; rec.push([a - t0, performance.now() - a, 'save' + r.status]);
  a = performance.now(); const s = await fetch('http://127.0.0.1:8931' + place + '/submit', { method: 'POST', headers, body: JSON.stringify({ version: j.version }) }); await s.arrayBuffer(); rec.push([a - t0, performance.now() - a, 'submit' + s.status]); } }
await Promise.all(Array.from({ length: 50 }, client));
rec.sort((x, y) => y[1] - x[1]); console.log(rec.slice(0, 12).map(r => `${r[2]} at ${r[0].toFixed(0)} took ${r[1].toFixed(0)}`).join('\n'), '\nn', rec.length);
