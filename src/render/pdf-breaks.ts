// pdfmake applies `pageBreakBefore` one page break at a time: it lays out the whole document,
// asks about each node in order, and on the first "yes" lays out the whole document again. A
// long report whose headings often fall at a page's foot was laid out twenty times or more.
//
// A heading that goes to the next page starts a fresh page, so what follows it is laid out the
// same whatever came before. `findPageBreaks` therefore lays out only a window of the document,
// from the latest break on, and widens it until the next break is certain; the caller then
// gives those headings `pageBreak: 'before'` and renders without `pageBreakBefore`, in one pass,
// with the same bytes as pdfmake's loop. (Not with the rule again: pdfmake's loop asks about a
// node once, so a heading that found company only in a heading sent on later is not asked anew.)
import pdfMake from 'pdfmake';
import type { Content } from 'pdfmake';
import type { Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/** pdfmake's question: whether a node should go to the next page. */
export type BreakRule = (node: Node, following: NodeQueries) => boolean;

/** A node that closes a window: its style must be one the rule does not count as company. */
export interface WindowEnd {
  style: string;
}

/** Top-level nodes in the first window; later ones start at twice the latest stretch. */
const FIRST_WINDOW = 24;
const END_ID = 'pdf-breaks-window-end';

interface Probe {
  id: string | undefined;
  page: number;
  breaks: boolean;
}

/** What a window's layout showed: each node the rule was asked about, and the end's page. */
class WindowLaidOut {
  constructor(
    readonly probes: Probe[],
    readonly endPage: number,
  ) {}
}

/**
 * The ids of the top-level nodes that `rule` sends to the next page, in the order pdfmake's own
 * loop finds them. The document `build` gives is read once and left as it was: each window is
 * laid out from a copy (pdfmake writes into its nodes). A node the rule sends on must be a
 * top-level node with an id (a section's heading).
 */
export async function findPageBreaks(
  build: () => TDocumentDefinitions,
  rule: BreakRule,
  end: WindowEnd,
): Promise<string[]> {
  const definition = build();
  const content = definition.content as Content[];
  const breaks: string[] = [];
  let size = FIRST_WINDOW;
  for (;;) {
    const start = breaks.at(-1);
    const from = indexOf(content, start);
    const complete = from + size >= content.length;
    const laidOut = await layOut(definition, content.slice(from, from + size), rule, end);
    const found = laidOut.probes.find((probe) => probe.breaks && probe.id !== start);
    // The rule looks at what follows a node on its page: known only for pages the window fills.
    if (found && (complete || found.page < laidOut.endPage - 1)) {
      if (found.id === undefined) throw new Error('a page break before a node without an id');
      breaks.push(found.id);
      size = Math.max(FIRST_WINDOW, 2 * (indexOf(content, found.id) - from));
    } else if (complete) {
      return breaks;
    } else {
      size *= 2;
    }
  }
}

function indexOf(content: Content[], id: string | undefined): number {
  if (id === undefined) return 0;
  const index = content.findIndex((node) => (node as { id?: string }).id === id);
  if (index === -1) throw new Error(`a page break before a node that is not at the top: ${id}`);
  return index;
}

/**
 * Lays out a copy of the window alone, asks `rule` about each node, and stops before drawing
 * anything.
 */
async function layOut(
  definition: TDocumentDefinitions,
  window: Content[],
  rule: BreakRule,
  end: WindowEnd,
): Promise<WindowLaidOut> {
  const probes: Probe[] = [];
  const probe = (node: Node, following: NodeQueries): boolean => {
    const page = node.pageNumbers[0] ?? node.startPosition.pageNumber;
    if (node.id === END_ID) throw new WindowLaidOut(probes, page);
    probes.push({ id: node.id, page, breaks: rule(node, following) });
    return false;
  };
  // The running header and footer are laid out after the body and move nothing in it.
  const { header: _header, footer: _footer, content: _whole, ...body } = definition;
  try {
    await pdfMake
      .createPdf({
        ...freshCopy(body),
        content: [...freshCopy(window), { text: '.', id: END_ID, style: end.style }],
        pageBreakBefore: probe,
      })
      .getBuffer();
  } catch (error) {
    if (error instanceof WindowLaidOut) return error;
    throw error;
  }
  throw new Error('pdfmake drew a window without asking about its end');
}

/**
 * A copy of a document definition for one layout: its arrays and plain objects are copied (pdfmake
 * writes its measures into them), an object met twice (tagging links nodes) is copied once, and
 * everything else (functions, strings) is shared.
 */
export function freshCopy<T>(value: T, copies = new Map<object, unknown>()): T {
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const inner of value) copy.push(freshCopy(inner, copies));
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, inner] of Object.entries(value)) copy[key] = freshCopy(inner, copies);
  return copy as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
