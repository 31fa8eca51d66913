import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { defaultPullLimits, runDueFigurePulls } from '../../src/server/feeds/pull.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { type LoopbackServer, loopbackAllowed, startLoopbackServer } from './loopback.ts';

const loopbackLimits = { ...defaultPullLimits, allowedAddresses: loopbackAllowed };

const goodCsv = [
  'nyckeltal;värde;tidpunkt;enhet;källa',
  'beläggningsgrad;95,5;2024-12-02 07:00;SÄS;Datalagret',
  'beläggningsgrad;88,0;2024-12-02 07:00;NH;Datalagret',
].join('\n');

const goodJson = JSON.stringify({
  observations: [
    { figure: 'beläggningsgrad', value: 97.5, observed_at: '2024-12-03T06:00:00Z', unit: 'SÄS' },
  ],
});

const halfBadCsv = [
  'nyckeltal;värde;tidpunkt;enhet',
  'beläggningsgrad;91;2024-12-04 07:00;SÄS',
  'beläggningsgrad;mycket;2024-12-04 07:00;SÄS',
].join('\n');

for (const dialect of testDialects()) {
  describe(`figure feeds on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let server: LoopbackServer;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      server = await startLoopbackServer((request) => {
        if (request.path === '/belaggning.csv') return { status: 200, body: goodCsv };
        if (request.path === '/belaggning.json') return { status: 200, body: goodJson };
        if (request.path === '/halvfel.csv') return { status: 200, body: halfBadCsv };
        if (request.path === '/stor.csv') return { status: 200, body: goodCsv.repeat(50) };
        if (request.path === '/tyst.csv') return null;
        return { status: 500, body: 'internt fel' };
      });
    });
    after(async () => {
      await server.close();
      await t.close();
    });

    async function observationCount(): Promise<number> {
      const row = await t.database.db
        .selectFrom('figure_observations')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('event_id', '=', t.eventId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    }

    async function createToken(scopes?: string[]): Promise<string> {
      const response = await staff.post('/api/tokens', {
        name: 'Datalagrets integration',
        ...(scopes && { scopes }),
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().token;
    }

    function bearer(token: string) {
      return { headers: { authorization: `Bearer ${token}` } };
    }

    const push = (observations: unknown[], client: Client = staff, token?: string) =>
      (token ? t.anonymous() : client).post(
        `/api/events/${t.eventId}/figures/push`,
        { observations },
        token ? bearer(token) : undefined,
      );

    describe('API token scopes', () => {
      it('lets a read-only token read the picture but refuses it a push', async () => {
        const token = await createToken(['picture:read']);
        const anonymous = t.anonymous();
        const read = await anonymous.get(`/api/events/${t.eventId}/figures`, bearer(token));
        assert.equal(read.statusCode, 200, read.body);
        const before = await observationCount();
        const pushed = await push(
          [
            {
              clientKey: 'skopfel-1',
              figure: 'beläggningsgrad',
              value: 90,
              observedAt: '2024-12-01T07:00:00Z',
            },
          ],
          staff,
          token,
        );
        assert.equal(pushed.statusCode, 403, pushed.body);
        assert.match(pushed.json().message, /API-nyckeln har inte behörighet/);
        assert.equal(await observationCount(), before);
        const outsideEvent = await anonymous.get('/api/auth/me', bearer(token));
        assert.equal(outsideEvent.statusCode, 403);
      });

      it('lets a push-only token push but not read', async () => {
        const token = await createToken(['figures:push']);
        const pushed = await push(
          [
            {
              clientKey: 'skop-push-1',
              figure: 'beläggningsgrad',
              value: 90,
              observedAt: '2024-12-01T07:00:00Z',
            },
          ],
          staff,
          token,
        );
        assert.equal(pushed.statusCode, 200, pushed.body);
        const read = await t.anonymous().get(`/api/events/${t.eventId}/figures`, bearer(token));
        assert.equal(read.statusCode, 403);
      });

      it('gives a token created without scopes full access and lists the scopes', async () => {
        const token = await createToken();
        const me = await t.anonymous().get('/api/auth/me', bearer(token));
        assert.equal(me.statusCode, 200, me.body);
        const listed = (await staff.get('/api/tokens')).json().items as { scopes: string[] }[];
        assert.deepEqual(
          listed.map((item) => item.scopes),
          [['picture:read'], ['figures:push'], ['*']],
        );
        const unknown = await staff.post('/api/tokens', { name: 'Fel', scopes: ['allt'] });
        assert.equal(unknown.statusCode, 400);
      });
    });

    describe('push of observations', () => {
      const batch = [
        {
          clientKey: 'dw-2024-12-05-sas',
          figure: 'beläggningsgrad',
          value: 93.4,
          observedAt: '2024-12-05T07:00:00+01:00',
          unit: 'SÄS',
          source: 'Datalagret',
        },
        {
          clientKey: 'dw-2024-12-05-nh',
          figure: 'beläggningsgrad',
          value: '87,5',
          observedAt: '2024-12-05 07:00',
          unit: 'NH',
        },
      ];

      it('stores a batch once and answers a retry with the same observations', async () => {
        const before = await observationCount();
        const first = await push(batch);
        assert.equal(first.statusCode, 200, first.body);
        assert.equal(first.json().created, 2);
        assert.equal(await observationCount(), before + 2);
        const retry = await push(batch);
        assert.equal(retry.statusCode, 200, retry.body);
        assert.deepEqual(retry.json().results, first.json().results);
        assert.equal(retry.json().created, 0);
        assert.equal(retry.json().alreadyStored, 2);
        assert.equal(await observationCount(), before + 2);
        const stored = await t.database.db
          .selectFrom('figure_observations')
          .select(['value', 'source'])
          .where('client_key', '=', 'dw-2024-12-05-nh')
          .executeTakeFirstOrThrow();
        assert.deepEqual(stored, { value: 87.5, source: 'push' });
      });

      it('refuses a key reused for other content and stores nothing of the batch', async () => {
        const before = await observationCount();
        const response = await push([
          {
            clientKey: 'dw-2024-12-05-ny',
            figure: 'beläggningsgrad',
            value: 80,
            observedAt: '2024-12-05T08:00:00Z',
          },
          { ...batch[0], value: 99.9 },
        ]);
        assert.equal(response.statusCode, 409, response.body);
        assert.equal(response.json().error, 'conflict');
        assert.deepEqual(
          response.json().details.errors.map((problem: { row: number }) => problem.row),
          [2],
        );
        assert.match(response.json().details.errors[0].message, /dw-2024-12-05-sas/);
        assert.equal(await observationCount(), before);
      });

      it('lists every bad observation and stores none', async () => {
        const before = await observationCount();
        const response = await push([
          {
            clientKey: 'bra-1',
            figure: 'beläggningsgrad',
            value: 90,
            observedAt: '2024-12-06T07:00:00Z',
          },
          { clientKey: 'fel-1', figure: 'okänt-tal', value: 1, observedAt: '2024-12-06T07:00:00Z' },
          {
            clientKey: 'fel-2',
            figure: 'beläggningsgrad',
            value: 90,
            observedAt: '2024-02-30 07:00',
          },
          {
            clientKey: 'fel-3',
            figure: 'beläggningsgrad',
            value: 90,
            observedAt: '2024-12-06T07:00:00Z',
            unit: 'XYZ',
          },
          { clientKey: 'bra-1', figure: 'beläggningsgrad', value: 91, observedAt: '2024-12-06' },
        ]);
        assert.equal(response.statusCode, 400, response.body);
        const problems = response.json().details.errors as { row: number; column: string }[];
        assert.deepEqual(
          problems.map((problem) => [problem.row, problem.column]),
          [
            [2, 'figure'],
            [3, 'observed_at'],
            [4, 'unit'],
            [5, null],
          ],
        );
        assert.match(response.json().message, /4 observationer har fel/);
        assert.equal(await observationCount(), before);
      });
    });

    describe('scheduled pull', () => {
      async function createSource(body: Record<string, unknown>) {
        const response = await admin.post(`/api/events/${t.eventId}/figure-sources`, {
          intervalMinutes: 60,
          ...body,
        });
        assert.equal(response.statusCode, 201, response.body);
        return response.json() as { id: number; version: number };
      }

      async function runs(sourceId: number) {
        const response = await admin.get(
          `/api/events/${t.eventId}/figure-sources/${sourceId}/runs`,
        );
        assert.equal(response.statusCode, 200, response.body);
        return response.json().items as {
          ok: boolean;
          rows: number;
          message: string;
          errors: { row: number }[];
        }[];
      }

      it('imports a CSV source when due, once, and skips unchanged rows later', async () => {
        const before = await observationCount();
        const source = await createSource({
          name: 'Datalagret CSV',
          url: `${server.url}/belaggning.csv`,
          format: 'csv',
        });
        const now = new Date();
        const outcomes = await runDueFigurePulls(t.database.db, now, loopbackLimits);
        assert.deepEqual(
          outcomes.map((outcome) => [outcome.sourceId, outcome.ok, outcome.rows]),
          [[source.id, true, 2]],
        );
        assert.equal(await observationCount(), before + 2);
        assert.deepEqual(await runDueFigurePulls(t.database.db, now, loopbackLimits), []);
        const later = new Date(now.getTime() + 61 * 60_000);
        const again = await runDueFigurePulls(t.database.db, later, loopbackLimits);
        assert.deepEqual(
          again.map((outcome) => [outcome.ok, outcome.rows]),
          [[true, 0]],
        );
        assert.equal(await observationCount(), before + 2);
        const recorded = await runs(source.id);
        assert.deepEqual(
          recorded.map((run) => [run.ok, run.rows]),
          [
            [true, 0],
            [true, 2],
          ],
        );
        const listed = (await admin.get(`/api/events/${t.eventId}/figure-sources`)).json().items;
        const listedSource = listed.find((item: { id: number }) => item.id === source.id);
        assert.equal(listedSource.lastRun.result, 'ok');
        await disable(source);
      });

      it('runs a due source once when two nodes look at the same time', async () => {
        const before = await observationCount();
        const source = await createSource({
          name: 'Två noder',
          url: `${server.url}/belaggning.json`,
          format: 'json',
        });
        const second: Database = dialect === 'postgres' ? openDatabase(t.databaseUrl) : t.database;
        try {
          const now = new Date();
          const [first, other] = await Promise.all([
            runDueFigurePulls(t.database.db, now, loopbackLimits),
            runDueFigurePulls(second.db, now, loopbackLimits),
          ]);
          assert.deepEqual(
            [...first, ...other].map((outcome) => [outcome.sourceId, outcome.ok, outcome.rows]),
            [[source.id, true, 1]],
          );
        } finally {
          if (second !== t.database) await second.close();
        }
        assert.equal((await runs(source.id)).length, 1);
        assert.equal(await observationCount(), before + 1);
        await disable(source);
      });

      it('imports a JSON source', async () => {
        const before = await observationCount();
        const source = await createSource({
          name: 'Datalagret JSON',
          url: `${server.url}/belaggning.json`,
          format: 'json',
        });
        const outcomes = await runDueFigurePulls(t.database.db, new Date(), loopbackLimits);
        assert.deepEqual(
          outcomes.map((outcome) => [outcome.ok, outcome.rows]),
          [[true, 1]],
        );
        assert.equal(await observationCount(), before + 1);
        await disable(source);
      });

      it('records a failing address as a failed run and imports nothing', async () => {
        const before = await observationCount();
        const source = await createSource({
          name: 'Trasig källa',
          url: `${server.url}/finns-inte.csv`,
          format: 'csv',
        });
        await runDueFigurePulls(t.database.db, new Date(), loopbackLimits);
        const [run] = await runs(source.id);
        assert.equal(run!.ok, false);
        assert.match(run!.message, /HTTP-status 500/);
        assert.equal(await observationCount(), before);
        await disable(source);
      });

      it('imports nothing from a file with one bad row and lists the row', async () => {
        const before = await observationCount();
        const source = await createSource({
          name: 'Halvfel källa',
          url: `${server.url}/halvfel.csv`,
          format: 'csv',
        });
        await runDueFigurePulls(t.database.db, new Date(), loopbackLimits);
        const [run] = await runs(source.id);
        assert.equal(run!.ok, false);
        assert.deepEqual(
          run!.errors.map((problem) => problem.row),
          [3],
        );
        assert.equal(await observationCount(), before);
        await disable(source);
      });

      it('gives up on a source that is too large or too slow', async () => {
        const large = await createSource({
          name: 'Stor',
          url: `${server.url}/stor.csv`,
          format: 'csv',
        });
        const slow = await createSource({
          name: 'Tyst',
          url: `${server.url}/tyst.csv`,
          format: 'csv',
        });
        const outcomes = await runDueFigurePulls(t.database.db, new Date(), {
          timeoutMs: 500,
          maxBytes: 1024,
          allowedAddresses: loopbackAllowed,
        });
        const messageOf = (id: number) => outcomes.find((o) => o.sourceId === id)?.message ?? '';
        assert.match(messageOf(large.id), /större än 1 kB/);
        assert.match(messageOf(slow.id), /svarade inte inom 0.5 sekunder/);
        await disable(large);
        await disable(slow);
      });

      it('accepts only http and https addresses', async () => {
        const response = await admin.post(`/api/events/${t.eventId}/figure-sources`, {
          name: 'Lokal fil',
          url: 'file:///etc/passwd',
          format: 'csv',
          intervalMinutes: 60,
        });
        assert.equal(response.statusCode, 400, response.body);
      });

      async function disable(source: { id: number }) {
        const current = (await admin.get(`/api/events/${t.eventId}/figure-sources`))
          .json()
          .items.find((item: { id: number }) => item.id === source.id);
        const response = await admin.patch(`/api/events/${t.eventId}/figure-sources/${source.id}`, {
          version: current.version,
          enabled: false,
        });
        assert.equal(response.statusCode, 200, response.body);
      }
    });
  });
}
