import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiOnly } from '../../scripts/bundle-server.ts';

describe('the server bundle is plain ASCII', () => {
  it('escapes a regular expression literal to one that matches the same text', () => {
    const source = String.raw`/^(sö|må|ti)$/i`;
    const escaped = asciiOnly(source);
    assert.equal(escaped, String.raw`/^(s\u00f6|m\u00e5|ti)$/i`);
    const original = new Function(`return ${source};`)() as RegExp;
    const rewritten = new Function(`return ${escaped};`)() as RegExp;
    for (const word of ['sö', 'MÅ', 'so', 'ti']) {
      assert.equal(rewritten.test(word), original.test(word), word);
    }
  });

  it('keeps a character outside the basic plane one code point under the u flag', () => {
    const escaped = asciiOnly('/^[😀é]$/u');
    assert.equal(escaped, String.raw`/^[\ud83d\ude00\u00e9]$/u`);
    const pattern = new Function(`return ${escaped};`)() as RegExp;
    assert.equal(pattern.test('😀'), true);
    assert.equal(pattern.test('\ud83d'), false);
  });

  it('leaves ASCII text as it is and escapes a comment', () => {
    assert.equal(
      asciiOnly('const a = 1; // “quoted”'),
      String.raw`const a = 1; // \u201cquoted\u201d`,
    );
  });
});
