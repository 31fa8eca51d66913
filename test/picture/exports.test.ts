import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { startRecordsApp } from '../support/records.ts';

/** A downloaded export: its rows (header first) after checking the file's envelope. */
async function download(client: Client, url: string, filename: string): Promise<string[][]> {
  const response = await client.get(url);
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
  const disposition = String(response.headers['content-disposition']);
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
    new Date(),
  );
  const ascii = `${filename}-${today}.csv`.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  assert.equal(
    disposition,
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${filename}-${today}.csv`)}`,
  );
  const body = response.rawPayload;
  assert.deepEqual([...body.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  assert.match(body.toString('utf8'), /\r\n$/);
  return parse(body, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
}

function rowOf(rows: string[][], id: number): string[] {
  const row = rows.find((candidate) => candidate[0] === String(id));
  assert.ok(row, `row ${id} in ${JSON.stringify(rows.slice(0, 3))}`);
  return row;
}

function ids(rows: string[][]): string[] {
  return rows.slice(1).map((row) => row[0]!);
}

for (const dialect of testDialects()) {
  describe(`CSV exports on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let base: string;

    before(async () => {
      ({ t, staff, reader, url: base } = await startRecordsApp(dialect));
    });
    after(() => t.close());

    async function create(path: string, body: Record<string, unknown>) {
      const response = await staff.post(`${base}/${path}`, body);
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: number };
    }

    it('exports the log with the list filters, Stockholm times and no internal rows for readers', async () => {
      const shown = await create('log', {
        occurredAt: '2024-11-14T07:05:00Z',
        text: 'Kvällens driftstopp i journalsystemet är avslutat.',
        source: 'IT-jouren',
        significant: true,
      });
      const hidden = await create('log', {
        occurredAt: '2024-11-14T07:10:00Z',
        text: 'Leverantören misstänker fel i en databasuppdatering.',
        internal: true,
      });
      const url = `${base}/log.csv?from=2024-11-14T07:00:00Z&to=2024-11-14T08:00:00Z&order=asc`;
      const rows = await download(staff, url, 'loggbok');
      assert.deepEqual(rows[0], [
        'Nr',
        'Tidpunkt',
        'Anteckning',
        'Källa',
        'Väsentlig',
        'Intern',
        'Struken',
        'Skäl för strykning',
        'Registrerad',
      ]);
      assert.deepEqual(ids(rows), [String(shown.id), String(hidden.id)]);
      assert.deepEqual(rowOf(rows, shown.id).slice(0, 8), [
        String(shown.id),
        '2024-11-14 08:05',
        'Kvällens driftstopp i journalsystemet är avslutat.',
        'IT-jouren',
        'Ja',
        'Nej',
        '',
        '',
      ]);
      assert.equal(rowOf(rows, hidden.id)[5], 'Ja');
      assert.deepEqual(ids(await download(reader, url, 'loggbok')), [String(shown.id)]);
      const significant = await download(staff, `${url}&significant=true`, 'loggbok');
      assert.deepEqual(ids(significant), [String(shown.id)]);
    });

    it('exports decisions with their times in Stockholm and linked diversions', async () => {
      const decision = await create('decisions', {
        decidedAt: '2024-11-15T12:30:00Z',
        forum: 'Regional särskild sjukvårdsledning',
        mandate: 'Delegation från regiondirektören',
        text: 'Planerade operationer på SÄS skjuts upp en vecka.',
        rationale: 'Personalen behövs i journalstödet.',
        effectiveFrom: '2024-11-16T00:00:00Z',
      });
      const hidden = await create('decisions', {
        decidedAt: '2024-11-15T13:00:00Z',
        forum: 'Regional särskild sjukvårdsledning',
        text: 'Förhandling med leverantören om vite inleds.',
        internal: true,
      });
      const url = `${base}/decisions.csv?forum=${encodeURIComponent('Regional särskild sjukvårdsledning')}&order=asc`;
      const rows = await download(staff, url, 'beslut');
      assert.deepEqual(rows[0], [
        'Nr',
        'Beslutat',
        'Forum',
        'Mandat',
        'Beslut',
        'Motivering',
        'Gäller från',
        'Gäller till',
        'Omstyrningar',
        'Intern',
      ]);
      assert.deepEqual(rowOf(rows, decision.id), [
        String(decision.id),
        '2024-11-15 13:30',
        'Regional särskild sjukvårdsledning',
        'Delegation från regiondirektören',
        'Planerade operationer på SÄS skjuts upp en vecka.',
        'Personalen behövs i journalstödet.',
        '2024-11-16 01:00',
        '',
        '',
        'Nej',
      ]);
      assert.ok(ids(rows).includes(String(hidden.id)));
      assert.ok(!ids(await download(reader, url, 'beslut')).includes(String(hidden.id)));
    });

    it('exports actions with owner unit, state and overdue flag', async () => {
      const units = (await staff.get('/api/units')).json().items as { id: number; name: string }[];
      const unit = units[0]!;
      const action = await create('actions', {
        text: 'Ta fram en lathund för läkemedelsordination i nya journalen.',
        ownerName: 'Maja Lindqvist',
        ownerUnitId: unit.id,
        dueAt: '2024-11-18T15:00:00Z',
        state: 'in_progress',
      });
      const hidden = await create('actions', {
        text: 'Sammanställ underlag till avtalsjuristen.',
        ownerName: 'Maja Lindqvist',
        internal: true,
      });
      const rows = await download(staff, `${base}/actions.csv`, 'åtgärder');
      assert.deepEqual(rows[0], [
        'Nr',
        'Åtgärd',
        'Ansvarig',
        'Ansvarig enhet',
        'Klar senast',
        'Läge',
        'Försenad',
        'Följer av beslut nr',
        'Intern',
      ]);
      assert.deepEqual(rowOf(rows, action.id), [
        String(action.id),
        'Ta fram en lathund för läkemedelsordination i nya journalen.',
        'Maja Lindqvist',
        unit.name,
        '2024-11-18 16:00',
        'Pågår',
        'Ja',
        '',
        'Nej',
      ]);
      assert.ok(ids(rows).includes(String(hidden.id)));
      const readerRows = await download(reader, `${base}/actions.csv`, 'åtgärder');
      assert.ok(!ids(readerRows).includes(String(hidden.id)));
      assert.ok(readerRows.slice(1).every((row) => row[8] === 'Nej'));
    });

    it('exports risks with score and owner', async () => {
      const risk = await create('risks', {
        title: 'Fördröjda provsvar',
        description: 'Labbsvar når inte journalen.',
        likelihood: 3,
        consequence: 4,
        mitigation: 'Manuell rutin för svar per telefon.',
        owner: 'Johan Ek',
      });
      const hidden = await create('risks', {
        title: 'Läckage av testdata',
        likelihood: 1,
        consequence: 4,
        internal: true,
      });
      const rows = await download(staff, `${base}/risks.csv`, 'risker');
      assert.deepEqual(rows[0], [
        'Nr',
        'Risk',
        'Beskrivning',
        'Sannolikhet',
        'Konsekvens',
        'Riskvärde',
        'Utveckling',
        'Åtgärder',
        'Ägare',
        'Senast bedömd',
        'Intern',
      ]);
      assert.deepEqual(rowOf(rows, risk.id).slice(0, 9), [
        String(risk.id),
        'Fördröjda provsvar',
        'Labbsvar når inte journalen.',
        '3',
        '4',
        '12',
        '',
        'Manuell rutin för svar per telefon.',
        'Johan Ek',
      ]);
      assert.ok(ids(rows).includes(String(hidden.id)));
      assert.ok(
        !ids(await download(reader, `${base}/risks.csv`, 'risker')).includes(String(hidden.id)),
      );
    });

    it('exports one key figure’s observations in a period, decimals with a comma', async () => {
      const figure = await create('figures', {
        key: 'vantande-remisser',
        name: 'Väntande remisser',
        unitOfMeasure: 'st',
      });
      const path = `figures/${figure.id}/observations`;
      const shown = await create(path, { value: 12.5, observedAt: '2024-11-20T09:00:00Z' });
      const hidden = await create(path, {
        value: 14,
        observedAt: '2024-11-20T10:00:00Z',
        internal: true,
      });
      await create(path, { value: 3, observedAt: '2024-11-28T10:00:00Z' });
      const url = `${base}/${path}.csv?period=2024-W47&order=asc`;
      const rows = await download(staff, url, 'nyckeltal-vantande-remisser');
      assert.deepEqual(rows, [
        ['Nr', 'Nyckeltal', 'Tidpunkt', 'Värde', 'Måttenhet', 'Enhet', 'Vårdinrättning', 'Intern'],
        [String(shown.id), 'Väntande remisser', '2024-11-20 10:00', '12,5', 'st', '', '', 'Nej'],
        [String(hidden.id), 'Väntande remisser', '2024-11-20 11:00', '14', 'st', '', '', 'Ja'],
      ]);
      assert.deepEqual(ids(await download(reader, url, 'nyckeltal-vantande-remisser')), [
        String(shown.id),
      ]);
      const missing = await staff.get(`${base}/figures/999999/observations.csv`);
      assert.equal(missing.statusCode, 404);
    });

    it('exports diversions with facility names and flows', async () => {
      const facilities = (await staff.get('/api/facilities')).json().items as {
        id: number;
        code: string;
        name: string;
      }[];
      const facility = facilities.find((candidate) => candidate.code === 'SÄS-AKM-SKENE')!;
      const diversion = await create('diversions', {
        facilityId: facility.id,
        categories: ['ambulance', 'walk_in'],
        redirectedTo: 'Akutmottagningen Borås',
        startsAt: '2024-12-10T07:00:00Z',
        endsAt: '2024-12-10T19:00:00Z',
        note: 'Skene har reservrutin för journalen.',
      });
      const hidden = await create('diversions', {
        facilityId: facility.id,
        categories: ['secondary_transport'],
        redirectedTo: 'NÄL',
        startsAt: '2024-12-10T07:00:00Z',
        endsAt: '2024-12-10T19:00:00Z',
        internal: true,
      });
      const url = `${base}/diversions.csv?period=2024-12-10&facilityId=${facility.id}`;
      const rows = await download(staff, url, 'omstyrningar');
      assert.deepEqual(rows[0], [
        'Nr',
        'Akutmottagning',
        'Flöden som styrs om',
        'Hänvisas till',
        'Från',
        'Till',
        'Följer av beslut nr',
        'Anteckning',
        'Intern',
      ]);
      assert.deepEqual(rowOf(rows, diversion.id), [
        String(diversion.id),
        facility.name,
        'Gående, Ambulans',
        'Akutmottagningen Borås',
        '2024-12-10 08:00',
        '2024-12-10 20:00',
        '',
        'Skene har reservrutin för journalen.',
        'Nej',
      ]);
      assert.ok(ids(rows).includes(String(hidden.id)));
      const readerIds = ids(await download(reader, url, 'omstyrningar'));
      assert.ok(readerIds.includes(String(diversion.id)));
      assert.ok(!readerIds.includes(String(hidden.id)));
    });
  });
}
