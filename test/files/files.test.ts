import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { samples } from './samples.ts';

const maxBytes = 65_536;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function send(client: Client, url: string, name: string, bytes: Buffer, internal = false) {
  return client.request('POST', url, bytes, {
    headers: { 'content-type': 'application/octet-stream' },
    query: { name, internal: String(internal) },
  });
}

for (const dialect of testDialects()) {
  describe(`files on the picture on ${dialect}`, () => {
    let t: TestApp;
    let staff: Client;
    let reader: Client;
    let events: string;

    before(async () => {
      t = await startTestApp(dialect, { FILES_MAX_BYTES: maxBytes });
      staff = await t.login(demoPeople.staff);
      reader = await t.login(demoPeople.reader);
      events = `/api/events/${t.eventId}`;
    });
    after(() => t.close());

    async function decision(internal = false): Promise<number> {
      const response = await staff.post(`${events}/decisions`, {
        decidedAt: '2024-11-14T08:00:00Z',
        forum: 'Regional särskild sjukvårdsledning',
        text: 'Reservlager av skyddsutrustning öppnas för kommunerna.',
        internal,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id;
    }

    async function stored(): Promise<{ files: number; audits: number }> {
      const files = await t.database.db
        .selectFrom('files')
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      const audits = await t.database.db
        .selectFrom('audit_records')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('entity_type', '=', 'file')
        .executeTakeFirstOrThrow();
      return { files: Number(files.count), audits: Number(audits.count) };
    }

    it('stores a file with its hash and serves it back as an attachment', async () => {
      const decisionId = await decision();
      const bytes = samples.png();
      const url = `${events}/decisions/${decisionId}/files`;
      const created = await send(staff, url, 'Lägeskarta Borås.png', bytes);
      assert.equal(created.statusCode, 201, created.body);
      const file = created.json();
      assert.equal(file.kind, 'png');
      assert.equal(file.contentType, 'image/png');
      assert.equal(file.sizeBytes, bytes.length);
      assert.equal(file.sha256, sha256(bytes));
      assert.equal(file.name, 'Lägeskarta Borås.png');
      assert.equal(file.uploadedByName, 'Elin Bergström');

      const list = await reader.get(`${events}/files?owner=decision&ownerId=${decisionId}`);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((item: { id: number }) => item.id),
        [file.id],
      );

      const download = await reader.get(`${events}/files/${file.id}/content`);
      assert.equal(download.statusCode, 200, download.body);
      assert.deepEqual(download.rawPayload, bytes);
      assert.equal(download.headers['content-type'], 'image/png');
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.equal(
        download.headers['content-disposition'],
        `attachment; filename="Lageskarta_Boras.png"; filename*=UTF-8''L%C3%A4geskarta%20Bor%C3%A5s.png`,
      );
      assert.equal(download.headers['cache-control'], 'private, no-store');
    });

    it('takes the kind from the bytes: PNG bytes named .pdf are refused', async () => {
      const before = await stored();
      const refused = await send(staff, `${events}/files`, 'rapport.pdf', samples.png());
      assert.equal(refused.statusCode, 415, refused.body);
      assert.equal(
        refused.json().message,
        'Filnamnet slutar på .pdf men innehållet är en PNG-bild. Ge filen rätt ändelse (.png) eller välj rätt fil.',
      );
      const unknown = await send(
        staff,
        `${events}/files`,
        'program.exe',
        Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
      );
      assert.equal(unknown.statusCode, 415, unknown.body);
      assert.match(unknown.json().message, /^Filtypen stöds inte\. Tillåtna filer är PDF/);
      const zip = await send(staff, `${events}/files`, 'arkiv.docx', samples.plainZip());
      assert.equal(zip.statusCode, 415, zip.body);
      const empty = await send(staff, `${events}/files`, 'tom.txt', Buffer.alloc(0));
      assert.equal(empty.statusCode, 400, empty.body);
      assert.deepEqual(await stored(), before, 'nothing stored for a refused file');
    });

    it('reads a Word file from its bytes, and takes raw bytes only', async () => {
      const bytes = await samples.docx();
      const response = await send(staff, `${events}/files`, 'Beslutsunderlag.docx', bytes);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().kind, 'docx');
      assert.equal(
        response.json().contentType,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const claimed = await staff.request('POST', `${events}/files`, bytes, {
        headers: { 'content-type': 'image/png' },
        query: { name: 'Beslutsunderlag.docx' },
      });
      assert.equal(claimed.statusCode, 415, claimed.body);
      assert.equal(
        claimed.json().message,
        'Skicka filen som application/octet-stream; vilken sorts fil det är läses ur innehållet.',
      );
    });

    it('refuses a file over the configured limit with 413 and stores nothing', async () => {
      const before = await stored();
      const response = await send(
        staff,
        `${events}/files`,
        'stor.txt',
        Buffer.alloc(maxBytes + 1, 'a'),
      );
      assert.equal(response.statusCode, 413, response.body);
      assert.equal(
        response.json().message,
        'Filen är för stor. Största tillåtna storlek är 64 kB.',
      );
      const exact = await send(staff, `${events}/files`, 'lagom.txt', Buffer.alloc(maxBytes, 'a'));
      assert.equal(exact.statusCode, 201, exact.body);
      assert.deepEqual(await stored(), { files: before.files + 1, audits: before.audits + 1 });
    });

    it('leaves nothing behind when the owner does not exist', async () => {
      const before = await stored();
      const response = await send(
        staff,
        `${events}/decisions/999999/files`,
        'a.txt',
        samples.text(),
      );
      assert.equal(response.statusCode, 404, response.body);
      assert.equal(response.json().message, 'Beslutet finns inte.');
      assert.deepEqual(await stored(), before);
    });

    it('refuses to serve a file whose bytes no longer match their hash', async () => {
      const created = await send(staff, `${events}/files`, 'protokoll.txt', samples.text());
      const id = created.json().id;
      await t.database.db
        .updateTable('files')
        .set({ content: Buffer.from('Ändrad i efterhand.\n') })
        .where('id', '=', id)
        .execute();
      const response = await staff.get(`${events}/files/${id}/content`);
      assert.equal(response.statusCode, 500, response.body);
      assert.equal(response.json().error, 'integrity_failed');
    });

    it('never shows an internal file, nor a file of an internal record, to a reader', async () => {
      const internalFile = await send(staff, `${events}/files`, 'intern.pdf', samples.pdf(), true);
      assert.equal(internalFile.statusCode, 201, internalFile.body);
      const id = internalFile.json().id;
      assert.equal((await staff.get(`${events}/files/${id}/content`)).statusCode, 200);
      assert.equal((await reader.get(`${events}/files/${id}/content`)).statusCode, 404);
      const library = (await reader.get(`${events}/files?owner=library`)).json();
      assert.ok(library.items.length > 0);
      assert.ok(library.items.every((item: { internal: boolean }) => !item.internal));
      const staffLibrary = (await staff.get(`${events}/files?owner=library`)).json();
      assert.ok(staffLibrary.items.some((item: { id: number }) => item.id === id));

      const internalDecision = await decision(true);
      const onIt = await send(
        staff,
        `${events}/decisions/${internalDecision}/files`,
        'a.txt',
        samples.text(),
      );
      assert.equal(onIt.statusCode, 201, onIt.body);
      const list = await reader.get(`${events}/files?owner=decision&ownerId=${internalDecision}`);
      assert.equal(list.statusCode, 404, list.body);
      const content = await reader.get(`${events}/files/${onIt.json().id}/content`);
      assert.equal(content.statusCode, 404, content.body);
    });

    it('lets only those who may edit the owner upload or remove', async () => {
      const decisionId = await decision();
      const url = `${events}/decisions/${decisionId}/files`;
      assert.equal((await send(reader, url, 'a.txt', samples.text())).statusCode, 403);
      const sas = await t.login(demoPeople.reporterSas);
      const units = (await staff.get('/api/units')).json().items as { id: number; code: string }[];
      const nh = units.find((unit) => unit.code === 'NH')!.id;
      const other = await send(
        sas,
        `${events}/units/${nh}/situations/2024-W30/files`,
        'a.txt',
        samples.text(),
      );
      assert.equal(other.statusCode, 403, other.body);

      const file = (await send(staff, url, 'a.txt', samples.text())).json();
      assert.equal((await reader.delete(`${url}/${file.id}`)).statusCode, 403);
      const wrongOwner = await staff.delete(`${events}/files/${file.id}`);
      assert.equal(wrongOwner.statusCode, 404, 'a decision file is not removed as a library file');
      const removed = await staff.delete(`${url}/${file.id}`);
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal((await staff.get(`${events}/files/${file.id}/content`)).statusCode, 404);
      const audit = await t.database.db
        .selectFrom('audit_records')
        .select(['action', 'before_json'])
        .where('entity_type', '=', 'file')
        .where('entity_id', '=', String(file.id))
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((row) => row.action),
        ['file.create', 'file.delete'],
      );
      assert.equal(JSON.parse(audit[1]!.before_json!).sha256, sha256(samples.text()));
    });

    it('attaches a file to a unit situation for its reporter, hidden while a draft from others', async () => {
      const sas = await t.login(demoPeople.reporterSas);
      const units = (await staff.get('/api/units')).json().items as { id: number; code: string }[];
      const sasId = units.find((unit) => unit.code === 'SÄS')!.id;
      const url = `${events}/units/${sasId}/situations/2024-W31`;
      const missing = await send(sas, `${url}/files`, 'a.txt', samples.text());
      assert.equal(missing.statusCode, 404, missing.body);
      const draft = await sas.request('PUT', url, {
        overallStatus: 'yellow',
        prognosis: 'unchanged',
        bullets: '- Ansträngt på akuten.',
      });
      assert.equal(draft.statusCode, 201, draft.body);
      const file = await send(sas, `${url}/files`, 'Bemanning.txt', samples.text());
      assert.equal(file.statusCode, 201, file.body);
      const situationId = draft.json().id;
      const listUrl = `${events}/files?owner=unit_situation&ownerId=${situationId}`;
      assert.equal((await sas.get(listUrl)).json().items.length, 1);
      assert.equal((await reader.get(listUrl)).statusCode, 404, 'a draft is its unit’s own');
    });

    it('keeps the attachments of a struck log entry as they were', async () => {
      const entry = await staff.post(`${events}/log`, {
        occurredAt: '2024-11-14T09:15:00Z',
        text: 'Fel enhet angiven i rapporten från Alingsås.',
      });
      const url = `${events}/log/${entry.json().id}/files`;
      const file = (await send(staff, url, 'rapport.txt', samples.text())).json();
      const struck = await staff.post(`${events}/log/${entry.json().id}/strike`, {
        version: entry.json().version,
        reason: 'Skrevs på fel händelse.',
      });
      assert.equal(struck.statusCode, 200, struck.body);
      const added = await send(staff, url, 'till.txt', samples.text());
      assert.equal(added.statusCode, 409, added.body);
      assert.equal(added.json().message, 'Anteckningen är struken; dess bilagor kan inte ändras.');
      assert.equal((await staff.delete(`${url}/${file.id}`)).statusCode, 409);
      assert.equal((await staff.get(`${events}/files/${file.id}/content`)).statusCode, 200);
    });

    it('hides the event from a user without access to it', async () => {
      const admin = await t.login(adminEmail);
      const created = await admin.post('/api/users', {
        email: 'utomstaende@lagesbild.local',
        name: 'Utomstående',
        password: 'Ett-långt-lösenord-för-testet',
      });
      assert.equal(created.statusCode, 201, created.body);
      const outsider = await t.login(
        'utomstaende@lagesbild.local',
        'Ett-långt-lösenord-för-testet',
      );
      const file = (await send(staff, `${events}/files`, 'b.txt', samples.text())).json();
      const response = await outsider.get(`${events}/files/${file.id}/content`);
      assert.equal(response.statusCode, 404);
      assert.equal(response.json().message, 'Händelsen finns inte.');
    });
  });
}
