import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { shippedSetups, standardSetup } from '../../src/server/setups/service.ts';

type TemplateShape = { name: string; kind: string; sections: { key: string; title: string }[] };

const stormSetup = {
  format: 'lagesbild.event-setup',
  formatVersion: 1,
  name: 'Storm i länet',
  description: 'Dygnsrapport för en stormhändelse.',
  rules: { fourEyes: false },
  reportTemplates: [
    {
      name: 'Dygnsrapport',
      kind: 'weekly',
      sections: [
        { key: 'lage', title: 'Läget just nu', kind: 'text' },
        { key: 'el', title: 'Elavbrott', kind: 'key_figures' },
      ],
    },
  ],
};

function shapeOf(templates: TemplateShape[]) {
  return templates.map((template) => ({
    name: template.name,
    kind: template.kind,
    keys: template.sections.map((section) => `${section.key}:${section.title}`),
  }));
}

for (const dialect of testDialects()) {
  describe(`event set-ups on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    async function templatesOf(eventId: number): Promise<TemplateShape[]> {
      return (await admin.get(`/api/events/${eventId}/templates`)).json().items;
    }

    it('ships four set-ups of different shape in the library, not the standard', async () => {
      const names = (await admin.get('/api/setups'))
        .json()
        .items.map((setup: { name: string }) => setup.name);
      assert.deepEqual(names, [
        shippedSetups.national.name,
        shippedSetups.regionalReport.name,
        shippedSetups.hospitalGroup.name,
        shippedSetups.facilityStatus.name,
      ]);
    });

    for (const key of ['national', 'hospitalGroup'] as const) {
      it(`starts an event from the shipped ${key} set-up with its units, scales, form and period`, async () => {
        const library = (await admin.get('/api/setups')).json().items;
        const shipped = shippedSetups[key];
        const entry = library.find((setup: { name: string }) => setup.name === shipped.name);
        const created = await admin.post('/api/events', {
          name: `Från ${key}`,
          origin: { from: 'setup', setupId: entry.id },
        });
        assert.equal(created.statusCode, 201, created.body);
        const file = JSON.parse(
          (await admin.get(`/api/events/${created.json().id}/setup/file`)).body,
        );
        assert.deepEqual(file.units, shipped.units);
        assert.deepEqual(file.scales, shipped.scales);
        assert.deepEqual(file.returnForm, shipped.returnForm);
        assert.deepEqual(file.period, shipped.period);
        assert.deepEqual(file.rules, shipped.rules);
        assert.deepEqual(file.reportTemplates, shipped.reportTemplates);
      });
    }

    it('starts an event from the shipped facility status set-up with its five levels and lettered template', async () => {
      const library = (await admin.get('/api/setups')).json().items;
      const shipped = shippedSetups.facilityStatus;
      const entry = library.find((setup: { name: string }) => setup.name === shipped.name);
      const created = await admin.post('/api/events', {
        name: 'Från facilityStatus',
        origin: { from: 'setup', setupId: entry.id },
      });
      assert.equal(created.statusCode, 201, created.body);
      const file = (await admin.get(`/api/events/${created.json().id}/setup/file`)).json();
      assert.equal(file.scales.status.length, 5);
      assert.deepEqual(file.scales, shipped.scales);
      assert.deepEqual(file.reportTemplates, shipped.reportTemplates);
      assert.equal(file.reportTemplates[0].identity.sectionNumbering, 'letters');
    });

    it('gives the national set-up 21 regions in six healthcare regions under the nation', () => {
      const units = shippedSetups.national.units!.units;
      const count = (kind: string) => units.filter((unit) => unit.kind === kind).length;
      assert.deepEqual([count('nation'), count('group'), count('region')], [1, 6, 21]);
      assert.equal(shippedSetups.national.units!.unitlessLabel, 'Riket');
      assert.deepEqual(
        shippedSetups.national.scales!.status.map((level) => level.name),
        ['Normalläge', 'Stabsläge', 'Förstärkningsläge', 'Katastrofläge'],
      );
    });

    it('gives an event created without an origin the standard set-up', async () => {
      const created = await admin.post('/api/events', { name: 'Utan ursprung' });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(
        shapeOf(await templatesOf(created.json().id)),
        shapeOf(standardSetup.reportTemplates),
      );
      assert.equal(created.json().fourEyes, standardSetup.rules.fourEyes);
    });

    it('imports a file, lists it and starts an event from it with its templates and rules', async () => {
      const imported = await admin.post('/api/setups', { setup: stormSetup });
      assert.equal(imported.statusCode, 201, imported.body);
      assert.deepEqual(imported.json().templateNames, ['Dygnsrapport']);
      const created = await admin.post('/api/events', {
        name: 'Storm 2027',
        origin: { from: 'setup', setupId: imported.json().id },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().fourEyes, false);
      assert.deepEqual(shapeOf(await templatesOf(created.json().id)), [
        { name: 'Dygnsrapport', kind: 'weekly', keys: ['lage:Läget just nu', 'el:Elavbrott'] },
      ]);
    });

    it('copies an earlier event’s shape, with the changes its admins made, and none of its content', async () => {
      const source = (await admin.post('/api/events', { name: 'Källa' })).json();
      const full = (await admin.get(`/api/events/${source.id}/templates`)).json().items[0];
      const renamed = await admin.request('PUT', `/api/events/${source.id}/templates/${full.id}`, {
        version: full.version,
        name: 'Omdöpt mall',
        sections: full.sections,
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      const decision = await admin.post(`/api/events/${source.id}/decisions`, {
        decidedAt: new Date().toISOString(),
        forum: 'Stabsmöte',
        text: 'Ett beslut som inte ska följa med.',
      });
      assert.equal(decision.statusCode, 201, decision.body);
      const copy = await admin.post('/api/events', {
        name: 'Kopia',
        origin: { from: 'event', eventId: source.id },
      });
      assert.equal(copy.statusCode, 201, copy.body);
      const copied = shapeOf(await templatesOf(copy.json().id));
      assert.equal(copied[0]!.name, 'Omdöpt mall');
      assert.deepEqual(copied, shapeOf(await templatesOf(source.id)));
      const decisions = (await admin.get(`/api/events/${copy.json().id}/decisions`)).json();
      assert.equal(decisions.items.length, 0);
    });

    it('exports an event as a file that imports back to the same set-up', async () => {
      const file = await admin.get(`/api/events/${t.liveEventId}/setup/file`);
      assert.equal(file.statusCode, 200);
      assert.match(file.headers['content-type'] as string, /^application\/json/);
      assert.match(
        file.headers['content-disposition'] as string,
        /^attachment; filename="hog-belastning-i-akutsjukvarden\.lagesbild\.json"/,
      );
      const setup = JSON.parse(file.body);
      assert.deepEqual(setup.reportTemplates, shippedSetups.regionalReport.reportTemplates);
      const imported = await admin.post('/api/setups', { setup });
      assert.equal(imported.statusCode, 201, imported.body);
      const back = await admin.get(`/api/setups/${imported.json().id}/file`);
      assert.deepEqual(JSON.parse(back.body), setup);
    });

    it('saves an event’s set-up in the library under a name of its own', async () => {
      const saved = await admin.post(`/api/events/${t.liveEventId}/setup`, {
        name: 'Akutsjukvården, vår variant',
        description: 'Sparad från den levande händelsen.',
      });
      assert.equal(saved.statusCode, 201, saved.body);
      assert.equal(saved.json().setup.name, 'Akutsjukvården, vår variant');
      assert.equal(saved.json().description, 'Sparad från den levande händelsen.');
    });

    it('refuses a file that is not a set-up, naming the place in the file', async () => {
      const wrongFormat = await admin.post('/api/setups', {
        setup: { ...stormSetup, format: 'annat' },
      });
      assert.equal(wrongFormat.statusCode, 400);
      assert.deepEqual(wrongFormat.json().details.fields, [
        {
          field: 'setup.format',
          message: 'Filen är ingen uppsättning (format ska vara "lagesbild.event-setup").',
        },
      ]);
      const emptyTitle = structuredClone(stormSetup);
      emptyTitle.reportTemplates[0]!.sections[1]!.title = ' ';
      const refused = await admin.post('/api/setups', { setup: emptyTitle });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(refused.json().details.fields, [
        { field: 'setup.reportTemplates.0.sections.1.title', message: 'Ange en rubrik.' },
      ]);
      const duplicateKeys = structuredClone(stormSetup);
      duplicateKeys.reportTemplates[0]!.sections[1]!.key = 'lage';
      const before = (await admin.get('/api/events')).json().items.length;
      const library = (await admin.post('/api/setups', { setup: duplicateKeys })).json();
      const event = await admin.post('/api/events', {
        name: 'Ska inte finnas',
        origin: { from: 'setup', setupId: library.id },
      });
      assert.equal(event.statusCode, 400);
      assert.equal(event.json().message, 'Avsnittsnyckeln lage används mer än en gång.');
      assert.equal(
        (await admin.get('/api/events')).json().items.length,
        before,
        'no half-made event',
      );
    });

    it('answers 404 for an origin that does not exist', async () => {
      const missing = await admin.post('/api/events', {
        name: 'Från ingenting',
        origin: { from: 'setup', setupId: 999999 },
      });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().message, 'Uppsättningen finns inte.');
    });

    it('removes a set-up with its version, refusing a stale one', async () => {
      const imported = (
        await admin.post('/api/setups', { setup: { ...stormSetup, name: 'Tas bort' } })
      ).json();
      const stale = await admin.delete(
        `/api/setups/${imported.id}?version=${imported.version + 1}`,
      );
      assert.equal(stale.statusCode, 409);
      const removed = await admin.delete(`/api/setups/${imported.id}?version=${imported.version}`);
      assert.equal(removed.statusCode, 204);
      assert.equal((await admin.get(`/api/setups/${imported.id}`)).statusCode, 404);
    });

    it('keeps the library to system admins; an event admin may export their own event', async () => {
      const staff = await t.login(demoPeople.staff);
      assert.equal((await staff.get('/api/setups')).statusCode, 403);
      assert.equal((await staff.post('/api/setups', { setup: stormSetup })).statusCode, 403);
      const reader = await t.login(demoPeople.reader);
      assert.equal((await reader.get(`/api/events/${t.liveEventId}/setup/file`)).statusCode, 403);
    });
  });
}
