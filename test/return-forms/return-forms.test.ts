import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defaultReturnForm } from '../../src/contract/return-forms.ts';
import { periodOf } from '../../src/core/time.ts';
import { systemActor } from '../../src/server/http/actor.ts';
import {
  applyReturnFormSetup,
  readReturnFormSetup,
} from '../../src/server/return-forms/service.ts';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const ownFields = [
  { key: 'ivaOpen', kind: 'yesno', label: 'IVA öppen', required: true },
  { key: 'level', kind: 'choice', label: 'Beredskapsläge', options: ['Normal', 'Förstärkt'] },
  {
    key: 'beds',
    kind: 'number',
    label: 'Lediga vårdplatser',
    help: 'Antal just nu.',
    required: true,
    figure: { name: 'Lediga vårdplatser', unit: 'st' },
  },
];

for (const dialect of testDialects()) {
  describe(`an event's return form on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let unitId: number;

    /** A new event of its own, so that every test starts from the default form. */
    async function newEvent(name: string): Promise<number> {
      const created = await admin.post('/api/events', { name });
      assert.equal(created.statusCode, 201, created.body);
      return created.json().id as number;
    }
    const formUrl = (eventId: number) => `/api/events/${eventId}/return-form`;
    const returnUrl = (eventId: number, period: string) =>
      `/api/events/${eventId}/units/${unitId}/situations/${period}`;

    async function withOwnFields(eventId: number) {
      const replaced = await admin.request('PUT', formUrl(eventId), {
        version: 0,
        fields: [...defaultReturnForm(), ...ownFields],
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      return replaced.json();
    }

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      unitId = (await admin.get('/api/units')).json().items[0].id;
    });
    after(() => t.close());

    it('gives a new event the default form, and replaces it with a version check', async () => {
      const eventId = await newEvent('Formulärprov');
      const form = (await admin.get(formUrl(eventId))).json();
      assert.deepEqual(form, {
        eventId,
        fields: defaultReturnForm(),
        isDefault: true,
        updatedBy: null,
        updatedAt: null,
        version: 0,
      });
      const replaced = await withOwnFields(eventId);
      assert.equal(replaced.version, 1);
      assert.equal(replaced.isDefault, false);
      assert.deepEqual(replaced.fields.slice(8), [
        { key: 'ivaOpen', kind: 'yesno', label: 'IVA öppen', help: '', required: true },
        {
          key: 'level',
          kind: 'choice',
          label: 'Beredskapsläge',
          help: '',
          required: false,
          options: ['Normal', 'Förstärkt'],
        },
        {
          key: 'beds',
          kind: 'number',
          label: 'Lediga vårdplatser',
          help: 'Antal just nu.',
          required: true,
          figure: { name: 'Lediga vårdplatser', unit: 'st', decimals: 0 },
        },
      ]);
      const stale = await admin.request('PUT', formUrl(eventId), {
        version: 0,
        fields: defaultReturnForm(),
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.version, 1);
      const kindChanged = await admin.request('PUT', formUrl(eventId), {
        version: 1,
        fields: [{ key: 'beds', kind: 'text', label: 'Vårdplatser' }],
      });
      assert.equal(kindChanged.statusCode, 400);
      assert.equal(
        kindChanged.json().message,
        'Fältet beds har typen number och nyckeln behåller sin typ. Lägg till ett nytt fält i stället.',
      );
      const audit = (
        await admin.get(`/api/events/${eventId}/audit`, { query: { limit: '500' } })
      ).json();
      assert.equal(
        audit.items.filter((entry: { action: string }) => entry.action === 'return_form.replace')
          .length,
        1,
      );
    });

    it('checks a saved and a submitted return against the form, with "uppgift saknas"', async () => {
      const eventId = await newEvent('Formulär med egna fält');
      await withOwnFields(eventId);
      const url = returnUrl(eventId, '2025-W10');
      const wrong = await admin.request('PUT', url, {
        overallStatus: 'yellow',
        answers: { ivaOpen: 'kanske', beds: 2.5 },
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(wrong.json().details.fields, [
        { field: 'answers.ivaOpen', message: 'Svara ja eller nej på "IVA öppen".' },
        { field: 'answers.beds', message: 'Ange "Lediga vårdplatser" som ett heltal.' },
      ]);
      const draft = await admin.request('PUT', url, {
        overallStatus: 'yellow',
        answers: { level: 'Förstärkt' },
      });
      assert.equal(draft.statusCode, 201, draft.body);
      const early = await admin.post(`${url}/submit`, { version: draft.json().version });
      assert.equal(early.statusCode, 400);
      assert.deepEqual(
        early.json().details.fields.map((field: { field: string }) => field.field),
        ['prognosis', 'answers.ivaOpen', 'answers.beds'],
      );
      assert.equal(
        early.json().message,
        'Fyll i "Prognos för kommande period" innan lägesbilden skickas in, eller markera "Uppgift saknas".',
      );
      const complete = await admin.request('PUT', url, {
        version: draft.json().version,
        overallStatus: 'yellow',
        answers: {
          prognosis: { notAvailable: true },
          ivaOpen: false,
          beds: { notAvailable: true },
        },
      });
      assert.equal(complete.statusCode, 200, complete.body);
      assert.equal(complete.json().prognosis, null);
      assert.deepEqual(complete.json().answers, {
        prognosis: { notAvailable: true },
        ivaOpen: false,
        beds: { notAvailable: true },
      });
      const sent = await admin.post(`${url}/submit`, { version: complete.json().version });
      assert.equal(sent.statusCode, 200, sent.body);
      const withVersions = (
        await admin.get(`/api/events/${eventId}/situations/${sent.json().id}`)
      ).json();
      assert.deepEqual(withVersions.versions[0].answers, complete.json().answers);
    });

    it("puts number fields among the unit's key figures in a report, missing ones as such", async () => {
      const eventId = await newEvent('Formulär i rapport');
      await withOwnFields(eventId);
      const units: { id: number; code: string; name: string }[] = (
        await admin.get('/api/units')
      ).json().items;
      const [first, second] = units;
      const period = periodOf(new Date(), 'week').key;
      const send = async (unit: number, answers: object, keyFigures: object[] = []) => {
        const url = `/api/events/${eventId}/units/${unit}/situations/${period}`;
        const saved = await admin.request('PUT', url, {
          overallStatus: 'red',
          prognosis: 'worsening',
          keyFigures,
          answers,
        });
        assert.equal(saved.statusCode, 201, saved.body);
        const sent = await admin.post(`${url}/submit`, { version: saved.json().version });
        assert.equal(sent.statusCode, 200, sent.body);
      };
      await send(first!.id, { ivaOpen: true, level: 'Förstärkt', beds: { notAvailable: true } }, [
        { name: 'Beläggningsgrad', value: 104, unit: '%' },
      ]);
      await send(second!.id, { ivaOpen: false, beds: 12 });
      const started = await admin.post(`/api/events/${eventId}/reports`, { kind: 'extra' });
      assert.equal(started.statusCode, 201, started.body);
      const report = (
        await admin.get(`/api/events/${eventId}/reports/${started.json().id}`)
      ).json();
      const tablesOf = (unitName: string) =>
        report.sections
          .find((section: { title: string }) => section.title.startsWith(unitName))
          .data.internal.filter((block: { type: string }) => block.type === 'table')
          .map((block: { rows: string[][] }) => block.rows);
      assert.deepEqual(tablesOf(first!.name), [
        [
          ['Lediga vårdplatser', 'Uppgift saknas'],
          ['Beläggningsgrad', '104\u00a0%'],
        ],
        [
          ['IVA öppen', 'Ja'],
          ['Beredskapsläge', 'Förstärkt'],
        ],
      ]);
      assert.deepEqual(tablesOf(second!.name), [
        [['Lediga vårdplatser', '12\u00a0st']],
        [['IVA öppen', 'Nej']],
      ]);
    });

    it('refuses an answer to a field the form does not have', async () => {
      const eventId = await newEvent('Standardformulär');
      const refused = await admin.request('PUT', returnUrl(eventId, '2025-W11'), {
        answers: { colour: 'blå' },
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().message, 'Formuläret har inget fält colour.');
    });

    it('reads the form as a set-up part and applies it to a fresh event unchanged', async () => {
      const source = await newEvent('Källa');
      await withOwnFields(source);
      const db = t.database.db;
      const setup = await readReturnFormSetup(db, source);
      const target = await newEvent('Mål');
      const actor = systemActor;
      await db.transaction().execute((trx) => applyReturnFormSetup(trx, target, setup, actor));
      assert.deepEqual(await readReturnFormSetup(db, target), setup);
      await assert.rejects(
        db.transaction().execute((trx) => applyReturnFormSetup(trx, target, { fields: [] }, actor)),
        { message: 'Formuläret behöver minst ett fält.' },
      );
    });
  });
}
