import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Situation {
  id: number;
  unit: { code: string };
  period: string;
  internal: boolean;
}

interface Action {
  id: number;
  text: string;
  overdue: boolean;
}

const dayMs = 24 * 60 * 60 * 1000;
const outsiderEmail = 'utan.behorighet@lagesbild.local';
const outsiderPassword = 'Ett-testlösenord-utan-behörighet';

const content = {
  overallStatus: 'yellow',
  prognosis: 'unchanged',
  bullets: '- Läget är ansträngt.',
};

/** Situations up to 2024-W47 on a fresh event, so the demo event's own data stays out of it. */
for (const dialect of testDialects()) {
  describe(`dashboard summaries on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let reader: Client;
    let outsider: Client;
    let eventId: number;
    let unitIds: Map<string, number>;
    const events = () => `/api/events/${eventId}`;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      eventId = (await admin.post('/api/events', { name: 'Lägesbild i översikten' })).json().id;
      const users = (await admin.get('/api/users')).json().items as { id: number; email: string }[];
      const userId = (email: string) => users.find((user) => user.email === email)!.id;
      for (const [email, role] of [
        [demoPeople.staff, 'staff'],
        [demoPeople.reader, 'reader'],
      ]) {
        const granted = await admin.post(`${events()}/grants`, { userId: userId(email!), role });
        assert.equal(granted.statusCode, 201, granted.body);
      }
      const created = await admin.post('/api/users', {
        email: outsiderEmail,
        name: 'Utan behörighet',
        password: outsiderPassword,
      });
      assert.equal(created.statusCode, 201, created.body);
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      outsider = await t.login(outsiderEmail, outsiderPassword);
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      unitIds = new Map(units.map((unit) => [unit.code, unit.id]));
    });
    after(() => t.close());

    async function draft(code: string, period: string, extra: Record<string, unknown> = {}) {
      const url = `${events()}/units/${unitIds.get(code)}/situations/${period}`;
      const saved = await staff.request('PUT', url, { ...content, ...extra });
      assert.equal(saved.statusCode, 201, saved.body);
      return { url, version: saved.json().version as number };
    }

    async function submitted(code: string, period: string, extra: Record<string, unknown> = {}) {
      const { url, version } = await draft(code, period, extra);
      const sent = await staff.post(`${url}/submit`, { version });
      assert.equal(sent.statusCode, 200, sent.body);
      return sent.json() as Situation & { version: number };
    }

    async function latest(client: Client, period?: string) {
      const response = await client.get(`${events()}/situations/latest`, {
        ...(period && { query: { period } }),
      });
      assert.equal(response.statusCode, 200, response.body);
      return response.json().items as Situation[];
    }

    const periodsByUnit = (items: Situation[]) =>
      Object.fromEntries(items.map((item) => [item.unit.code, item.period]));

    describe('latest situations', () => {
      before(async () => {
        await submitted('SÄS', '2024-W45');
        await submitted('SÄS', '2024-W46', { overallStatus: 'red' });
        await draft('SÄS', '2024-W47');
        await submitted('SÄS', '2024-W48', { overallStatus: 'green' });
        await draft('NH', '2024-W46');
        await submitted('RH', '2024-W44');
        await submitted('RH', '2024-W46', {
          internal: true,
          bullets: '- Personalärende som inte ska spridas.',
        });
        const accepted = await submitted('RLM', '2024-W45');
        const accept = await staff.post(`${events()}/situations/${accepted.id}/accept`, {
          version: accepted.version,
        });
        assert.equal(accept.statusCode, 200, accept.body);
      });

      it('gives each unit its newest sent situation up to the period', async () => {
        const items = await latest(staff, '2024-W47');
        assert.deepEqual(periodsByUnit(items), {
          SÄS: '2024-W46',
          RH: '2024-W46',
          RLM: '2024-W45',
        });
        assert.deepEqual(
          items.map((item) => item.unit.code),
          ['RH', 'RLM', 'SÄS'],
        );
      });

      it('gives the newest sent situation of all periods when no period is given', async () => {
        assert.deepEqual(periodsByUnit(await latest(staff)), {
          SÄS: '2024-W48',
          RH: '2024-W46',
          RLM: '2024-W45',
        });
      });

      it('leaves out a unit with only drafts and one with nothing up to the period', async () => {
        assert.deepEqual(periodsByUnit(await latest(staff, '2024-W44')), { RH: '2024-W44' });
      });

      it('answers items shaped like the list', async () => {
        const [sas] = (await latest(staff, '2024-W47')).filter((item) => item.unit.code === 'SÄS');
        const listed = await staff.get(`${events()}/situations`, {
          query: { unitId: String(unitIds.get('SÄS')), period: '2024-W46' },
        });
        assert.deepEqual(sas, listed.json().items[0]);
      });

      it('gives a reader the newest situation that is not internal', async () => {
        const response = await reader.get(`${events()}/situations/latest`, {
          query: { period: '2024-W47' },
        });
        assert.equal(response.statusCode, 200, response.body);
        const items = response.json().items as Situation[];
        assert.deepEqual(periodsByUnit(items), {
          SÄS: '2024-W46',
          RH: '2024-W44',
          RLM: '2024-W45',
        });
        assert.ok(items.every((item) => !item.internal));
        assert.ok(!response.body.includes('Personalärende'));
      });

      it('refuses a period of the wrong granularity', async () => {
        const response = await staff.get(`${events()}/situations/latest`, {
          query: { period: '2024-11-05' },
        });
        assert.equal(response.statusCode, 400, response.body);
      });
    });

    describe('action summary', () => {
      const at = (days: number) => new Date(Date.now() + days * dayMs).toISOString();
      const ids = new Map<string, number>();

      before(async () => {
        const actions: [string, Record<string, unknown>][] = [
          ['overdue open', { dueAt: at(-2) }],
          ['overdue in progress', { dueAt: at(-1), state: 'in_progress' }],
          ['due tomorrow', { dueAt: at(1) }],
          ['undated', {}],
          ['due in two days', { dueAt: at(2) }],
          ['internal overdue', { dueAt: at(-5), internal: true }],
          ['done', { dueAt: at(-3), state: 'done' }],
          ['cancelled', { dueAt: at(-1), state: 'cancelled' }],
        ];
        for (const [text, extra] of actions) {
          const created = await staff.post(`${events()}/actions`, {
            text,
            ownerName: 'Oskar Nyberg',
            ...extra,
          });
          assert.equal(created.statusCode, 201, created.body);
          ids.set(text, created.json().id);
        }
      });

      async function summary(client: Client) {
        const response = await client.get(`${events()}/actions/summary`);
        assert.equal(response.statusCode, 200, response.body);
        return response.json() as { open: number; overdue: number; next: Action[] };
      }

      it('counts pending actions and lists the next four, overdue first', async () => {
        const answer = await summary(staff);
        assert.equal(answer.open, 6);
        assert.equal(answer.overdue, 3);
        assert.deepEqual(
          answer.next.map((action) => action.text),
          ['internal overdue', 'overdue open', 'overdue in progress', 'due tomorrow'],
        );
        assert.deepEqual(
          answer.next.map((action) => action.overdue),
          [true, true, true, false],
        );
      });

      it('counts overdue as the list’s overdue filter does and answers list items', async () => {
        const answer = await summary(staff);
        const overdue = await staff.get(`${events()}/actions`, { query: { overdue: 'true' } });
        assert.equal(answer.overdue, overdue.json().total);
        const listed = (await staff.get(`${events()}/actions`)).json().items as Action[];
        for (const action of answer.next) {
          assert.deepEqual(
            action,
            listed.find((item) => item.id === action.id),
          );
        }
      });

      it('leaves internal actions out for a reader', async () => {
        const answer = await summary(reader);
        assert.equal(answer.open, 5);
        assert.equal(answer.overdue, 2);
        assert.deepEqual(
          answer.next.map((action) => action.id),
          ['overdue open', 'overdue in progress', 'due tomorrow', 'due in two days'].map((text) =>
            ids.get(text),
          ),
        );
      });
    });

    it('hides both from a user without a grant and from the signed out', async () => {
      for (const path of ['/situations/latest', '/actions/summary']) {
        const hidden = await outsider.get(`${events()}${path}`);
        assert.equal(hidden.statusCode, 404, hidden.body);
        assert.match(hidden.body, /Händelsen finns inte/);
        assert.equal((await t.anonymous().get(`${events()}${path}`)).statusCode, 401);
      }
    });
  });
}
