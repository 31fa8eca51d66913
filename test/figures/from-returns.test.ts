import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultReturnForm } from '../../src/contract/return-forms.ts';
import { periodOf, previousPeriod } from '../../src/core/time.ts';
import { keyOfName, observedAtOf } from '../../src/server/figures/from-returns.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const bedsField = {
  key: 'beds',
  kind: 'number',
  label: 'Lediga vårdplatser',
  required: true,
  figure: { name: 'Lediga vårdplatser', unit: 'st' },
};
const waitField = {
  key: 'wait',
  kind: 'number',
  label: 'Väntetid på akuten',
  figure: { name: 'Väntetid akuten', unit: 'min', decimals: 0 },
};

interface Bucket {
  period: string;
  count: number;
  value: number | null;
  places: { place: string; value: number; observedAt: string }[];
}

describe('the observation time of a return', () => {
  const period = periodOf(new Date(), 'week');

  it('is the submit time inside the period, and the period’s last millisecond after it', () => {
    const inside = new Date(period.start.getTime() + 3_600_000);
    assert.equal(observedAtOf(period, inside).toISOString(), inside.toISOString());
    const late = new Date(period.end.getTime() + 86_400_000);
    assert.equal(observedAtOf(period, late).getTime(), period.end.getTime() - 1);
    const early = new Date(period.start.getTime() - 1000);
    assert.equal(observedAtOf(period, early).getTime(), period.start.getTime());
  });

  it('makes a figure key of a name, unique within the event', () => {
    assert.equal(keyOfName('Disponibla IVA-platser', new Set()), 'disponibla-iva-platser');
    assert.equal(keyOfName('Väntetid (min)', new Set(['väntetid-min'])), 'väntetid-min-2');
    assert.equal(keyOfName('%%', new Set()), 'nyckeltal');
  });
});

for (const dialect of testDialects()) {
  describe(`number fields of a return feeding the key figures on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let eventId: number;
    let units: { id: number; name: string }[];
    const current = periodOf(new Date(), 'week');
    const sentBefore = new Map<string, { id: number; version: number }>();

    const situationUrl = (unitId: number, period: string) =>
      `/api/events/${eventId}/units/${unitId}/situations/${period}`;

    /** Saves and submits the unit's return; a situation already sent is returned first. */
    async function submit(unitId: number, period: string, answers: object) {
      const url = situationUrl(unitId, period);
      const existing = sentBefore.get(url);
      let version: number | undefined;
      if (existing) {
        const sentBack = await admin.post(
          `/api/events/${eventId}/situations/${existing.id}/return`,
          { version: existing.version, comment: 'Uppdatera siffrorna.' },
        );
        assert.equal(sentBack.statusCode, 200, sentBack.body);
        version = sentBack.json().version;
      }
      const saved = await admin.request('PUT', url, {
        ...(version !== undefined && { version }),
        overallStatus: 'yellow',
        prognosis: 'worsening',
        answers,
      });
      assert.ok([200, 201].includes(saved.statusCode), saved.body);
      const sent = await admin.post(`${url}/submit`, { version: saved.json().version });
      assert.equal(sent.statusCode, 200, sent.body);
      sentBefore.set(url, sent.json());
      return sent.json() as { submittedAt: string };
    }

    async function figureNamed(name: string) {
      const figures = (await admin.get(`/api/events/${eventId}/figures`)).json().items;
      return figures.find((figure: { name: string }) => figure.name === name) as
        { id: number; key: string; unitOfMeasure: string } | undefined;
    }

    async function bucketsOf(figureId: number): Promise<Bucket[]> {
      const series = await admin.get(`/api/events/${eventId}/figures/${figureId}/series`);
      assert.equal(series.statusCode, 200, series.body);
      return series.json().buckets;
    }

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      const created = await admin.post('/api/events', { name: 'Returer till nyckeltal' });
      assert.equal(created.statusCode, 201, created.body);
      eventId = created.json().id;
      const form = await admin.request('PUT', `/api/events/${eventId}/return-form`, {
        version: 0,
        fields: [...defaultReturnForm(), bedsField, waitField],
      });
      assert.equal(form.statusCode, 200, form.body);
      units = (await admin.get(`/api/events/${eventId}/units`))
        .json()
        .items.map((unit: { unitId: number; name: string }) => ({
          id: unit.unitId,
          name: unit.name,
        }));
      assert.ok(units.length >= 2);
      // The waiting time already exists as a figure, named in other letters' case.
      const wait = await admin.post(`/api/events/${eventId}/figures`, {
        key: 'vantetid',
        name: 'VÄNTETID AKUTEN',
        unitOfMeasure: 'min',
      });
      assert.equal(wait.statusCode, 201, wait.body);
    });
    after(() => t.close());

    it('adds each submitted number to its figure for the unit, at the submit time', async () => {
      const [first, second] = units;
      const sent = await submit(first!.id, current.key, { beds: 12, wait: 40 });
      await submit(second!.id, current.key, { beds: 5, wait: { notAvailable: true } });

      const beds = await figureNamed('Lediga vårdplatser');
      assert.deepEqual(
        { key: beds?.key, unitOfMeasure: beds?.unitOfMeasure },
        { key: 'lediga-vårdplatser', unitOfMeasure: 'st' },
      );
      const [bucket] = await bucketsOf(beds!.id);
      assert.equal(bucket!.period, current.key);
      assert.equal(bucket!.value, 17);
      assert.deepEqual(
        bucket!.places.map((place) => [place.place, place.value]),
        [
          [`unit:${first!.id}`, 12],
          [`unit:${second!.id}`, 5],
        ],
      );
      assert.equal(bucket!.places[0]!.observedAt, sent.submittedAt);

      // "Uppgift saknas" adds nothing: the existing figure has the first unit's value only.
      const wait = await figureNamed('VÄNTETID AKUTEN');
      assert.equal(await figureNamed('Väntetid akuten'), undefined);
      const waits = await bucketsOf(wait!.id);
      assert.deepEqual(
        waits.map((item) => [item.period, item.count, item.places.map((place) => place.value)]),
        [[current.key, 1, [40]]],
      );
      assert.equal(waits[0]!.value, 40);
    });

    it('lets a resubmission replace the unit’s value, and a missing answer keep it', async () => {
      const [first, second] = units;
      await submit(first!.id, current.key, { beds: 9, wait: 35 });
      await submit(second!.id, current.key, { beds: { notAvailable: true }, wait: 20 });
      const beds = await figureNamed('Lediga vårdplatser');
      const [bucket] = await bucketsOf(beds!.id);
      assert.deepEqual(
        { count: bucket!.count, value: bucket!.value },
        // Three observations: 12 and 9 of the first unit, 5 of the second, which stays.
        { count: 3, value: 14 },
      );
      const wait = await figureNamed('VÄNTETID AKUTEN');
      const [waits] = await bucketsOf(wait!.id);
      // Minutes do not add up across units: each unit's latest value, no total.
      assert.deepEqual(
        { count: waits!.count, value: waits!.value, places: waits!.places.map((p) => p.value) },
        { count: 3, value: null, places: [35, 20] },
      );
    });

    it("puts a late return's numbers in the period it is for", async () => {
      const [first] = units;
      const previous = previousPeriod(current.key);
      await submit(first!.id, previous.key, { beds: 3 });
      const beds = await figureNamed('Lediga vårdplatser');
      const buckets = await bucketsOf(beds!.id);
      assert.deepEqual(
        buckets.map((item) => [item.period, item.value]),
        [
          [previous.key, 3],
          [current.key, 14],
        ],
      );
      assert.equal(
        buckets[0]!.places[0]!.observedAt,
        new Date(previous.end.getTime() - 1).toISOString(),
      );
    });
  });
}
