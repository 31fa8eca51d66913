import assert from 'node:assert/strict';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import { answerStore } from '../../src/server/http/response-cache.ts';
import {
  type PageAnswer,
  ReadyPages,
  pageVariants,
  renderingCache,
} from '../../src/server/reports/ready-pages.ts';

/** A page of exactly `bytes` plain bytes whose compressed forms are as small as they get. */
async function pageOf(bytes: number, letter: string): Promise<PageAnswer> {
  return {
    headers: {
      etag: `"${letter}-html.2"`,
      'last-modified': 'Mon, 07 Dec 2026 12:00:00 GMT',
      'cache-control': 'public, max-age=300',
    },
    contentType: 'text/html; charset=utf-8',
    variants: await pageVariants(Buffer.alloc(bytes, letter)),
  };
}

interface Sent {
  answered: boolean;
  status?: number;
  headers?: OutgoingHttpHeaders;
  body?: Buffer;
}

function ask(pages: ReadyPages, url: string): Sent {
  const sent: Sent = { answered: false };
  const request = { method: 'GET', url, headers: {} } as unknown as IncomingMessage;
  const response = {
    writeHead(status: number, headers: OutgoingHttpHeaders) {
      sent.status = status;
      sent.headers = headers;
      return response;
    },
    end(body?: Buffer) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  sent.answered = pages.answer(request, response);
  return sent;
}

describe('bounds of the in-memory caches', () => {
  it('ready pages: the least recently sent page leaves at the byte limit and is kept again', async () => {
    const [a, b, c] = await Promise.all([pageOf(4000, 'a'), pageOf(4000, 'b'), pageOf(4000, 'c')]);
    const pageBytes = (page: PageAnswer) =>
      page.variants.identity.length + page.variants.gzip.length + page.variants.br.length;
    const pages = new ReadyPages({}, pageBytes(a) + pageBytes(b) + pageBytes(c) - 1);
    pages.remember('/r/1/1', '/r/:eventId/:number', a);
    pages.remember('/r/1/2', '/r/:eventId/:number', b);
    const first = ask(pages, '/r/1/1');
    assert.equal(first.answered, true);
    pages.remember('/r/1/3', '/r/:eventId/:number', c);
    assert.equal(ask(pages, '/r/1/2').answered, false);
    assert.equal(ask(pages, '/r/1/3').answered, true);
    pages.remember('/r/1/2', '/r/:eventId/:number', b);
    const again = ask(pages, '/r/1/2');
    assert.equal(again.answered, true);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, Buffer.alloc(4000, 'b'));
    assert.equal(ask(pages, '/r/1/1').answered, false);
    assert.deepEqual(ask(pages, '/r/1/3').body, Buffer.alloc(4000, 'c'));
  });

  it('renderings: the least recently used leaves at the byte limit, whatever its format', () => {
    const renderings = renderingCache(10_000);
    renderings.set('1:pdf', Buffer.alloc(4000, 1));
    renderings.set('2:pdf', Buffer.alloc(4000, 2));
    assert.deepEqual(renderings.get('1:pdf'), Buffer.alloc(4000, 1));
    renderings.set('3:docx', Buffer.alloc(4000, 3));
    assert.deepEqual([...renderings.keys()].sort(), ['1:pdf', '3:docx']);
    assert.equal(renderings.calculatedSize, 8000);
    renderings.set('2:pdf', Buffer.alloc(4000, 2));
    assert.deepEqual(renderings.get('2:pdf'), Buffer.alloc(4000, 2));
    assert.deepEqual([...renderings.keys()].sort(), ['2:pdf', '3:docx']);
  });

  it('shared answers: count two bytes a character and leave the least recently used first', () => {
    const answers = answerStore(10_000);
    answers.set('public 1 /a', 'å'.repeat(2000));
    answers.set('public 1 /b', 'b'.repeat(2000));
    assert.equal(answers.calculatedSize, 8000);
    assert.equal(answers.get('public 1 /a'), 'å'.repeat(2000));
    answers.set('public 1 /c', 'c'.repeat(2000));
    assert.deepEqual([...answers.keys()].sort(), ['public 1 /a', 'public 1 /c']);
    answers.set('public 1 /b', 'b'.repeat(2000));
    assert.equal(answers.get('public 1 /b'), 'b'.repeat(2000));
    assert.equal(answers.has('public 1 /a'), false);
  });
});
