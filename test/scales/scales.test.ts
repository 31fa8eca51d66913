import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { periodOf } from '../../src/core/time.ts';
import { todaysScales } from '../../src/server/scales/defaults.ts';
import { systemActor } from '../../src/server/http/actor.ts';
import { applyScalesSetup, readScalesSetup } from '../../src/server/scales/service.ts';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Level {
  key: string;
  name: string;
  nameEn: string;
  colour: string;
  textColour: string;
  meaning: string;
  symbol: string;
  retired: boolean;
}

/** A five-level scale from grey to black, keeping today's keys for green, yellow and red. */
const greyToBlack = [
  { key: 'grey', name: 'Grå', colour: '#b1b4b6', meaning: 'Ingen påverkan.', symbol: '○' },
  { key: 'green', name: 'Grön', colour: '#00703c', meaning: 'Liten påverkan.', symbol: '●' },
  { key: 'yellow', name: 'Gul', colour: '#ffdd00', meaning: 'Påverkan.', symbol: '▲' },
  { key: 'red', name: 'Röd', colour: '#d4351c', meaning: 'Stor påverkan.', symbol: '■' },
  { key: 'black', name: 'Svart', colour: '#0b0c0c', meaning: 'Kritiskt läge.', symbol: '✕' },
];

const brief = (levels: Level[]) => levels.map(({ key, name, retired }) => ({ key, name, retired }));

for (const dialect of testDialects()) {
  describe(`event scales on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let staff: Client;
    let sasReporter: Client;
    let sasId: number;
    const scalesUrl = () => `/api/events/${t.eventId}/scales`;
    const scales = async () => (await staff.get(scalesUrl())).json();
    const saveScale = (kind: string, body: unknown) =>
      admin.request('PUT', `${scalesUrl()}/${kind}`, body);
    const currentWeek = periodOf(new Date(), 'week').key;
    const situationUrl = () => `/api/events/${t.eventId}/units/${sasId}/situations/${currentWeek}`;

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      staff = await t.login(demoPeople.staff);
      sasReporter = await t.login(demoPeople.reporterSas);
      const units = (await admin.get('/api/units')).json().items;
      sasId = units.find((unit: { code: string }) => unit.code === 'SÄS').id;
    });
    after(() => t.close());

    it("gives an event today's status and prognosis levels, with readable text on each colour", async () => {
      const { status, prognosis } = await scales();
      assert.deepEqual(
        status.levels.map((level: Level) => [
          level.key,
          level.name,
          level.nameEn,
          level.textColour,
        ]),
        [
          ['green', 'Normalt', 'Normal', '#ffffff'],
          ['yellow', 'Påverkat', 'Affected', '#000000'],
          ['red', 'Allvarligt', 'Serious', '#ffffff'],
        ],
      );
      assert.deepEqual(
        prognosis.levels.map((level: Level) => [level.key, level.name, level.symbol]),
        [
          ['improving', 'Förbättras', '↗'],
          ['unchanged', 'Oförändrad', '→'],
          ['worsening', 'Försämras', '↘'],
        ],
      );
      assert.equal(status.version, 1);
    });

    it('names what is wrong with a scale next to the field', async () => {
      const version = (await scales()).status.version;
      const cases: [unknown[], string, string][] = [
        [greyToBlack.slice(0, 2), 'levels', 'En skala behöver minst 3 nivåer.'],
        [
          [...greyToBlack, greyToBlack[0]!, greyToBlack[1]!],
          'levels',
          'En skala får ha högst 6 nivåer.',
        ],
        [
          [greyToBlack[0], { ...greyToBlack[1], colour: 'grön' }, greyToBlack[2]],
          'levels.1.colour',
          'Ange färgen som #rrggbb, till exempel #d4351c.',
        ],
        [
          [greyToBlack[0], greyToBlack[1], { ...greyToBlack[2], symbol: ' ' }],
          'levels.2.symbol',
          'Ange en symbol eller kort text som visas med färgen.',
        ],
        [
          [greyToBlack[0], greyToBlack[1], { ...greyToBlack[2], key: undefined, name: 'grå' }],
          'levels.2.name',
          'Två nivåer heter ”grå”; ge dem olika namn.',
        ],
        [
          [greyToBlack[0], greyToBlack[1], { ...greyToBlack[2], key: 'grey' }],
          'levels.2.key',
          'Två nivåer har samma nyckel; varje nivå behöver en egen.',
        ],
      ];
      for (const [levels, field, message] of cases) {
        const response = await saveScale('status', { version, levels });
        assert.equal(response.statusCode, 400, response.body);
        const body = response.json();
        const fieldMessage =
          body.details.fields?.find((entry: { field: string }) => entry.field === field)?.message ??
          (body.details.field === field ? body.message : undefined);
        assert.equal(fieldMessage, message, response.body);
      }
      assert.equal((await scales()).status.version, version);
    });

    it('retires a level that returns use instead of deleting it, and answers a stale save with 409', async () => {
      const before = (await scales()).status;
      const saved = await saveScale('status', {
        version: before.version,
        levels: [
          greyToBlack[0],
          { name: 'Ny nivå', colour: '#1d70b8', meaning: 'Prövas.', symbol: 'N' },
          greyToBlack[2],
          greyToBlack[4],
        ],
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual(brief(saved.json().levels), [
        { key: 'grey', name: 'Grå', retired: false },
        { key: 'ny-niva', name: 'Ny nivå', retired: false },
        { key: 'yellow', name: 'Gul', retired: false },
        { key: 'black', name: 'Svart', retired: false },
        { key: 'green', name: 'Normalt', retired: true },
        { key: 'red', name: 'Allvarligt', retired: true },
      ]);
      const stale = await saveScale('status', { version: before.version, levels: greyToBlack });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().details.current.version, before.version + 1);

      const final = await saveScale('status', {
        version: before.version + 1,
        levels: greyToBlack,
      });
      assert.equal(final.statusCode, 200, final.body);
      assert.deepEqual(
        brief(final.json().levels),
        greyToBlack.map(({ key, name }) => ({ key, name, retired: false })),
        'the unused level is deleted and the retired ones come back',
      );
      const audit = await admin.get(`/api/events/${t.eventId}/audit`, {
        query: { action: 'scale.update' },
      });
      assert.equal(audit.statusCode, 200, audit.body);
      assert.equal(audit.json().items.length, 2, 'each saved change is audited');
    });

    it('refuses a situation whose status is not an active level, with 400 next to the field', async () => {
      const { version } = (await scales()).prognosis;
      const prognosis = todaysScales.prognosis.slice(0, 2).concat({
        key: 'collapse',
        name: 'Kollaps',
        nameEn: 'Collapse',
        colour: '#0b0c0c',
        meaning: 'Läget rasar.',
        symbol: '✕',
      });
      const saved = await saveScale('prognosis', { version, levels: prognosis });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.ok(
        saved.json().levels.some((level: Level) => level.key === 'worsening' && level.retired),
      );
      const answers = [
        [{ overallStatus: 'purple', prognosis: 'improving' }, 'overallStatus'],
        [{ overallStatus: 'grey', prognosis: 'worsening' }, 'prognosis'],
        [
          { overallStatus: 'grey', areas: { staff: 'blue' }, prognosis: 'improving' },
          'areas.staff',
        ],
      ] as const;
      for (const [answer, field] of answers) {
        const response = await sasReporter.request('PUT', situationUrl(), answer);
        assert.equal(response.statusCode, 400, response.body);
        assert.equal(response.json().details.field, field);
        assert.match(
          response.json().message,
          /^Välj en (status|prognos) som finns på händelsens skala\.$/,
        );
      }
    });

    it("shows the event's own levels in the report: swatch, symbol and name", async () => {
      const saved = await sasReporter.request('PUT', situationUrl(), {
        overallStatus: 'black',
        areas: { staff: 'grey' },
        prognosis: 'collapse',
        bullets: '- Kritiskt.',
      });
      assert.equal(saved.statusCode, 201, saved.body);
      const submitted = await sasReporter.post(`${situationUrl()}/submit`, {
        version: saved.json().version,
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const started = (
        await staff.post(`/api/events/${t.eventId}/reports`, { kind: 'extra' })
      ).json();
      const draft = (await staff.get(`/api/events/${t.eventId}/reports/${started.id}`)).json();
      const sas = draft.sections.find((section: { title: string }) =>
        section.title.startsWith('Södra Älvsborgs Sjukhus'),
      );
      assert.deepEqual(sas.data.internal[0], {
        type: 'levels',
        items: [
          { label: 'Samlat läge', level: { name: 'Svart', colour: '#0b0c0c', symbol: '✕' } },
          { label: 'Prognos', level: { name: 'Kollaps', colour: '#0b0c0c', symbol: '✕' } },
          { label: 'Medarbetare', level: { name: 'Grå', colour: '#b1b4b6', symbol: '○' } },
        ],
      });

      const approver = await t.login(demoPeople.approver);
      const reportUrl = `/api/events/${t.eventId}/reports/${draft.id}`;
      const inReview = await staff.post(`${reportUrl}/submit`, { version: draft.version });
      const approved = await approver.post(`${reportUrl}/approve`, {
        version: inReview.json().version,
      });
      const published = await approver.post(`${reportUrl}/publish`, {
        version: approved.json().version,
      });
      assert.equal(published.json().state, 'published', published.body);
      const markdownUrl = `/r/${t.eventId}/${published.json().number}/rapport.md`;
      const line = 'Samlat läge: ✕ Svart · Prognos: ✕ Kollaps · Medarbetare: ○ Grå';
      assert.ok((await t.anonymous().get(markdownUrl)).body.includes(`\n${line}\n`));

      const { status } = await scales();
      const renamed = await saveScale('status', {
        version: status.version,
        levels: greyToBlack.map((level) =>
          level.key === 'black' ? { ...level, name: 'Kritiskt', colour: '#4c2c92' } : level,
        ),
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.ok(
        (await t.anonymous().get(markdownUrl)).body.includes(`\n${line}\n`),
        'the published report keeps the levels as they were',
      );
    });

    it('reads a set-up, applies it to a fresh event and reads the same set-up back', async () => {
      const created = await admin.post('/api/events', {
        name: 'Ny händelse för skalor',
        periodGranularity: 'day',
      });
      assert.equal(created.statusCode, 201, created.body);
      const freshId = created.json().id;
      const db = t.database.db;
      assert.deepEqual(await readScalesSetup(db, freshId), todaysScales);
      const setup = await readScalesSetup(db, t.eventId);
      await db.transaction().execute((trx) => applyScalesSetup(trx, freshId, setup, systemActor));
      assert.deepEqual(await readScalesSetup(db, freshId), setup);
      assert.deepEqual(
        setup.status.map((level) => level.key),
        greyToBlack.map((level) => level.key),
      );
      const wrong = { ...setup, prognosis: [setup.prognosis[0]!, setup.prognosis[0]!] };
      await assert.rejects(
        db.transaction().execute((trx) => applyScalesSetup(trx, freshId, wrong, systemActor)),
        (error: Error & { details?: unknown }) =>
          error.message === 'En skala behöver minst 3 nivåer.' &&
          JSON.stringify(error.details) === '{"field":"prognosis"}',
      );
      const twice = { ...setup, prognosis: [...setup.prognosis, setup.prognosis[0]!] };
      await assert.rejects(
        db.transaction().execute((trx) => applyScalesSetup(trx, freshId, twice, systemActor)),
        (error: Error & { details?: unknown }) =>
          error.message === 'Två nivåer har samma nyckel; varje nivå behöver en egen.' &&
          JSON.stringify(error.details) === '{"field":"prognosis.3.key"}',
      );
      assert.deepEqual(await readScalesSetup(db, freshId), setup, 'nothing half-written');
    });
  });
}
