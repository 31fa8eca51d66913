import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PageRequest, fetchAllPages, largestPage } from './paging.ts';

/** A reader over `count` numbered rows that records the pages it was asked for. */
function readerOver(count: number) {
  const asked: PageRequest[] = [];
  const all = Array.from({ length: count }, (_, index) => index + 1);
  const readPage = async (page: PageRequest) => {
    asked.push(page);
    return { rows: all.slice(page.offset, page.offset + page.limit), total: count };
  };
  return { asked, readPage };
}

describe('fetchAllPages', () => {
  it('reads past the largest page until every row is in', async () => {
    const { asked, readPage } = readerOver(2 * largestPage + 3);
    const rows = await fetchAllPages(readPage);
    assert.equal(rows.length, 2 * largestPage + 3);
    assert.equal(rows.at(-1), 2 * largestPage + 3);
    assert.deepEqual(
      asked.map((page) => page.offset),
      [0, largestPage, 2 * largestPage],
    );
  });

  it('asks once when everything fits on one page, and once for nothing', async () => {
    const few = readerOver(3);
    assert.deepEqual(await fetchAllPages(few.readPage), [1, 2, 3]);
    assert.equal(few.asked.length, 1);
    const none = readerOver(0);
    assert.deepEqual(await fetchAllPages(none.readPage), []);
    assert.equal(none.asked.length, 1);
  });

  it('stops when rows run out before the total said they would', async () => {
    const shrinking = async (page: PageRequest) => ({
      rows: page.offset === 0 ? [1, 2] : [],
      total: 10,
    });
    assert.deepEqual(await fetchAllPages(shrinking), [1, 2]);
  });
});
