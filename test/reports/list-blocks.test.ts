import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { createRecord } from '../support/records.ts';
import { testDialects } from '../support/databases.ts';

const zone = 'Europe/Stockholm';
const hour = 60 * 60 * 1000;
const day = 24 * hour;

/** "5/11 kl. 14:00" (or "5/11") in Stockholm time, worked out independently of the server. */
function local(instant: string, withTime = true): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone,
      day: 'numeric',
      month: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const date = `${Number(parts.day)}/${Number(parts.month)}`;
  return withTime ? `${date} kl. ${parts.hour}:${parts.minute}` : date;
}

/** The local calendar date, "2026-12-05". */
function localDate(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: zone }).format(instant);
}

interface Block {
  type: string;
  caption?: string;
  columns?: { label: string; align: string }[];
  rows?: string[][];
  items?: string[];
}

interface Data {
  internal: Block[];
  public: Block[];
}

const table = (caption: string, labels: string[], rows: string[][], align?: string[]) => ({
  type: 'table',
  caption,
  columns: labels.map((label, index) => ({ label, align: align?.[index] ?? 'left' })),
  rows,
});
const bullets = (items: string[]) => ({ type: 'bullets', items });

for (const dialect of testDialects()) {
  describe(`configurable list blocks on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    let eventId: number;
    let eventName: string;
    const now = Date.now();
    const nextYear = new Date(now).getUTCFullYear() + 1;
    const at = (offset: number) => new Date(now + offset).toISOString();
    const times = {
      decision1: at(-5 * day),
      decision2: at(-3 * day),
      decision3: at(-1 * day),
      due: at(2 * day),
      diversion1Start: at(-4 * day),
      diversion1End: at(-2 * day),
      diversion2Start: at(-1 * day),
      log1: at(-2 * day),
      log2: at(-1 * day),
      log3: at(-3 * hour),
      log4: at(-2 * hour),
      eventReadiness: at(-20 * hour),
      unitReadiness: at(-10 * hour),
    };
    const url = (path: string) => `/api/events/${eventId}/${path}`;
    let facilityName: string;
    let unitA: { id: number; name: string };
    let unitB: { id: number; name: string };

    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
      eventName = `Listprov ${dialect}`;
      const event = await createRecord<{ id: number }>(admin, '/api/events', {
        name: eventName,
        activatedAt: at(-6 * day),
      });
      eventId = event.id;
      await addUnitsAndReadiness();
      await addRecords();
    });
    after(() => t.close());

    async function addUnitsAndReadiness() {
      const units = (await admin.get('/api/units')).json().items as {
        id: number;
        name: string;
      }[];
      [unitA, unitB] = [units[0]!, units[1]!];
      // The event lists B before A: the block follows the event's order, not the ids.
      const list = (await admin.get(url('units'))).json();
      const replaced = await admin.request('PUT', url('units'), {
        version: list.version,
        unitlessLabel: list.unitlessLabel,
        units: [unitB, unitA].map((unit) => ({ unitId: unit.id, parentUnitId: null })),
      });
      assert.equal(replaced.statusCode, 200, replaced.body);
      const readiness = (await admin.get(url('readiness'))).json();
      await createRecord(admin, url('readiness'), {
        version: readiness.event.version,
        level: 'stabsläge',
        reason: 'Många larm',
        changedAt: times.eventReadiness,
      });
      await createRecord(admin, url(`units/${unitB.id}/readiness`), {
        version: 0,
        level: 'förstärkningsläge',
        reason: 'Brist på personal',
        changedAt: times.unitReadiness,
        internal: true,
      });
    }

    async function addRecords() {
      const decisions = [
        [times.decision1, 'Stab', 'Öppna reservlokalen', 'Stabschef', false],
        [times.decision2, 'Ledning', 'Förstärk bemanningen', 'Regional ledning', true],
        [times.decision3, 'Stab', 'Stäng reservlokalen', 'Stabschef', false],
      ] as const;
      for (const [decidedAt, forum, text, mandate, internal] of decisions) {
        await createRecord(admin, url('decisions'), { decidedAt, forum, text, mandate, internal });
      }
      await createRecord(admin, url('actions'), {
        text: 'Ordna tolk',
        ownerName: 'Elin',
        dueAt: times.due,
      });
      await createRecord(admin, url('actions'), {
        text: 'Beställ reservkraft',
        ownerName: 'Oskar',
        state: 'done',
      });
      await createRecord(admin, url('actions'), {
        text: 'Informera 1177',
        ownerUnitId: unitA.id,
        state: 'in_progress',
        internal: true,
      });
      await createRecord(admin, url('risks'), {
        title: 'Elavbrott',
        likelihood: 2,
        consequence: 2,
      });
      await createRecord(admin, url('risks'), {
        title: 'Personalbrist',
        likelihood: 3,
        consequence: 4,
      });
      const facility = (await admin.get('/api/facilities')).json().items[0] as {
        id: number;
        name: string;
      };
      facilityName = facility.name;
      await createRecord(admin, url('diversions'), {
        facilityId: facility.id,
        categories: ['ambulance'],
        redirectedTo: 'Norra sjukhuset',
        startsAt: times.diversion1Start,
        endsAt: times.diversion1End,
      });
      await createRecord(admin, url('diversions'), {
        facilityId: facility.id,
        categories: ['walk_in', 'ambulance'],
        redirectedTo: 'Södra sjukhuset',
        startsAt: times.diversion2Start,
      });
      for (const [daysAgo, title, link] of [
        [2, 'Nytt om reservlokalen', null],
        [1, 'Frågor och svar', 'https://example.org/fragor'],
      ] as const) {
        await createRecord(admin, url('communication/activities'), {
          occurredOn: localDate(new Date(now - daysAgo * day)),
          channels: ['intranet', '1177'],
          audience: 'both',
          title,
          link,
        });
      }
      await createRecord(admin, url('milestones'), {
        title: 'Reservlokalen klar',
        plannedOn: `${nextYear}-01-15`,
      });
      await createRecord(admin, url('milestones'), {
        title: 'Utvärdering',
        plannedOn: `${nextYear}-03-01`,
        internal: true,
      });
      const log = [
        [times.log1, 'Larm från akuten', true, false],
        [times.log2, 'Telefonmöte med kommunen', false, true],
        [times.log3, 'Lägesrapport mottagen', true, false],
      ] as const;
      for (const [occurredAt, text, significant, internal] of log) {
        await createRecord(admin, url('log'), { occurredAt, text, significant, internal });
      }
      const mistaken = await createRecord<{ id: number; version: number }>(admin, url('log'), {
        occurredAt: times.log4,
        text: 'Felaktig anteckning',
        significant: true,
      });
      const struck = await admin.post(url(`log/${mistaken.id}/strike`), {
        version: mistaken.version,
        reason: 'Fel händelse',
      });
      assert.equal(struck.statusCode, 200, struck.body);
    }

    /** Starts a report from a template of these sections and answers each section's data by key. */
    async function compile(sections: object[]): Promise<Record<string, Data>> {
      const template = await admin.post(url('templates'), { name: 'Listor', sections });
      assert.equal(template.statusCode, 201, template.body);
      const started = await admin.post(url('reports'), {
        kind: 'extra',
        templateId: template.json().id,
      });
      assert.equal(started.statusCode, 201, started.body);
      const report = (await admin.get(url(`reports/${started.json().id}`))).json();
      return Object.fromEntries(
        (report.sections as { key: string; data: Data }[]).map((section) => [
          section.key,
          section.data,
        ]),
      );
    }

    it('draws each list as before when the template sets no parameters', async () => {
      const data = await compile([
        { key: 'beslut', title: 'Beslut', kind: 'decisions' },
        { key: 'atgarder', title: 'Åtgärder', kind: 'actions' },
        { key: 'risker', title: 'Risker', kind: 'risks' },
        { key: 'hanvisningar', title: 'Hänvisningar', kind: 'diversions' },
        { key: 'kommunikation', title: 'Kommunikation', kind: 'communication' },
      ]);
      const decisionLines = [
        `${local(times.decision1, false)} Stab: Öppna reservlokalen`,
        `${local(times.decision2, false)} Ledning: Förstärk bemanningen`,
        `${local(times.decision3, false)} Stab: Stäng reservlokalen`,
      ];
      assert.deepEqual(data.beslut, {
        internal: [bullets(decisionLines)],
        public: [bullets([decisionLines[0]!, decisionLines[2]!])],
      });
      const actionLabels = ['Åtgärd', 'Ansvarig', 'Klart senast', 'Status'];
      const actionRows = [
        ['Ordna tolk', 'Elin', local(times.due), 'Öppen'],
        ['Beställ reservkraft', 'Oskar', '', 'Klar ✓'],
        ['Informera 1177', unitA.name, '', 'Pågår'],
      ];
      assert.deepEqual(data.atgarder, {
        internal: [table('Åtgärder', actionLabels, actionRows)],
        public: [table('Åtgärder', actionLabels, actionRows.slice(0, 2))],
      });
      const riskTable = table(
        'Risk- och konsekvensbedömningar (sannolikhet × konsekvens, 1–4)',
        ['Risk', 'Sannolikhet', 'Konsekvens', 'Riskvärde', 'Trend'],
        [
          ['Personalbrist', '3', '4', '12', 'Ny'],
          ['Elavbrott', '2', '2', '4', 'Ny'],
        ],
        ['left', 'right', 'right', 'right', 'left'],
      );
      assert.deepEqual(data.risker, { internal: [riskTable], public: [riskTable] });
      const diversionLines = bullets([
        `${facilityName}: Ambulanser hänvisas till Norra sjukhuset från ${local(times.diversion1Start)} till ${local(times.diversion1End)} (avslutad).`,
        `${facilityName}: Gående patienter och ambulanser hänvisas till Södra sjukhuset sedan ${local(times.diversion2Start)} (pågår).`,
      ]);
      assert.deepEqual(data.hanvisningar, { internal: [diversionLines], public: [diversionLines] });
      const activityLines = bullets([
        `${local(at(-1 * day), false)} Intranätet, 1177.se: [Frågor och svar](https://example.org/fragor)`,
        `${local(at(-2 * day), false)} Intranätet, 1177.se: Nytt om reservlokalen`,
      ]);
      assert.deepEqual(data.kommunikation, {
        internal: [activityLines],
        public: [activityLines],
      });
    });

    it('chooses, orders and filters the columns of each list', async () => {
      const data = await compile([
        {
          key: 'beslut',
          title: 'Beslut',
          kind: 'decisions',
          list: { columns: ['text', 'date', 'decided_by'], limit: 2 },
        },
        {
          key: 'atgarder',
          title: 'Åtgärder',
          kind: 'actions',
          list: { columns: ['state', 'text'], openOnly: true },
        },
        { key: 'risker', title: 'Risker', kind: 'risks', list: { minRiskScore: 6 } },
        {
          key: 'hanvisningar',
          title: 'Hänvisningar',
          kind: 'diversions',
          list: { openOnly: true },
        },
        {
          key: 'hanvisningstabell',
          title: 'Hänvisningar i tabell',
          kind: 'diversions',
          list: { columns: ['redirected_to', 'place'] },
        },
        {
          key: 'kommunikation',
          title: 'Kommunikation',
          kind: 'communication',
          list: { columns: ['title', 'channels'], limit: 1 },
        },
      ]);
      assert.deepEqual(data.beslut, {
        internal: [
          table(
            'Beslut',
            ['Beslut', 'Datum', 'Beslutat av'],
            [
              ['Förstärk bemanningen', local(times.decision2, false), 'Regional ledning'],
              ['Stäng reservlokalen', local(times.decision3, false), 'Stabschef'],
            ],
          ),
        ],
        public: [
          table(
            'Beslut',
            ['Beslut', 'Datum', 'Beslutat av'],
            [
              ['Öppna reservlokalen', local(times.decision1, false), 'Stabschef'],
              ['Stäng reservlokalen', local(times.decision3, false), 'Stabschef'],
            ],
          ),
        ],
      });
      assert.deepEqual(data.atgarder, {
        internal: [
          table(
            'Åtgärder',
            ['Status', 'Åtgärd'],
            [
              ['Öppen', 'Ordna tolk'],
              ['Pågår', 'Informera 1177'],
            ],
          ),
        ],
        public: [table('Åtgärder', ['Status', 'Åtgärd'], [['Öppen', 'Ordna tolk']])],
      });
      const riskTable = table(
        'Risk- och konsekvensbedömningar (sannolikhet × konsekvens, 1–4)',
        ['Risk', 'Sannolikhet', 'Konsekvens', 'Riskvärde', 'Trend'],
        [['Personalbrist', '3', '4', '12', 'Ny']],
        ['left', 'right', 'right', 'right', 'left'],
      );
      assert.deepEqual(data.risker, { internal: [riskTable], public: [riskTable] });
      const ongoing = bullets([
        `${facilityName}: Gående patienter och ambulanser hänvisas till Södra sjukhuset sedan ${local(times.diversion2Start)} (pågår).`,
      ]);
      assert.deepEqual(data.hanvisningar, { internal: [ongoing], public: [ongoing] });
      const diversionTable = table(
        'Hänvisningar',
        ['Hänvisas till', 'Akutmottagning'],
        [
          ['Norra sjukhuset', facilityName],
          ['Södra sjukhuset', facilityName],
        ],
      );
      assert.deepEqual(data.hanvisningstabell, {
        internal: [diversionTable],
        public: [diversionTable],
      });
      const activities = table(
        'Kommunikation',
        ['Rubrik', 'Kanaler'],
        [['Frågor och svar', 'Intranätet, 1177.se']],
      );
      assert.deepEqual(data.kommunikation, { internal: [activities], public: [activities] });
    });

    it('chooses the columns of the milestone table and how many rows it shows', async () => {
      const data = await compile([
        { key: 'plan', title: 'Plan', kind: 'milestones' },
        {
          key: 'narmast',
          title: 'Närmast',
          kind: 'milestones',
          list: { columns: ['date', 'name'], limit: 1 },
        },
      ]);
      const unchanged = {
        type: 'markdown',
        markdown: 'Inga milstolpar har flyttats eller nåtts sedan förra rapporten.',
      };
      const rows = [
        ['Reservlokalen klar', `15 januari ${nextYear}`, 'Kommande'],
        ['Utvärdering', `1 mars ${nextYear}`, 'Kommande'],
      ];
      const labels = ['Milstolpe', 'Datum', 'Status'];
      assert.deepEqual(data.plan, {
        internal: [table('Milstolpar', labels, rows), unchanged],
        public: [table('Milstolpar', labels, [rows[0]!]), unchanged],
      });
      const first = table(
        'Milstolpar',
        ['Datum', 'Milstolpe'],
        [[`15 januari ${nextYear}`, 'Reservlokalen klar']],
      );
      assert.deepEqual(data.narmast, { internal: [first, unchanged], public: [first, unchanged] });
    });

    it('shows the log of the report’s window, internal entries only internally, struck ones never', async () => {
      const data = await compile([
        { key: 'logg', title: 'Logg', kind: 'log' },
        {
          key: 'viktigt',
          title: 'Viktiga händelser',
          kind: 'text',
          includes: ['log'],
          list: { columns: ['text', 'time'], significantOnly: true, limit: 1 },
        },
      ]);
      const labels = ['Tid', 'Händelse', 'Skriven av'];
      const rows = [
        [local(times.log1), 'Larm från akuten', 'Administratör'],
        [local(times.log2), 'Telefonmöte med kommunen', 'Administratör'],
        [local(times.log3), 'Lägesrapport mottagen', 'Administratör'],
      ];
      assert.deepEqual(data.logg, {
        internal: [table('Logg', labels, rows)],
        public: [table('Logg', labels, [rows[0]!, rows[2]!])],
      });
      const newestSignificant = table(
        'Logg',
        ['Händelse', 'Tid'],
        [['Lägesrapport mottagen', local(times.log3)]],
      );
      assert.deepEqual(data.viktigt, {
        internal: [newestSignificant],
        public: [newestSignificant],
      });
    });

    it('shows the readiness level of the event and its units in the event’s order', async () => {
      const data = await compile([
        { key: 'beredskap', title: 'Beredskap', kind: 'readiness' },
        {
          key: 'nivaer',
          title: 'Nivåer',
          kind: 'readiness',
          list: { columns: ['level', 'unit'], limit: 2 },
        },
      ]);
      const labels = ['Enhet', 'Nivå', 'Sedan', 'Skäl'];
      const eventRow = [eventName, 'Stabsläge', local(times.eventReadiness), 'Många larm'];
      assert.deepEqual(data.beredskap, {
        internal: [
          table('Beredskapsläge', labels, [
            eventRow,
            [unitB.name, 'Förstärkningsläge', local(times.unitReadiness), 'Brist på personal'],
            [unitA.name, 'Normalläge', '', ''],
          ]),
        ],
        public: [
          table('Beredskapsläge', labels, [
            eventRow,
            [unitB.name, 'Normalläge', '', ''],
            [unitA.name, 'Normalläge', '', ''],
          ]),
        ],
      });
      assert.deepEqual(data.nivaer!.internal, [
        table(
          'Beredskapsläge',
          ['Nivå', 'Enhet'],
          [
            ['Stabsläge', eventName],
            ['Förstärkningsläge', unitB.name],
          ],
        ),
      ]);
    });

    it('refuses a template whose list names a column its kind does not have', async () => {
      const created = await admin.post(url('templates'), {
        name: 'Fel kolumn',
        sections: [
          { key: 'beslut', title: 'Beslut', kind: 'decisions', list: { columns: ['owner'] } },
        ],
      });
      assert.equal(created.statusCode, 400);
      assert.equal(
        created.json().message,
        'Avsnittet ”Beslut” har kolumnen owner, som inte finns i besluten (välj bland date, forum, text, decided_by).',
      );
      const template = await createRecord<{ id: number; version: number }>(
        admin,
        url('templates'),
        { name: 'Rätt kolumn', sections: [{ key: 'text', title: 'Läget', kind: 'text' }] },
      );
      const changed = await admin.request('PUT', url(`templates/${template.id}`), {
        version: template.version,
        name: 'Rätt kolumn',
        sections: [
          {
            key: 'text',
            title: 'Läget',
            kind: 'text',
            includes: ['decisions', 'actions'],
            list: { columns: ['text', 'date'] },
          },
        ],
      });
      assert.equal(changed.statusCode, 400);
      assert.equal(
        changed.json().message,
        'Avsnittet ”Läget” har kolumnen date, som inte finns i åtgärderna (välj bland text, owner, due, state).',
      );
      assert.deepEqual(changed.json().details, { field: 'sections' });
    });
  });
}
