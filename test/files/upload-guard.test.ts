import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

const announcedBytes = 10 * 1024 * 1024;

/**
 * Announces a large upload, sends only its first bytes and returns the status line the server
 * answers with while the rest of the body is still missing (null when it waits for the body).
 */
function statusBeforeBody(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<string | null> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    const waited = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, 3000);
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (!answer.includes('\r\n')) return;
      clearTimeout(waited);
      socket.destroy();
      resolve(answer.slice(0, answer.indexOf('\r\n')));
    });
    const lines = [
      `POST ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      'Content-Type: application/octet-stream',
      `Content-Length: ${announcedBytes}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    socket.write(`${lines.join('\r\n')}\r\n\r\n%PDF-1.7\n`);
  });
}

for (const dialect of testDialects()) {
  describe(`an upload is refused before its body is read on ${dialect}`, () => {
    let t: TestApp;
    let baseUrl: string;
    let eventPath: string;

    before(async () => {
      t = await startTestApp(dialect);
      baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
      eventPath = `/api/events/${t.eventId}`;
    });
    after(() => t.close());

    it('answers 401 to an upload without a session at once', async () => {
      const status = await statusBeforeBody(baseUrl, `${eventPath}/files?name=a.pdf`, {});
      assert.equal(status, 'HTTP/1.1 401 Unauthorized');
    });

    it('answers 403 to a reader who may not add to the library at once', async () => {
      const reader = await t.login(demoPeople.reader);
      const status = await statusBeforeBody(baseUrl, `${eventPath}/files?name=a.pdf`, {
        Cookie: reader.cookie!,
        'X-CSRF-Token': reader.csrfToken!,
      });
      assert.equal(status, 'HTTP/1.1 403 Forbidden');
    });

    it('waits for the body of someone who may upload', async () => {
      const staff = await t.login(demoPeople.staff);
      const status = await statusBeforeBody(baseUrl, `${eventPath}/files?name=a.pdf`, {
        Cookie: staff.cookie!,
        'X-CSRF-Token': staff.csrfToken!,
      });
      assert.equal(status, null);
    });
  });
}
