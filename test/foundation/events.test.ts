import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`events, units and grants on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    it('creates an exercise and lists active events before closed ones', async () => {
      const created = await admin.post('/api/events', {
        name: 'Övning Storm',
        isExercise: true,
        periodGranularity: 'day',
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().isExercise, true);
      assert.equal(created.json().periodGranularity, 'day');
      const closed = await admin.post(`/api/events/${created.json().id}/close`, {
        version: created.json().version,
        override: true,
        reason: 'Övningen är slut.',
      });
      assert.equal(closed.statusCode, 200);
      const names = (await admin.get('/api/events'))
        .json()
        .items.map((event: { state: string }) => event.state);
      assert.deepEqual(names, [...names].sort(), 'active before closed');
    });

    it('refuses a stale update with 409 and keeps the stored value', async () => {
      const event = (await admin.get(`/api/events/${t.eventId}`)).json();
      const first = await admin.patch(`/api/events/${t.eventId}`, {
        version: event.version,
        description: 'Första',
      });
      assert.equal(first.statusCode, 200);
      const stale = await admin.patch(`/api/events/${t.eventId}`, {
        version: event.version,
        description: 'Andra',
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error, 'conflict');
      assert.equal(stale.json().details.current.description, 'Första');
      assert.equal((await admin.get(`/api/events/${t.eventId}`)).json().description, 'Första');
    });

    it('makes a closed event read-only', async () => {
      const created = (
        await admin.post('/api/events', {
          name: 'Avslutas snart',
          activatedAt: '2024-11-01T08:00:00Z',
        })
      ).json();
      await admin.post(`/api/events/${created.id}/close`, {
        version: created.version,
        closedAt: '2024-11-26T12:00:00+01:00',
        override: true,
        reason: 'Testhändelsen behöver ingen slutrapport.',
      });
      const reopened = await admin.patch(`/api/events/${created.id}`, {
        version: created.version + 1,
        name: 'Nytt namn',
      });
      assert.equal(reopened.statusCode, 409);
      assert.equal(reopened.json().error, 'event_closed');
      const read = (await admin.get(`/api/events/${created.id}`)).json();
      assert.equal(read.state, 'closed');
      assert.equal(read.closedAt, '2024-11-26T11:00:00.000Z');
    });

    it('names the field in validation errors and rejects unknown fields', async () => {
      const empty = await admin.post('/api/events', { name: '   ' });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().details.fields[0].field, 'name');
      const unknown = await admin.post('/api/events', { name: 'X', owner: 'någon' });
      assert.equal(unknown.statusCode, 400);
      const beforeActivation = await admin.post('/api/events', {
        name: 'Tidig',
        activatedAt: '2024-11-01T08:00:00Z',
      });
      const closedEarly = await admin.post(`/api/events/${beforeActivation.json().id}/close`, {
        version: 1,
        closedAt: '2024-10-01T08:00:00Z',
      });
      assert.equal(closedEarly.statusCode, 400);
      assert.equal(closedEarly.json().details.field, 'closedAt');
    });

    it('answers malformed and oversize bodies with 400 and 413', async () => {
      const malformed = await admin.request('POST', '/api/events', '{"name":', {
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(malformed.statusCode, 400);
      assert.equal(malformed.json().error, 'bad_request');
      const huge = await admin.post('/api/events', { name: 'x'.repeat(2_000_000) });
      assert.equal(huge.statusCode, 413);
    });

    it('rejects a duplicate unit code with a field error', async () => {
      const duplicate = await admin.post('/api/units', {
        code: 'SÄS',
        name: 'Dubblett',
        kind: 'hospital',
      });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().details.field, 'code');
    });

    it('requires a unit for a unit reporter grant and hides the event from users without grants', async () => {
      const users = (await admin.get('/api/users')).json().items as { id: number; email: string }[];
      const reader = users.find((user) => user.email === demoPeople.reader)!;
      const withoutUnit = await admin.post(`/api/events/${t.eventId}/grants`, {
        userId: reader.id,
        role: 'unit_reporter',
      });
      assert.equal(withoutUnit.statusCode, 400);
      assert.equal(withoutUnit.json().details.field, 'unitId');
      const other = (await admin.post('/api/events', { name: 'Annan händelse' })).json();
      const readerClient = await t.login(demoPeople.reader);
      assert.equal((await readerClient.get(`/api/events/${other.id}`)).statusCode, 404);
      const visible = (await readerClient.get('/api/events'))
        .json()
        .items.map((event: { id: number }) => event.id);
      assert.deepEqual(visible, [t.liveEventId, t.eventId], 'the demo events, not the new one');
    });

    it('answers a grant and the list of grants in camelCase, with the user named', async () => {
      const users = (await admin.get('/api/users')).json().items as {
        id: number;
        email: string;
        name: string;
      }[];
      const reader = users.find((user) => user.email === demoPeople.reader)!;
      const event = (await admin.post('/api/events', { name: 'Händelse med en roll' })).json();
      const created = await admin.post(`/api/events/${event.id}/grants`, {
        userId: reader.id,
        role: 'staff',
      });
      assert.equal(created.statusCode, 201, created.body);
      const grant = created.json();
      assert.deepEqual(grant, {
        id: grant.id,
        userId: reader.id,
        eventId: event.id,
        role: 'staff',
        unitId: null,
        createdAt: grant.createdAt,
        source: 'manual',
      });
      assert.ok(Date.parse(grant.createdAt) <= Date.now());
      const listed = (await admin.get(`/api/events/${event.id}/grants`)).json().items;
      assert.deepEqual(listed, [
        {
          id: grant.id,
          userId: reader.id,
          userName: reader.name,
          userEmail: demoPeople.reader,
          role: 'staff',
          unitId: null,
          createdAt: grant.createdAt,
          source: 'manual',
        },
      ]);
    });

    it('tells a user their own roles, units and permissions in the event', async () => {
      const reporter = await t.login(demoPeople.reporterSas);
      const mine = (await reporter.get(`/api/events/${t.eventId}/grants/me`)).json();
      const units = (await admin.get('/api/units')).json().items as { id: number; code: string }[];
      assert.deepEqual(mine.roles, ['unit_reporter']);
      assert.deepEqual(mine.unitIds, [units.find((unit) => unit.code === 'SÄS')!.id]);
      assert.ok(mine.permissions.includes('picture.read'));
      assert.ok(!mine.permissions.includes('report.edit'));
    });

    it('lets an event admin filter the audit trail', async () => {
      const page = await admin.get(`/api/events/${t.eventId}/audit`, {
        query: { action: 'event.update', limit: '5' },
      });
      assert.equal(page.statusCode, 200);
      const items = page.json().items as { action: string; eventId: number; actor: string }[];
      assert.ok(items.length > 0);
      assert.ok(
        items.every((item) => item.action === 'event.update' && item.eventId === t.eventId),
      );
      assert.equal(items[0]!.actor, adminEmail);
    });

    it('serves the OpenAPI document and health endpoints', async () => {
      const openapi = await t.anonymous().get('/api/openapi.json');
      assert.equal(openapi.statusCode, 200);
      assert.equal(openapi.json().openapi, '3.1.0');
      assert.ok(openapi.json().paths['/api/events/{eventId}']);
      assert.equal((await t.anonymous().get('/readyz')).statusCode, 200);
      const page = await t.anonymous().get('/healthz');
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    });
  });
}
