import { openDatabase } from '../src/server/db/database.ts';
import { buildSeries } from '../src/server/figures/series.ts';
import * as time from '../src/core/time.ts';
const d = openDatabase('sqlite:/tmp/big/big.db');
const fig = await d.db.selectFrom('figure_definitions').selectAll().where('id','=',1).executeTakeFirstOrThrow();
let t = performance.now();
const obs = await d.db.selectFrom('figure_observations').selectAll().where('definition_id','=',1).orderBy('observed_at').orderBy('id').execute();
console.log('query', (performance.now()-t).toFixed(1), obs.length, obs.slice(0,3).map(o=>o.observed_at));
let calls = 0; 
for (let i=0;i<3;i++){ t = performance.now(); const s = buildSeries(fig as any, obs as any, 'week'); console.log('build', (performance.now()-t).toFixed(1), s.buckets.length); }
t = performance.now(); for (let i=0;i<52;i++) time.periodOf(new Date(Date.UTC(2026,0,1+7*i)), 'week'); console.log('52 periodOf', (performance.now()-t).toFixed(1));
await d.close();
