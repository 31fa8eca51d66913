import assert from 'node:assert/strict';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import { preferredEncoding } from '../../src/server/reports/ready-pages.ts';
import { securityHeaders } from '../../src/server/http/security-headers.ts';
import { type TestApp, demoPeople, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(base: string, address: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    http
      .get(`${base}${address}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

/** Every header but the date, which moves with the clock. */
function withoutDate(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { date: _date, ...rest } = headers;
  return rest;
}

describe('choosing a page encoding from Accept-Encoding', () => {
  it('prefers brotli, then gzip, honours q=0, and sends plain bytes otherwise', () => {
    assert.equal(preferredEncoding('gzip, deflate, br'), 'br');
    assert.equal(preferredEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(preferredEncoding('gzip;q=0, br;q=0.5'), 'br');
    assert.equal(preferredEncoding('GZIP'), 'gzip');
    assert.equal(preferredEncoding('deflate'), 'identity');
    assert.equal(preferredEncoding('gzip;q=0'), 'identity');
    assert.equal(preferredEncoding(undefined), 'identity');
  });
});

for (const dialect of testDialects()) {
  describe(`published pages answered from memory on ${dialect}`, () => {
    let t: TestApp;
    let base: string;
    let fromMemory = 0;
    before(async () => {
      t = await startTestApp(dialect);
      const pages = t.app.readyPages;
      const answer = pages.answer.bind(pages);
      pages.answer = (request, response) => {
        const answered = answer(request, response);
        if (answered) fromMemory += 1;
        return answered;
      };
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    it('sends from memory exactly what the route sent, in each encoding', async () => {
      const address = `/r/${t.eventId}/1?version=1`;
      const plain = await get(base, address);
      for (const acceptEncoding of [undefined, 'gzip', 'gzip, deflate, br']) {
        const headers: Record<string, string> = acceptEncoding
          ? { 'accept-encoding': acceptEncoding }
          : {};
        const before = fromMemory;
        const first = await get(base, address, headers);
        const second = await get(base, address, headers);
        assert.equal(fromMemory, before + 2);
        assert.equal(first.status, 200);
        assert.deepEqual(second.body, first.body);
        assert.deepEqual(withoutDate(second.headers), withoutDate(first.headers));
        const decoded =
          first.headers['content-encoding'] === 'br'
            ? zlib.brotliDecompressSync(first.body)
            : first.headers['content-encoding'] === 'gzip'
              ? zlib.gunzipSync(first.body)
              : first.body;
        assert.deepEqual(decoded, plain.body);
      }
    });

    it('answers the first request through the route, with the security headers and an ETag per encoding', async () => {
      const address = `/r/${t.eventId}/1`;
      const before = fromMemory;
      const routed = await get(base, address, { 'accept-encoding': 'gzip' });
      assert.equal(fromMemory, before);
      const remembered = await get(base, address, { 'accept-encoding': 'gzip' });
      assert.equal(fromMemory, before + 1);
      for (const answer of [routed, remembered]) {
        for (const [name, value] of Object.entries(securityHeaders)) {
          assert.equal(answer.headers[name], value, name);
        }
        assert.equal(answer.headers['content-encoding'], 'gzip');
        assert.equal(answer.headers.vary, 'Accept-Encoding');
        assert.equal(answer.headers['cache-control'], 'public, max-age=300');
        assert.match(answer.headers.etag!, /^"[0-9a-f]{32}-html\.2\.gzip"$/);
      }
      const plain = await get(base, address);
      assert.equal(plain.headers.etag, routed.headers.etag!.replace('.gzip"', '"'));
      assert.equal(plain.headers['content-encoding'], undefined);
    });

    it('answers 304 from memory for the encoding the reader holds, and 200 for another', async () => {
      const address = `/r/${t.eventId}/1?version=1`;
      const gzipped = await get(base, address, { 'accept-encoding': 'gzip' });
      const before = fromMemory;
      const revalidated = await get(base, address, {
        'accept-encoding': 'gzip',
        'if-none-match': gzipped.headers.etag!,
      });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.body.length, 0);
      assert.equal(revalidated.headers['content-encoding'], undefined);
      assert.equal(revalidated.headers.etag, gzipped.headers.etag);
      const otherEncoding = await get(base, address, { 'if-none-match': gzipped.headers.etag! });
      assert.equal(otherEncoding.status, 200);
      assert.equal(fromMemory, before + 2);
    });

    it('reads the newest revision again after a write answered by this node', async () => {
      const address = `/r/${t.eventId}/1`;
      await get(base, address);
      const staff = await t.login(demoPeople.staff);
      const written = await staff.post(`/api/events/${t.eventId}/log`, {
        occurredAt: new Date().toISOString(),
        text: 'En rad i loggen.',
      });
      assert.equal(written.statusCode, 201, written.body);
      const before = fromMemory;
      const after = await get(base, address);
      assert.equal(after.status, 200);
      assert.equal(fromMemory, before);
    });

    it('leaves a request with credentials to the route, which refuses an unknown token', async () => {
      const address = `/r/${t.eventId}/1?version=1`;
      await get(base, address);
      const before = fromMemory;
      const refused = await get(base, address, { authorization: 'Bearer unknown-token' });
      assert.equal(refused.status, 401);
      assert.equal(fromMemory, before);
    });
  });
}
