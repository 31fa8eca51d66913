import assert from 'node:assert/strict';
import type { DialectName } from '../../src/server/db/database.ts';
import { type Client, type TestApp, demoPeople, startTestApp } from './app.ts';

/** A test app with a staff member and a reader signed in, and the address of one of the records. */
export interface RecordsApp {
  t: TestApp;
  staff: Client;
  reader: Client;
  url: string;
}

/** Starts a test app for the demo event's records under `/api/events/:eventId[/<path>]`. */
export async function startRecordsApp(dialect: DialectName, path = ''): Promise<RecordsApp> {
  const t = await startTestApp(dialect);
  const eventUrl = `/api/events/${t.eventId}`;
  return {
    t,
    staff: await t.login(demoPeople.staff),
    reader: await t.login(demoPeople.reader),
    url: path ? `${eventUrl}/${path}` : eventUrl,
  };
}

/** Creates a record and answers it, failing the test unless the answer is 201. */
export async function createRecord<T>(
  client: Client,
  url: string,
  body: Record<string, unknown>,
): Promise<T> {
  const response = await client.post(url, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json();
}
