// Tables that stack into one card per row on phones hide their column headings, so each cell
// carries its heading in data-label, which styles.css shows before the cell's text there (with an
// empty alternative text: screen readers still hear the heading from the table itself).

const stackedTables = '.table--stack, .table-wrap > .table--dense';

/** A heading's text as it is seen: without what only screen readers get. */
function visibleText(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node instanceof Element) {
      if (!node.classList.contains('visually-hidden')) text += visibleText(node);
    } else {
      text += node.textContent ?? '';
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible heading of each column of a table, by column index. */
function columnHeadings(table: HTMLTableElement): string[] {
  const headings: string[] = [];
  for (const heading of table.tHead?.rows[0]?.cells ?? []) {
    for (let span = 0; span < heading.colSpan; span++) headings.push(visibleText(heading));
  }
  return headings;
}

/** Gives each body cell of a stacking table its column's visible heading as data-label. */
export function labelStackedCells(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>(stackedTables)) {
    const headings = columnHeadings(table);
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const heading = headings[column] ?? '';
          column += cell.colSpan;
          if (cell.tagName !== 'TD' || cell.getAttribute('data-label') === heading) continue;
          if (heading) cell.setAttribute('data-label', heading);
          else cell.removeAttribute('data-label');
        }
      }
    }
  }
}

/** Keeps the labels up to date while the app renders rows and switches language. */
export function watchStackedCells(root: HTMLElement): void {
  labelStackedCells(root);
  new MutationObserver(() => labelStackedCells(root)).observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}
