// What the two PDF documents (the situation report and the after-action review) share: the
// palette, the page margins and the ruled table.
import type { CustomTableLayout } from 'pdfmake/interfaces.js';

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
