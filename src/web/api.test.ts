import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allPages } from './api.ts';

test('allPages reads every page of a long list', async () => {
  const all = Array.from({ length: 1_234 }, (_, index) => index);
  const asked: number[] = [];
  const items = await allPages(async ({ limit, offset }) => {
    asked.push(offset);
    return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
  });
  assert.deepEqual(items, all);
  assert.deepEqual(asked, [0, 500, 1_000]);
});

test('allPages stops when a page comes back empty, even if the total grew', async () => {
  const items = await allPages(async ({ limit, offset }) => ({
    items: offset === 0 ? ['a'] : [],
    total: 5,
    limit,
    offset,
  }));
  assert.deepEqual(items, ['a']);
});
