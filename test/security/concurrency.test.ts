// Optimistic concurrency under load: 20 clients each make 50 conditional edits of the same report
// section. Accepted edits = final version − initial version; every refused edit got 409; every
// accepted text is in the audit history.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { reportUrl, startDraft } from './support.ts';

const clientCount = 20;
const editsPerClient = 50;

for (const dialect of testDialects()) {
  describe(`concurrent section edits on ${dialect}`, () => {
    let t: TestApp;
    let clients: Client[];
    before(async () => {
      t = await startTestApp(dialect);
      // Four sessions (two staff members), shared by the 20 clients: signing in is slow by design.
      const sessions = await Promise.all(
        [demoPeople.staff, 'oskar.nyberg@lagesbild.local', demoPeople.staff, adminEmail].map(
          (email) => t.login(email),
        ),
      );
      clients = Array.from({ length: clientCount }, (_, index) => {
        const session = sessions[index % sessions.length]!;
        return new Client(t.app, session.cookie, session.csrfToken);
      });
    });
    after(() => t.close());

    it(`${clientCount} clients × ${editsPerClient} conditional edits lose nothing`, async () => {
      const draft = await startDraft(t, clients[0]!);
      const section = draft.sections.find((candidate) => candidate.kind === 'text')!;
      const url = `${reportUrl(t, draft.id)}/sections/${section.id}`;
      const initial = section.version;
      const accepted: string[] = [];
      const unexpected: string[] = [];
      let conflicts = 0;

      await Promise.all(
        clients.map(async (client, clientIndex) => {
          let known = initial;
          for (let edit = 0; edit < editsPerClient; edit++) {
            const text = `Klient ${clientIndex}, ändring ${edit}: läget <b>oförändrat</b>.`;
            const response = await client.request('PUT', url, { version: known, text });
            if (response.statusCode === 200) {
              accepted.push(text);
              assert.equal(response.json().text, text);
              known = response.json().version;
            } else if (response.statusCode === 409) {
              conflicts += 1;
              const current = response.json().details.current;
              assert.ok(
                current.version > known,
                `409 shows version ${current.version}, not newer than ${known}`,
              );
              known = current.version;
            } else {
              unexpected.push(`${response.statusCode} ${response.body.slice(0, 200)}`);
            }
          }
        }),
      );

      assert.deepEqual(unexpected, [], 'every refused edit got 409');
      assert.equal(accepted.length + conflicts, clientCount * editsPerClient);
      const final = (await clients[0]!.get(reportUrl(t, draft.id))).json();
      const stored = final.sections.find(
        (candidate: { id: number }) => candidate.id === section.id,
      );
      assert.equal(accepted.length, stored.version - initial, 'accepted = final − initial version');
      assert.ok(accepted.includes(stored.text), 'the stored text is one that was accepted');

      const history = await t.database.db
        .selectFrom('audit_records')
        .select(['after_json'])
        .where('action', '=', 'report.section_save')
        .where('entity_id', '=', String(section.id))
        .execute();
      const audited = history.map(
        (row) => (JSON.parse(row.after_json ?? '{}') as { text: string }).text,
      );
      assert.equal(audited.length, accepted.length, 'one audit record per accepted edit');
      const missing = accepted.filter((text) => !audited.includes(text));
      assert.deepEqual(missing, [], 'accepted texts missing from the history');
      assert.ok(accepted.length >= editsPerClient, `progress: ${accepted.length} accepted`);
    });
  });
}
