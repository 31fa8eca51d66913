// Ids and other whole numbers in paths and query strings are decimal digits only: a hexadecimal,
// exponent, signed, padded or fractional spelling of an existing id is refused, never read as it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Client, type TestApp, adminEmail, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

function spellings(id: number): string[] {
  return [
    `0x${id.toString(16)}`,
    `0b${id.toString(2)}`,
    `${id}e0`,
    `${id}.0`,
    `+${id}`,
    `0${id}`,
    `%20${id}`,
  ];
}

for (const dialect of testDialects()) {
  describe(`decimal ids on ${dialect}`, () => {
    let t: TestApp;
    let admin: Client;
    before(async () => {
      t = await startTestApp(dialect);
      admin = await t.login(adminEmail);
    });
    after(() => t.close());

    it('reads an id only from decimal digits, in paths and query strings', async () => {
      const decisionId = (await admin.get(`/api/events/${t.eventId}/decisions`)).json().items[0].id;
      const riskId = (await admin.get(`/api/events/${t.eventId}/risks`)).json().items[0].id;
      const addresses = (spelling: (id: number) => string) => [
        `/api/events/${t.eventId}/decisions/${spelling(decisionId)}`,
        `/api/events/${t.eventId}/risks/${spelling(riskId)}`,
        `/r/${spelling(t.eventId)}/1`,
        `/r/${t.eventId}/${spelling(1)}`,
        `/api/events/${t.eventId}/log?limit=${spelling(2)}`,
      ];
      for (const url of addresses(String)) {
        assert.equal((await admin.get(url)).statusCode, 200, url);
      }
      for (const index of spellings(1).keys()) {
        for (const url of addresses((id) => spellings(id)[index]!)) {
          assert.equal((await admin.get(url)).statusCode, 400, url);
        }
      }
      const eventIdElsewhere = await admin.get(`/api/events/${spellings(t.eventId)[0]}`);
      assert.equal(eventIdElsewhere.statusCode, 404, 'the guard finds no such event');
    });

    it('still describes the routes in the OpenAPI document', async () => {
      const document = await t.anonymous().get('/api/openapi.json');
      assert.equal(document.statusCode, 200);
      const parameters = document.json().paths['/api/events/{eventId}'].get.parameters;
      assert.ok(parameters.some((parameter: { name: string }) => parameter.name === 'eventId'));
    });
  });
}
