import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from './lru-cache.ts';

describe('LruCache', () => {
  it('drops the least recently used entry when full', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    assert.equal(cache.size, 2);
  });

  it('computes a missing value once and then serves it from the cache', () => {
    const cache = new LruCache<string, string>(4);
    let computed = 0;
    const compute = () => {
      computed += 1;
      return 'svg';
    };
    assert.equal(cache.getOrCompute('chart', compute), 'svg');
    assert.equal(cache.getOrCompute('chart', compute), 'svg');
    assert.equal(computed, 1);
  });

  it('replaces the value of a key that is set again without growing', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    assert.equal(cache.size, 1);
    assert.equal(cache.get('a'), 2);
  });

  it('refuses a capacity below one', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
