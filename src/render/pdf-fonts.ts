// pdfkit opens its fonts per document: every pdfmake document (each layout window of
// pdf-breaks.ts, then the drawing) read the font files again, fontkit parsed their tables again,
// and every word was shaped again. Here the documents share, per font file, one parsed fontkit
// font and one cache of shaped words; each document still keeps its own subset and font id, so
// its bytes are the same.
import { createRequire } from 'node:module';

/** pdfmake's pdfkit document, as far as its fonts go. */
interface PdfMakeDocument {
  _font: unknown;
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
  font(src: unknown, family?: unknown, size?: unknown): PdfMakeDocument;
}

/** pdfmake's own class, from the same module instance its `createPdf` uses. */
const PdfMakeDocument = (
  createRequire(import.meta.url)('pdfmake/js/PDFDocument.js') as {
    default: { prototype: PdfMakeDocument };
  }
).default;

/** pdfkit's embedded font, as far as it is shared: its fontkit font and its shaped words. */
interface EmbeddedFont {
  font: object;
  layoutCache?: Record<string, unknown>;
  constructor: EmbeddedFontClass;
}

type EmbeddedFontClass = new (document: PdfMakeDocument, font: object, id: string) => EmbeddedFont;

/** Shaped words kept per font before the cache starts afresh (a few MB). */
const MAX_SHAPED_WORDS = 50_000;

/** One font file's parsed font and shaped words; never a document, which would stay in memory. */
class SharedFont {
  private readonly parsed: object;
  private readonly embeddedFont: EmbeddedFontClass;
  private shaped: Record<string, unknown> = Object.create(null);

  constructor(firstOpened: EmbeddedFont) {
    this.parsed = firstOpened.font;
    this.embeddedFont = firstOpened.constructor;
    this.share(firstOpened);
  }

  /** The font in a new document: a new embedded font (own subset and id) on the parsed font. */
  embedIn(document: PdfMakeDocument): EmbeddedFont {
    if (Object.keys(this.shaped).length > MAX_SHAPED_WORDS) this.shaped = Object.create(null);
    const embedded = new this.embeddedFont(document, this.parsed, `F${++document._fontCount}`);
    this.share(embedded);
    return embedded;
  }

  /** pdfkit leaves the word cache out when a document asks for no layout cache. */
  private share(embedded: EmbeddedFont): void {
    if (embedded.layoutCache) embedded.layoutCache = this.shaped;
  }
}

const sharedFonts = new Map<string, SharedFont>();
let sharedPaths = new Set<string>();

/** Fonts opened by these file paths are parsed once per process and shared between documents. */
export function shareFontFiles(paths: Iterable<string>): void {
  sharedPaths = new Set(paths);
  sharedFonts.clear();
}

const openFont = PdfMakeDocument.prototype.font;

PdfMakeDocument.prototype.font = function font(this: PdfMakeDocument, src, family, size) {
  const byPath = typeof src === 'string' && typeof family !== 'string' && sharedPaths.has(src);
  if (!byPath || src in this._fontFamilies) {
    return openFont.call(this, src, family, size);
  }
  const shared = sharedFonts.get(src);
  if (!shared) {
    openFont.call(this, src, family, size);
    sharedFonts.set(src, new SharedFont(this._font as EmbeddedFont));
    return this;
  }
  // Registered under its path, pdfkit's own cache key for a font opened by path, then selected.
  this._fontFamilies[src] = shared.embedIn(this);
  return openFont.call(this, src, family, size);
};
