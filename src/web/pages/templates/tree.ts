// The template being designed, as a tree the editor changes without mutating: each section
// carries a stable id for the screen (React keys, focus, drag), stripped before it is sent.
import type { TemplateSection } from '../../../contract/template-sections.ts';

export type EditorSection = Omit<TemplateSection, 'children'> & {
  uid: string;
  children: EditorSection[];
};
export type Path = number[];

let counter = 0;
const nextUid = () => `s${++counter}`;

export function toEditor(sections: TemplateSection[]): EditorSection[] {
  return sections.map((section) => ({
    ...section,
    uid: nextUid(),
    children: toEditor(section.children),
  }));
}

export function fromEditor(sections: EditorSection[]): TemplateSection[] {
  return sections.map(({ uid: _uid, children, ...section }) => ({
    ...section,
    children: fromEditor(children),
  }));
}

/** A key from a title: lower case a–z, 0–9 and dashes, as the contract allows. */
export function keyFromTitle(title: string): string {
  const key = title
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return key || 'avsnitt';
}

export function allKeys(sections: EditorSection[]): string[] {
  return sections.flatMap((section) => [section.key, ...allKeys(section.children)]);
}

/** `wanted`, or `wanted-2`, `wanted-3`… whichever no other section has. */
export function uniqueKey(wanted: string, taken: string[]): string {
  if (!taken.includes(wanted)) return wanted;
  let n = 2;
  while (taken.includes(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}

export function newSection(title: string, taken: string[]): EditorSection {
  return {
    uid: nextUid(),
    key: uniqueKey(keyFromTitle(title), taken),
    title,
    kind: 'text',
    internal: false,
    includes: [],
    text: '',
    children: [],
  };
}

export function pathOf(sections: EditorSection[], uid: string, parent: Path = []): Path | null {
  for (const [index, section] of sections.entries()) {
    if (section.uid === uid) return [...parent, index];
    const inner = pathOf(section.children, uid, [...parent, index]);
    if (inner) return inner;
  }
  return null;
}

export function sectionAt(sections: EditorSection[], path: Path): EditorSection | undefined {
  let list = sections;
  let found: EditorSection | undefined;
  for (const index of path) {
    found = list[index];
    if (!found) return undefined;
    list = found.children;
  }
  return found;
}

export function siblingsOf(sections: EditorSection[], path: Path): EditorSection[] {
  return path.length === 1 ? sections : sectionAt(sections, path.slice(0, -1))!.children;
}

/** A copy of the tree with the list under `parent` replaced. */
function withList(
  sections: EditorSection[],
  parent: Path,
  change: (list: EditorSection[]) => EditorSection[],
): EditorSection[] {
  if (parent.length === 0) return change(sections);
  const [head, ...rest] = parent;
  return sections.map((section, index) =>
    index === head ? { ...section, children: withList(section.children, rest, change) } : section,
  );
}

export function updateAt(
  sections: EditorSection[],
  path: Path,
  change: (section: EditorSection) => EditorSection,
): EditorSection[] {
  const index = path.at(-1)!;
  return withList(sections, path.slice(0, -1), (list) =>
    list.map((section, at) => (at === index ? change(section) : section)),
  );
}

export function removeAt(sections: EditorSection[], path: Path): EditorSection[] {
  const index = path.at(-1)!;
  return withList(sections, path.slice(0, -1), (list) => list.filter((_, at) => at !== index));
}

export function insertAt(
  sections: EditorSection[],
  parent: Path,
  index: number,
  section: EditorSection,
): EditorSection[] {
  return withList(sections, parent, (list) => [
    ...list.slice(0, index),
    section,
    ...list.slice(index),
  ]);
}

/** One place up or down among its siblings. */
export function moveWithin(sections: EditorSection[], path: Path, delta: -1 | 1): EditorSection[] {
  const index = path.at(-1)!;
  const target = index + delta;
  const siblings = siblingsOf(sections, path);
  if (target < 0 || target >= siblings.length) return sections;
  return insertAt(removeAt(sections, path), path.slice(0, -1), target, siblings[index]!);
}

/** Becomes the last subsection of the section above it. */
export function indent(sections: EditorSection[], path: Path): EditorSection[] {
  const index = path.at(-1)!;
  if (index === 0) return sections;
  const section = sectionAt(sections, path)!;
  const above = [...path.slice(0, -1), index - 1];
  const count = sectionAt(sections, above)!.children.length;
  return insertAt(removeAt(sections, path), above, count, section);
}

/** Becomes the next section after its parent. */
export function outdent(sections: EditorSection[], path: Path): EditorSection[] {
  if (path.length < 2) return sections;
  const section = sectionAt(sections, path)!;
  const parent = path.slice(0, -1);
  return insertAt(removeAt(sections, path), parent.slice(0, -1), parent.at(-1)! + 1, section);
}

/** Moves the dragged section to just before the target, as the target's sibling. */
export function moveBefore(sections: EditorSection[], dragged: string, target: string) {
  const from = pathOf(sections, dragged);
  if (!from || dragged === target) return sections;
  const section = sectionAt(sections, from)!;
  if (pathOf(section.children, target)) return sections;
  const without = removeAt(sections, from);
  const to = pathOf(without, target)!;
  return insertAt(without, to.slice(0, -1), to.at(-1)!, section);
}

/** Where a server's field path (sections.0.children.2.figures.layout) points in the tree. */
export function locateField(
  sections: EditorSection[],
  field: string,
): { uid: string; field: string } | null {
  const parts = field.split('.');
  if (parts[0] !== 'sections') return null;
  let list = sections;
  let found: EditorSection | undefined;
  let at = 1;
  while (at < parts.length && /^\d+$/.test(parts[at]!)) {
    found = list[Number(parts[at])];
    if (!found) return null;
    list = found.children;
    at++;
    if (parts[at] !== 'children') break;
    at++;
  }
  return found ? { uid: found.uid, field: parts.slice(at).join('.') } : null;
}

export function flatTitles(
  sections: { title: string; children: unknown[] }[],
  depth = 0,
): string[] {
  return sections.flatMap((section) => [
    `${'  '.repeat(depth)}${section.title}`,
    ...flatTitles(section.children as { title: string; children: unknown[] }[], depth + 1),
  ]);
}
