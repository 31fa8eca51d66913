// Invariants the database holds under racing writes: one unit per code, one input request and one
// situation per unit and period, no two overlapping diversions of one emergency department in a
// category. Each race has exactly one winner; every loser is refused with a message (400 from the
// check, 409 when the database decided), never a 500, and no accepted write is lost.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const racers = 12;
const dayMs = 86_400_000;

for (const dialect of testDialects()) {
  describe(`invariants under racing writes on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    const totals = { writes: 0, accepted: 0, refused: 0, lost: 0 };

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
    });
    after(async () => {
      console.log(
        `# hardening (${dialect}): ${totals.writes} racing writes, ${totals.accepted} accepted, ${totals.refused} refused, ${totals.lost} lost`,
      );
      await t.close();
    });

    /** Runs the same write `racers` times at once; one wins, the rest are refused properly. */
    const race = async (
      write: () => Promise<LightMyRequestResponse>,
      stored: () => Promise<number>,
    ) => {
      const answers = await Promise.all(Array.from({ length: racers }, write));
      const accepted = answers.filter((answer) => answer.statusCode < 300);
      const refused = answers.filter((answer) => answer.statusCode >= 300);
      totals.writes += answers.length;
      totals.accepted += accepted.length;
      totals.refused += refused.length;
      totals.lost += accepted.length - (await stored());
      assert.equal(accepted.length, 1, answers.map((answer) => answer.statusCode).join(' '));
      for (const answer of refused) {
        assert.ok([400, 409].includes(answer.statusCode), `${answer.statusCode} ${answer.body}`);
        assert.ok(answer.json().message.length > 0);
      }
      assert.equal(await stored(), 1);
    };

    const unitIdOf = async (code: string) => {
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      return units.find((unit) => unit.code === code)!.id;
    };

    it('creates one unit per code', async () => {
      const code = `RACE-${dialect}`;
      await race(
        () => admin.post('/api/units', { code, name: 'Kapplöpning', kind: 'support' }),
        async () =>
          ((await admin.get('/api/units')).json().items as { code: string }[]).filter(
            (unit) => unit.code === code,
          ).length,
      );
    });

    it('creates one input request per period', async () => {
      const unitIds = [await unitIdOf('NH')];
      const deadline = new Date(Date.now() + dayMs).toISOString();
      await race(
        () =>
          staff.post(`/api/events/${t.eventId}/input-requests`, {
            period: '2024-W50',
            deadline,
            unitIds,
          }),
        async () =>
          (
            (await staff.get(`/api/events/${t.eventId}/input-requests`)).json().items as {
              period: string;
            }[]
          ).filter((request) => request.period === '2024-W50').length,
      );
    });

    it('creates one situation per unit and period', async () => {
      const unitId = await unitIdOf('RH');
      await race(
        () =>
          staff.request('PUT', `/api/events/${t.eventId}/units/${unitId}/situations/2024-W52`, {
            overallStatus: 'green',
            bullets: '- Kapplöpning',
          }),
        async () =>
          (
            await staff.get(`/api/events/${t.eventId}/situations`, {
              query: { unitId: String(unitId), period: '2024-W52' },
            })
          ).json().total,
      );
    });

    it('saves one of overlapping diversions of one emergency department', async () => {
      const facilities = (await admin.get('/api/facilities')).json().items as {
        id: number;
        code: string;
      }[];
      const facilityId = facilities.find((facility) => facility.code === 'SÄS-AKM-SKENE')!.id;
      const startsAt = new Date(Date.now() + 10 * dayMs).toISOString();
      const endsAt = new Date(Date.now() + 11 * dayMs).toISOString();
      await race(
        () =>
          staff.post(`/api/events/${t.eventId}/diversions`, {
            facilityId,
            categories: ['walk_in'],
            redirectedTo: 'Södra Älvsborgs Sjukhus Borås',
            startsAt,
            endsAt,
          }),
        async () =>
          (
            (
              await staff.get(`/api/events/${t.eventId}/diversions`, {
                query: { state: 'all', facilityId: String(facilityId), limit: '500' },
              })
            ).json().items as { startsAt: string }[]
          ).filter((diversion) => diversion.startsAt === startsAt).length,
      );
    });
  });
}
