// What the two PDF documents (the situation report and the after-action review) share: the
// palette, the page margins and the ruled table.
import type { CustomTableLayout, Node, NodeQueries } from 'pdfmake/interfaces.js';

export const INK = '#1b1b1b';
export const MUTED = '#555b63';
export const ACCENT = '#1f3a5f';
export const RULE = '#c9ced6';
export const PAGE_MARGINS: [number, number, number, number] = [56, 64, 56, 56];

/** A table ruled under each row, more strongly under its header, with no vertical lines. */
export const ruledTable: CustomTableLayout = {
  hLineWidth: (index) => (index === 1 ? 1.2 : 0.5),
  hLineColor: (index) => (index === 1 ? ACCENT : RULE),
  vLineWidth: () => 0,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/** The style of a running header or footer, and of each of their parts. */
export const RUNNING = 'running';

/**
 * pdfmake's `pageBreakBefore`: a heading goes to the next page when nothing of the body follows
 * it on its own, so that no heading ends a page alone. The running header and footer (pdfmake
 * lists them among the page's nodes), containers and nodes in `ignoredStyles` are no company.
 */
export function headingKeptWithContent(ignoredStyles: string[] = []) {
  const ignored = new Set([RUNNING, ...ignoredStyles]);
  return (node: Node, following: NodeQueries): boolean =>
    node.headlineLevel !== undefined &&
    withoutTableStart(
      following
        .getFollowingNodesOnPage()
        .filter((next) => next.text !== undefined || next.svg !== undefined)
        .filter((next) => !ignored.has(String(next.style))),
    ).length === 0;
}

/**
 * The nodes without a table's header row and first row: pdfmake keeps the two together
 * (`keepWithHeaderRows`) and, when it moves them on to the next page, still lists them on the
 * page where the table began.
 */
function withoutTableStart(nodes: Node[]): Node[] {
  const kept: Node[] = [];
  let cellsToSkip = 0;
  for (const [index, node] of nodes.entries()) {
    if (node.style === 'tableHeader') {
      cellsToSkip = nodes[index - 1]?.style === 'tableHeader' ? cellsToSkip + 1 : 1;
    } else if (node.style === 'tableCell' && cellsToSkip > 0) {
      cellsToSkip -= 1;
    } else {
      kept.push(node);
    }
  }
  return kept;
}
