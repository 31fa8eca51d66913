// A configured key-figure block reads what a unit's facilities reported (decision 007): a unit
// without a value of its own gets its facilities' values added where the figure adds up; a value
// the unit reported for itself wins; a percentage over several facilities stays missing, unless the
// block names the percentage's parts (`ratioOf`): then the unit's value is 100 × part ÷ whole of
// the parts' values (each a count, its facilities added), and the total is the same over the
// parts' totals. A percentage the unit reported for itself still wins over its parts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodOf, zonedLocalToInstant } from '../../src/core/time.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const zone = 'Europe/Stockholm';
const dayMs = 86_400_000;
const nbsp = '\u00a0';

/** Noon of yesterday in the event's zone: inside the period a daily "previous" report covers. */
function yesterdayAt(now: Date, time: string): string {
  const today = periodOf(now, 'day', zone);
  const yesterday = periodOf(new Date(today.start.getTime() - dayMs / 2), 'day', zone).key;
  return zonedLocalToInstant(yesterday, time, zone).toISOString();
}

for (const dialect of testDialects()) {
  describe(`key-figure blocks over facilities on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    const unitIds = new Map<string, number>();

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      for (const unit of (await admin.get('/api/units')).json().items) {
        unitIds.set(unit.code, unit.id);
      }
      await t.database.db
        .updateTable('events')
        .set({ period_granularity: 'day', report_covers: 'previous', time_zone: zone })
        .where('id', '=', t.eventId)
        .execute();
    });
    after(() => t.close());

    async function facility(unit: string, code: string, name: string): Promise<number> {
      const created = await admin.post(`/api/units/${unitIds.get(unit)}/facilities`, {
        code,
        name,
        kind: 'ward',
      });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id;
    }

    async function define(key: string, unitOfMeasure: string): Promise<number> {
      const created = await staff.post(`/api/events/${t.eventId}/figures`, {
        key,
        name: key,
        unitOfMeasure,
      });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id;
    }

    async function observe(
      figureId: number,
      place: { unitId?: number; facilityId?: number },
      value: number,
      time: string,
    ) {
      const response = await staff.post(
        `/api/events/${t.eventId}/figures/${figureId}/observations`,
        { value, observedAt: yesterdayAt(new Date(), time), ...place },
      );
      assert.equal(response.statusCode, 201, response.body);
    }

    /** The rows of the matrix that one key-figure section of a new template compiles to. */
    async function matrixRows(
      name: string,
      figures: Record<string, unknown>[],
      units: number[],
    ): Promise<string[][] | undefined> {
      const template = await admin.post(`/api/events/${t.eventId}/templates`, {
        name,
        sections: [
          {
            key: 'block',
            title: name,
            kind: 'key_figures',
            figures: { figures, units, layout: 'matrix', comparison: 'none', chart: false },
          },
        ],
      });
      assert.equal(template.statusCode, 201, template.body);
      const started = await staff.post(`/api/events/${t.eventId}/reports`, {
        kind: 'extra',
        templateId: template.json().id,
      });
      assert.equal(started.statusCode, 201, started.body);
      const draft = (
        await staff.get(`/api/events/${t.eventId}/reports/${started.json().id}`)
      ).json();
      const data = draft.sections.find((section: { key: string }) => section.key === 'block').data
        .public as { type: string; rows?: string[][] }[];
      return data.find((block) => block.type === 'table')?.rows;
    }

    it('adds a unit’s facilities for a count, prefers the unit’s own value, leaves a shared percentage out', async () => {
      const [sas, nh] = [unitIds.get('SÄS')!, unitIds.get('NH')!];
      const north = await facility('SÄS', 'FAC-N', 'Avdelning Norr');
      const south = await facility('SÄS', 'FAC-S', 'Avdelning Syd');
      const clinic = await facility('NH', 'FAC-V', 'Vårdcentralen Väster');
      const beds = await define('fac-platser', 'platser');
      const occupancy = await define('fac-belaggning', '%');
      await observe(beds, { facilityId: north }, 10, '08:00');
      await observe(beds, { facilityId: north }, 12, '16:00');
      await observe(beds, { facilityId: south }, 7, '09:00');
      await observe(beds, { facilityId: clinic }, 4, '09:00');
      await observe(beds, { unitId: nh }, 6, '10:00');
      await observe(occupancy, { facilityId: north }, 90, '08:00');
      await observe(occupancy, { facilityId: south }, 80, '08:00');
      await observe(occupancy, { facilityId: clinic }, 75, '08:00');

      const rows = await matrixRows(
        'Avdelningar',
        [{ key: 'fac-platser' }, { key: 'fac-belaggning' }],
        [sas, nh],
      );
      assert.deepEqual(rows, [
        ['Södra Älvsborgs Sjukhus', `19${nbsp}platser`, 'u/a'],
        ['Närhälsan', `6${nbsp}platser`, `75${nbsp}%`],
        ['Totalt', `25${nbsp}platser`, ''],
      ]);
    });

    it('computes a percentage from the parts the block names, per unit and in total', async () => {
      const [sas, nh] = [unitIds.get('SÄS')!, unitIds.get('NH')!];
      const first = await facility('SÄS', 'FAC-R1', 'Avdelning Öst');
      const second = await facility('SÄS', 'FAC-R2', 'Avdelning Väst');
      const staffed = await define('r-platser', 'platser');
      const occupied = await define('r-belagda', 'platser');
      const occupancy = await define('r-belaggning', '%');
      await observe(staffed, { facilityId: first }, 12, '08:00');
      await observe(staffed, { facilityId: second }, 8, '08:00');
      await observe(occupied, { facilityId: first }, 9, '08:00');
      await observe(occupied, { facilityId: first }, 10, '12:00');
      await observe(occupied, { facilityId: second }, 8, '08:00');
      await observe(occupancy, { facilityId: first }, 83, '12:00');
      await observe(occupancy, { facilityId: second }, 100, '08:00');
      await observe(staffed, { unitId: nh }, 10, '08:00');
      await observe(occupied, { unitId: nh }, 6, '08:00');
      await observe(occupancy, { unitId: nh }, 55, '08:00');

      const rows = await matrixRows(
        'Andelar',
        [
          { key: 'r-platser' },
          { key: 'r-belagda' },
          { key: 'r-belaggning', ratioOf: { part: 'r-belagda', whole: 'r-platser' } },
        ],
        [sas, nh],
      );
      assert.deepEqual(rows, [
        // 100 × (10 + 8) ÷ (12 + 8): the parts of the unit's two facilities.
        ['Södra Älvsborgs Sjukhus', `20${nbsp}platser`, `18${nbsp}platser`, `90${nbsp}%`],
        // The unit's own percentage wins over its parts (6 ÷ 10 would be 60 %).
        ['Närhälsan', `10${nbsp}platser`, `6${nbsp}platser`, `55${nbsp}%`],
        // 100 × (18 + 6) ÷ (20 + 10): the parts' totals, never a mean of percentages.
        ['Totalt', `30${nbsp}platser`, `24${nbsp}platser`, `80${nbsp}%`],
      ]);
    });

    it('refuses a percentage from parts read by a rule that does not add up', async () => {
      const refused = await admin.post(`/api/events/${t.eventId}/templates`, {
        name: 'Fel regel',
        sections: [
          {
            key: 'andelar',
            title: 'Andelar',
            kind: 'key_figures',
            figures: {
              figures: [
                {
                  key: 'r-belaggning',
                  rule: 'max',
                  ratioOf: { part: 'r-belagda', whole: 'r-platser' },
                },
              ],
            },
          },
        ],
      });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.match(refused.json().message, /En andel räknas av sina delar bara med/);
    });
  });
}
