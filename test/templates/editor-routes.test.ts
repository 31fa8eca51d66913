import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const designerEmail = 'mallredaktor@lagesbild.local';
const designerPassword = 'Ritbord-och-blyerts-2026';

/** A key-figure section with its block parameters, and a text section under it. */
const designed = [
  {
    key: 'nyckeltal',
    title: 'Nyckeltal i vården',
    kind: 'key_figures',
    figures: {
      layout: 'matrix',
      figures: [{ key: 'vantande-akut', rule: 'latest', decimals: 0 }],
      missingMark: 'u/a',
      showReported: true,
    },
    children: [{ key: 'kommentar', title: 'Kommentar', kind: 'text', text: 'Läget är stabilt.' }],
  },
];

for (const dialect of testDialects()) {
  describe(`template editor routes on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let designer: Client;
    let staff: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      const created = await admin.post('/api/users', {
        email: designerEmail,
        name: 'Mia Mallredaktör',
        password: designerPassword,
      });
      assert.equal(created.statusCode, 201, created.body);
      const granted = await admin.post(`/api/events/${t.liveEventId}/grants`, {
        userId: created.json().id,
        role: 'designer',
      });
      assert.equal(granted.statusCode, 201, granted.body);
      designer = await t.login(designerEmail, designerPassword);
      staff = await t.login(demoPeople.staff);
    });
    after(() => t.close());

    const templatesUrl = () => `/api/events/${t.liveEventId}/templates`;

    async function counts() {
      const templates = (await admin.get(templatesUrl())).json().items.length as number;
      const reports = (await admin.get(`/api/events/${t.liveEventId}/reports`)).json()
        .total as number;
      return { templates, reports };
    }

    it('previews designed sections with the live data, as a drafted report would compile them, storing nothing', async () => {
      const before = await counts();
      const preview = await designer.post(`${templatesUrl()}/preview`, { sections: designed });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.deepEqual(await counts(), before);
      const sections = preview.json().sections as {
        key: string;
        parentKey: string | null;
        level: number;
        title: string;
        kind: string;
        text: string;
        data: { public: { type: string; rows?: string[][] }[]; internal: unknown[] };
      }[];
      assert.deepEqual(
        sections.map(({ key, parentKey, level, title, kind, text }) => [
          key,
          parentKey,
          level,
          title,
          kind,
          text,
        ]),
        [
          ['nyckeltal', null, 1, 'Nyckeltal i vården', 'key_figures', ''],
          ['kommentar', 'nyckeltal', 2, 'Kommentar', 'text', 'Läget är stabilt.'],
        ],
      );
      const [figures, comment] = sections;
      assert.deepEqual(comment!.data, { public: [], internal: [] });
      const table = figures!.data.public.find((block) => block.type === 'table') as
        { columns: { label: string }[]; rows: string[][] } | undefined;
      assert.deepEqual(
        table?.columns.map((column) => column.label),
        ['Enhet', 'Väntande patienter på akutmottagningen'],
      );
      assert.ok(table.rows.length > 0);

      const template = await designer.post(templatesUrl(), {
        name: 'Förhandsgranskad',
        sections: designed,
      });
      assert.equal(template.statusCode, 201, template.body);
      const started = await staff.post(`/api/events/${t.liveEventId}/reports`, {
        kind: 'extra',
        templateId: template.json().id,
      });
      assert.equal(started.statusCode, 201, started.body);
      const drafted = (
        await staff.get(`/api/events/${t.liveEventId}/reports/${started.json().id}`)
      ).json().sections as { key: string; data: unknown }[];
      assert.deepEqual(drafted.find((section) => section.key === 'nyckeltal')!.data, figures!.data);
    });

    it('refuses a preview with a field the contract refuses, naming the section field', async () => {
      const preview = await designer.post(`${templatesUrl()}/preview`, {
        sections: [{ ...designed[0], figures: { layout: 'matrix', comparison: 'baseline' } }],
      });
      assert.equal(preview.statusCode, 400);
      assert.equal(
        preview.json().message,
        'sections.0.figures.baselineDate: Ange vilken dag som är utgångsläge.',
      );
    });

    it('imports a template file and refuses a bad one with a message naming the problem', async () => {
      const file = {
        format: 'lagesbild-template',
        formatVersion: 1,
        name: 'Dagsrapport',
        sections: designed,
      };
      const imported = await designer.post(`${templatesUrl()}/import`, file);
      assert.equal(imported.statusCode, 201, imported.body);
      assert.equal(imported.json().name, 'Dagsrapport');
      assert.equal(imported.json().kind, 'custom');
      assert.deepEqual(
        (imported.json().sections as { key: string; children: { key: string }[] }[]).map(
          (section) => [section.key, section.children.map((child) => child.key)],
        ),
        [['nyckeltal', ['kommentar']]],
      );
      assert.equal(imported.json().sections[0].figures.layout, 'matrix');

      const wrongFormat = await designer.post(`${templatesUrl()}/import`, {
        ...file,
        format: 'word',
      });
      assert.equal(wrongFormat.statusCode, 400);
      assert.equal(wrongFormat.json().message, 'format: Filen är inte en mall från Lägesbild.');

      const untitled = await designer.post(`${templatesUrl()}/import`, {
        ...file,
        sections: [{ key: 'lage', title: ' ', kind: 'text' }],
      });
      assert.equal(untitled.statusCode, 400);
      assert.equal(untitled.json().message, 'sections.0.title: Ange en rubrik.');

      const duplicated = await designer.post(`${templatesUrl()}/import`, {
        ...file,
        sections: [...designed, { key: 'kommentar', title: 'Igen', kind: 'text' }],
      });
      assert.equal(duplicated.statusCode, 400);
      assert.equal(duplicated.json().message, 'Avsnittsnyckeln kommentar används mer än en gång.');
    });

    it('lets a designer design templates and keeps the staff from it', async () => {
      const list = (await designer.get(templatesUrl())).json().items as {
        id: number;
        name: string;
        version: number;
      }[];
      const first = list[0]!;
      const saved = await designer.request('PUT', `${templatesUrl()}/${first.id}`, {
        version: first.version,
        name: first.name,
        sections: designed,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().version, first.version + 1);
      for (const [url, body] of [
        [`${templatesUrl()}/preview`, { sections: designed }],
        [
          `${templatesUrl()}/import`,
          { format: 'lagesbild-template', formatVersion: 1, name: 'X', sections: designed },
        ],
        [templatesUrl(), { name: 'X', sections: designed }],
      ] as const) {
        assert.equal((await staff.post(url, body)).statusCode, 403, url);
      }
      const mine = (await designer.get(`/api/events/${t.liveEventId}/grants/me`)).json();
      assert.deepEqual(mine.roles, ['designer']);
      assert.deepEqual([...mine.permissions].sort(), [
        'event.read',
        'internal.read',
        'picture.read',
        'template.manage',
      ]);
    });
  });
}
