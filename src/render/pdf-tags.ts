// Tagged PDF (PDF/UA) for pdfmake: pdfmake has no structure tree of its own, but the pdfkit it
// draws with has one. Before layout, `tagContent` reads the document definition in reading order
// and gives every text, image and SVG node the structure element it belongs to (headings by
// style, lists, tables with header cells, figures with alternative text). Two hooks carry that
// through: each laid-out line keeps its node's element, and the renderer wraps what it draws in
// marked content of that element; everything untagged (running header and footer, rules, list
// bullets, a table header repeated on a later page) is drawn as an artifact. See decision 010.
import { createRequire } from 'node:module';
import type { Content } from 'pdfmake';

/** The structure types this renderer writes (ISO 32000 standard structure types). */
export type StructRole =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'L'
  | 'LI'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Link';

/**
 * One structure element to be: its type, its children in reading order and what it needs. A class,
 * not a plain object, so that a copy of the content for a layout (pdf-breaks.ts) shares the tree.
 */
class StructNode {
  readonly children: StructNode[] = [];
  alt?: string;
  /** A table's header row, drawn again on each page the table continues on. */
  repeatedRow?: boolean;

  constructor(
    readonly role: StructRole,
    readonly parent?: StructNode,
  ) {}
}

/** What a heading style is, as a level; the document's title is its only H1. */
export type HeadingStyles = Record<string, 1 | 2 | 3 | 4 | 5 | 6>;

const TEXT_CONTAINERS = new Set<StructRole>(['TH', 'TD', 'LBody']);

const figureAlternatives = new WeakMap<object, string>();

/** Marks an image or SVG node as a figure with its alternative text. */
export function asFigure<T extends object>(node: T, alt: string): T {
  figureAlternatives.set(node, alt);
  return node;
}

type Node = Record<string, unknown>;

/**
 * Gives each node of `content` its structure element under one Document element. A text node's
 * style names its heading level (`headings`); a heading without one of those styles but with
 * `subheadingStyle` sits one level below the latest heading.
 */
export function tagContent(
  content: Content[],
  headings: HeadingStyles,
  subheadingStyle?: string,
): Content[] {
  const root = new StructNode('Document');
  const walker = new Walker(headings, subheadingStyle);
  walker.children(content as unknown[], root);
  return content;
}

class Walker {
  private latestLevel = 1;

  constructor(
    private readonly headings: HeadingStyles,
    private readonly subheadingStyle?: string,
  ) {}

  children(nodes: unknown[], parent: StructNode): void {
    nodes.forEach((child, index) => {
      nodes[index] = this.node(asNode(child), parent);
    });
  }

  private node(node: Node, parent: StructNode): Node {
    if (Array.isArray(node.ul) || Array.isArray(node.ol)) {
      this.list((node.ul ?? node.ol) as unknown[], parent);
    } else if (isObject(node.table)) {
      this.table(node.table as Node, parent);
    } else if (Array.isArray(node.stack)) {
      this.children(node.stack, parent);
    } else if (Array.isArray(node.columns)) {
      this.children(node.columns, parent);
    } else if (node.svg !== undefined || node.image !== undefined) {
      const alt = figureAlternatives.get(node);
      node._struct = alt === undefined ? undefined : child(parent, 'Figure', { alt });
    } else if (node.text !== undefined) {
      node._struct = this.textElement(node.style, parent);
    }
    return node;
  }

  /** A heading, else a paragraph; text right in a cell or list item is that cell's or item's. */
  private textElement(style: unknown, parent: StructNode): StructNode {
    const level = typeof style === 'string' ? this.headings[style] : undefined;
    if (level !== undefined) {
      this.latestLevel = level;
      return child(parent, headingRole(level));
    }
    if (style === this.subheadingStyle) return child(parent, headingRole(this.latestLevel + 1));
    return TEXT_CONTAINERS.has(parent.role) ? parent : child(parent, 'P');
  }

  private list(items: unknown[], parent: StructNode): void {
    const list = child(parent, 'L');
    items.forEach((item, index) => {
      const body = child(child(list, 'LI'), 'LBody');
      items[index] = this.node(asNode(item), body);
    });
  }

  /** A table with a header row is a data table; one without is layout, and only its content counts. */
  private table(table: Node, parent: StructNode): void {
    const body = table.body as unknown[][];
    const headerRows = typeof table.headerRows === 'number' ? table.headerRows : 0;
    if (headerRows === 0) {
      body.forEach((row) => this.children(row, parent));
      return;
    }
    const element = child(parent, 'Table');
    body.forEach((row, rowIndex) => {
      const header = rowIndex < headerRows;
      const tableRow = child(element, 'TR', { repeatedRow: header });
      row.forEach((cell, index) => {
        row[index] = this.node(asNode(cell), child(tableRow, header ? 'TH' : 'TD'));
      });
    });
  }
}

function headingRole(level: number): StructRole {
  return `H${Math.min(6, level)}` as StructRole;
}

function child(
  parent: StructNode,
  role: StructRole,
  extra: Pick<StructNode, 'alt' | 'repeatedRow'> = {},
): StructNode {
  const node = Object.assign(new StructNode(role, parent), extra);
  parent.children.push(node);
  return node;
}

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** pdfmake accepts a bare string or array as a node; only an object can carry its element. */
function asNode(value: unknown): Node {
  if (isObject(value)) return value;
  if (Array.isArray(value)) return { stack: value };
  return { text: value };
}

// ---- the hooks into pdfmake's layout and rendering ----

interface StructElement {
  add(child: unknown): StructElement;
  end(): void;
  dictionary: { data: Node };
}

interface TaggedDocument {
  page: { height: number };
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): void;
  markStructureContent(tag: string): unknown;
  markContent(tag: string, options?: Record<string, unknown>): void;
  endMarkedContent(): void;
  link: Link;
  text: DrawText;
}

interface Built {
  element: StructElement;
  /** For a header row: the page it was first drawn on. */
  firstPage?: object;
}

interface RendererLike {
  pdfDocument: TaggedDocument;
}

type Draw = (this: RendererLike, item: Node, ...rest: unknown[]) => void;

const builtTrees = new WeakMap<TaggedDocument, Map<StructNode, Built>>();

/** pdfmake's own classes, from the same module instances its `createPdf` uses. */
function pdfmakeClass(name: string): { prototype: Node } {
  const module = createRequire(import.meta.url)(`pdfmake/js/${name}.js`) as {
    default: { prototype: Node };
  };
  return module.default;
}

/** Installs the hooks once; documents without `tagged: true` are drawn as before. */
function installHooks(): void {
  const builder = pdfmakeClass('LayoutBuilder').prototype;
  const buildNextLine = builder.buildNextLine as (this: unknown, node: Node) => Node | null;
  builder.buildNextLine = function (this: unknown, node: Node) {
    const line = buildNextLine.call(this, node);
    if (line && node._struct) line._struct = node._struct;
    return line;
  };
  const renderer = pdfmakeClass('Renderer').prototype;
  for (const name of ['renderLine', 'renderImage', 'renderSVG', 'renderVector']) {
    const draw = renderer[name] as Draw;
    renderer[name] = function (this: RendererLike, item: Node, ...rest: unknown[]) {
      const artifact = name === 'renderVector' ? 'Layout' : 'Pagination';
      marked(this.pdfDocument, item, artifact, () => draw.call(this, item, ...rest));
    };
  }
}

function marked(
  document: TaggedDocument,
  item: Node,
  artifact: 'Layout' | 'Pagination',
  draw: () => void,
): void {
  const node = item._struct as StructNode | undefined;
  const tree = treeOf(document);
  if (!tree) {
    draw();
    return;
  }
  const built = node ? builtElement(document, tree, node) : undefined;
  if (!node || !built || isRepeatedOnLaterPage(document, tree, node)) {
    document.markContent('Artifact', { type: artifact });
    draw();
    document.endMarkedContent();
    return;
  }
  const content = { current: document.markStructureContent(node.role) };
  withLinksIn(document, node.role, built.element, content, draw);
  document.endMarkedContent();
  built.element.add(content.current);
  if (node.role === 'Figure') placeFigure(document, built.element, item);
}

/** A figure's place on its page (/BBox, in PDF coordinates), as PDF/UA asks of a figure. */
function placeFigure(document: TaggedDocument, element: StructElement, item: Node): void {
  const [x, y, width, height] = [item.x, item.y, item._width, item._height].map(Number);
  if (![x, y, width, height].every(Number.isFinite)) return;
  const pageHeight = document.page.height;
  element.dictionary.data.A = {
    O: 'Layout',
    Placement: 'Block',
    BBox: [x!, pageHeight - y! - height!, x! + width!, pageHeight - y!],
  };
}

type Link = (x: number, y: number, w: number, h: number, url: unknown, options?: Node) => unknown;
type DrawText = (text: string, x?: number, y?: number, options?: Node) => TaggedDocument;

/**
 * A link in an element's text is a Link element of its own within that element, holding the
 * link's text (its words, drawn one by one, together) and its annotations, whose contents are
 * the URL.
 */
function withLinksIn(
  document: TaggedDocument,
  role: StructRole,
  element: StructElement,
  content: { current: unknown },
  draw: () => void,
): void {
  const { link, text } = document;
  let open: { url: unknown; element: StructElement; content: unknown } | undefined;
  const closeLink = () => {
    if (!open) return;
    document.endMarkedContent();
    open.element.add(open.content);
    open.element.end();
    open = undefined;
    content.current = document.markStructureContent(role);
  };
  document.link = (x, y, w, h, url, options = {}) =>
    link.call(document, x, y, w, h, url, {
      ...options,
      structParent: open?.element ?? element,
      Contents: new String(String(url)),
    });
  document.text = (value, x, y, options) => {
    const url = options?.link;
    if (open && open.url !== url) closeLink();
    if (url != null && !open) {
      document.endMarkedContent();
      element.add(content.current);
      const linkElement = document.struct('Link');
      element.add(linkElement);
      open = { url, element: linkElement, content: document.markStructureContent('Link') };
    }
    return text.call(document, value, x, y, options);
  };
  try {
    draw();
    closeLink();
  } finally {
    document.link = link;
    document.text = text;
  }
}

function treeOf(document: TaggedDocument): Map<StructNode, Built> | undefined {
  if (!isTagged(document)) return undefined;
  let tree = builtTrees.get(document);
  if (!tree) {
    tree = new Map();
    builtTrees.set(document, tree);
  }
  return tree;
}

function isTagged(document: TaggedDocument): boolean {
  const root = (document as unknown as { _root: { data: Node } })._root;
  return root.data.StructTreeRoot !== undefined;
}

/** The whole tree is built at its first content, in reading order, empty cells included. */
function builtElement(
  document: TaggedDocument,
  tree: Map<StructNode, Built>,
  node: StructNode,
): Built | undefined {
  if (!tree.has(node)) {
    let root = node;
    while (root.parent) root = root.parent;
    if (tree.has(root)) return undefined;
    const element = buildTree(document, tree, root);
    document.addStructure(element);
  }
  return tree.get(node);
}

function buildTree(
  document: TaggedDocument,
  tree: Map<StructNode, Built>,
  node: StructNode,
): StructElement {
  const options = {
    ...(node.alt !== undefined ? { alt: node.alt } : {}),
    ...(node.role === 'TH' ? { scope: 'Column' } : {}),
  };
  const element = document.struct(node.role, options);
  tree.set(node, { element });
  for (const inner of node.children) element.add(buildTree(document, tree, inner));
  return element;
}

/** A header row's text on a page after its first is the repeat, not the content. */
function isRepeatedOnLaterPage(
  document: TaggedDocument,
  tree: Map<StructNode, Built>,
  node: StructNode,
): boolean {
  let row: StructNode | undefined = node;
  while (row && !row.repeatedRow) row = row.parent;
  const built = row ? tree.get(row) : undefined;
  if (!built) return false;
  built.firstPage ??= document.page;
  return built.firstPage !== document.page;
}

installHooks();
