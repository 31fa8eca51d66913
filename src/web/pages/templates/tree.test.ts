import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TemplateSection } from '../../../contract/template-sections.ts';
import {
  type EditorSection,
  fromEditor,
  indent,
  keyFromTitle,
  locateField,
  moveBefore,
  moveWithin,
  outdent,
  toEditor,
  uniqueKey,
} from './tree.ts';

const section = (key: string, children: TemplateSection[] = []): TemplateSection => ({
  key,
  title: key,
  kind: 'text',
  internal: false,
  includes: [],
  text: '',
  children,
});

/** The tree as keys, children in brackets: "a[b c] d". */
function shape(sections: EditorSection[]): string {
  return sections
    .map((item) => (item.children.length ? `${item.key}[${shape(item.children)}]` : item.key))
    .join(' ');
}

describe('the template tree', () => {
  const tree = () => toEditor([section('a', [section('b'), section('c')]), section('d')]);

  it('moves, nests and unnests a section among its siblings', () => {
    assert.equal(shape(moveWithin(tree(), [1], -1)), 'd a[b c]');
    assert.equal(shape(moveWithin(tree(), [0, 1], -1)), 'a[c b] d');
    assert.equal(shape(moveWithin(tree(), [0], -1)), 'a[b c] d');
    assert.equal(shape(indent(tree(), [1])), 'a[b c d]');
    assert.equal(shape(indent(tree(), [0, 1])), 'a[b[c]] d');
    assert.equal(shape(outdent(tree(), [0, 0])), 'a[c] b d');
    assert.equal(shape(outdent(tree(), [1])), 'a[b c] d');
  });

  it('drops a dragged section before its target, never into itself', () => {
    const sections = tree();
    const [a, d] = [sections[0]!, sections[1]!];
    const c = a.children[1]!;
    assert.equal(shape(moveBefore(sections, d.uid, c.uid)), 'a[b d c]');
    assert.equal(shape(moveBefore(sections, c.uid, a.uid)), 'c a[b] d');
    assert.equal(moveBefore(sections, a.uid, c.uid), sections);
  });

  it('strips the screen ids and keeps the sections as they were', () => {
    const plain = [section('a', [section('b')])];
    assert.deepEqual(fromEditor(toEditor(plain)), plain);
  });

  it('makes keys from titles, unique in the template', () => {
    assert.equal(keyFromTitle('Läget i vården 2026!'), 'laget-i-varden-2026');
    assert.equal(keyFromTitle('???'), 'avsnitt');
    assert.equal(uniqueKey('laget', ['laget', 'laget-2']), 'laget-3');
    assert.equal(uniqueKey('ny', ['laget']), 'ny');
  });

  it('finds the section and field a server error names', () => {
    const sections = tree();
    const c = sections[0]!.children[1]!;
    assert.deepEqual(locateField(sections, 'sections.0.children.1.figures.baselineDate'), {
      uid: c.uid,
      field: 'figures.baselineDate',
    });
    assert.deepEqual(locateField(sections, 'sections.1.title'), {
      uid: sections[1]!.uid,
      field: 'title',
    });
    assert.equal(locateField(sections, 'sections.7.title'), null);
    assert.equal(locateField(sections, 'name'), null);
  });
});
