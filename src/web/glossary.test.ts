import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// The translation files, the reports' fixed wording and the server's and renderers' sentences
// (error and e-mail texts) use the glossary's terms: no word that docs/glossary.md lists under
// "Words we do not use" appears, as a whole word, in any of their texts.

function forbiddenWords(): string[] {
  const glossary = fs.readFileSync('docs/glossary.md', 'utf8');
  const section = glossary.slice(glossary.indexOf('## Words we do not use'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|')[1]!.trim())
    .filter((word) => word !== 'Do not use' && !/^-+$/.test(word));
}

/** The texts of a translation file: its quoted strings without the keys before a colon, and
 * without their {{placeholders}}. */
function textsOf(source: string): string[] {
  return [...source.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1(?!\s*:)/g)].map((match) =>
    match[2]!.replace(/\{\{[^}]*\}\}/g, ''),
  );
}

function findings(texts: string[], words: string[]): string[] {
  return words.flatMap((word) => {
    const pattern = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu');
    return texts.filter((text) => pattern.test(text)).map((text) => `${word}: ${text}`);
  });
}

/** The sentences of a source file: its texts with a space in them (not identifiers such as
 * 'yellow_threshold'), without their ${expressions}. */
function sentencesOf(source: string): string[] {
  return textsOf(source)
    .map((text) => text.replace(/\$\{[^}]*\}/g, ''))
    .filter((text) => /\s/.test(text));
}

function sourceFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(root, file));
}

const translationFiles = fs
  .readdirSync('src/web')
  .filter((file) => /^i18n.*\.ts$/.test(file))
  .map((file) => path.join('src/web', file));

test('the glossary names the words we do not use', () => {
  const words = forbiddenWords();
  assert.ok(words.includes('publika'));
  assert.ok(words.includes('gul'));
  assert.ok(words.includes('red'));
});

test('a forbidden word is found as a whole word, in any case, and only there', () => {
  const words = ['publika', 'red'];
  assert.deepEqual(
    findings(['Den Publika versionen', 'Publicerad', 'Required', 'Red limit'], words),
    ['publika: Den Publika versionen', 'red: Red limit'],
  );
  assert.deepEqual(textsOf(`{ public: 'Publik version', 'report.x': "Gul {{red}}" }`), [
    'Publik version',
    'Gul ',
  ]);
});

test('the translation files use none of the words the glossary refuses', () => {
  const words = forbiddenWords();
  const found = translationFiles.flatMap((file) =>
    findings(textsOf(fs.readFileSync(file, 'utf8')), words).map((line) => `${file}: ${line}`),
  );
  assert.deepEqual(found, []);
});

test("the reports' fixed wording uses none of the words the glossary refuses", () => {
  const source = fs.readFileSync('src/core/report-wording.ts', 'utf8');
  assert.deepEqual(findings(textsOf(source), forbiddenWords()), []);
});

test("the server's and the renderers' sentences use none of the words the glossary refuses", () => {
  const words = forbiddenWords();
  const files = ['src/server', 'src/contract', 'src/render'].flatMap(sourceFiles);
  assert.ok(files.includes(path.join('src/server/figures/service.ts')));
  const found = files.flatMap((file) =>
    findings(sentencesOf(fs.readFileSync(file, 'utf8')), words).map((line) => `${file}: ${line}`),
  );
  assert.deepEqual(found, []);
});

test('a sentence is a text with a space, read without its code', () => {
  assert.deepEqual(
    sentencesOf(
      "const a = 'yellow_threshold'; throw bad(`Gränsen för ${red} är fel`, 'Gult ljus');",
    ),
    ['Gränsen för  är fel', 'Gult ljus'],
  );
});
