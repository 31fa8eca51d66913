import { LineRuleType } from 'docx';
import { documentLanguage } from './common.ts';

// What the two Word documents (the situation report and the after-action review) share: the
// palette, the A4 page and the styles of body text, title and headings.
export const ACCENT = '1F3A5F';
export const MUTED = '555B63';
export const RULE = 'C9CED6';
export const FONT = 'Calibri';

/** An A4 page with 2 cm margins, in twentieths of a point. */
export const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

/** The width of the text between the margins, where a right tab stop lands. */
export const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;

export function headingStyle(size: number, before: number) {
  return {
    run: { font: FONT, size, bold: true, color: ACCENT },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  };
}

/** Body text in the document's language, the title and the two top heading levels. */
export function baseStyles(language = documentLanguage()) {
  return {
    document: {
      run: { font: FONT, size: 22, language: { value: language } },
      // The rule said outright: LibreOffice takes a line without one as exact, and cuts images.
      paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: 44, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 120 } },
    },
    heading1: headingStyle(30, 360),
    heading2: headingStyle(26, 240),
  };
}
