import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { type BreakRule, type TextRun, inlineRuns, isSafeUrl, parser } from './markdown-text.ts';

/**
 * Authored text as a tree of blocks, from the one markdown-it parse that every renderer shares.
 * Two dialects: 'gfm' (CommonMark with GFM tables, a single newline is a line break: what the
 * editor writes) and 'subset' (the report subset of snapshots published before it).
 */
export type TextBlock =
  | { kind: 'paragraph'; lines: TextRun[][] }
  | { kind: 'heading'; level: number; lines: TextRun[][] }
  | { kind: 'list'; ordered: boolean; start: number; items: TextBlock[][] }
  | { kind: 'table'; align: CellAlign[]; header: TextRun[][]; rows: TextRun[][][] }
  | { kind: 'quote'; blocks: TextBlock[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

export type CellAlign = 'left' | 'center' | 'right';
export type Dialect = 'gfm' | 'subset';

const gfmParser = createGfmParser();

function createGfmParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', {
    html: false,
    xhtmlOut: false,
    linkify: false,
    breaks: true,
  });
  md.enable(['table']);
  md.disable(['image', 'html_block', 'html_inline']);
  md.validateLink = isSafeUrl;
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index]?.attrSet('rel', 'noopener');
    return self.renderToken(tokens, index, options);
  };
  md.renderer.rules.table_open = () => '<div class="table-wrap">\n<table>\n';
  md.renderer.rules.table_close = () => '</table>\n</div>\n';
  md.renderer.rules.th_open = (tokens, index) => cellOpen(tokens[index], 'th');
  md.renderer.rules.td_open = (tokens, index) => cellOpen(tokens[index], 'td');
  return md;
}

// A class instead of markdown-it's style attribute, which a strict style-src would drop.
function cellOpen(token: Token | undefined, tag: 'th' | 'td'): string {
  const align = token ? cellAlign(token) : 'left';
  const scope = tag === 'th' ? ' scope="col"' : '';
  const classes = { left: '', right: ' class="num"', center: ' class="center"' }[align];
  return `<${tag}${scope}${classes}>`;
}

/** A table cell's alignment, from the style markdown-it gives it. */
export function cellAlign(token: Token): CellAlign {
  const style = token.attrGet('style') ?? '';
  if (style.includes('right')) return 'right';
  if (style.includes('center')) return 'center';
  return 'left';
}

/**
 * GFM text as safe HTML: raw HTML is escaped, unsafe links are left as text, a heading in the
 * text sits below the heading of its section (`headingOffset` levels down).
 */
export function gfmToHtml(markdown: string, headingOffset: number): string {
  const tokens = gfmParser.parse(markdown, {});
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${textHeadingLevel(Number(token.tag.slice(1)), headingOffset)}`;
    }
  }
  return gfmParser.renderer.render(tokens, gfmParser.options, {});
}

const BREAKS: Record<Dialect, BreakRule> = {
  gfm: { soft: '\n', hard: '\n' },
  subset: { soft: ' ', hard: '\n' },
};

/**
 * A heading of any level (1–6) in authored text, placed `headingOffset` levels below h1: under the
 * heading of its section, never above the h6 the outputs have.
 */
export function textHeadingLevel(level: number, headingOffset: number): number {
  return Math.min(6, level + headingOffset);
}

/** The parser of a dialect: every renderer and the web app's preview read authored text with it. */
export function parserFor(dialect: Dialect): MarkdownIt {
  return dialect === 'gfm' ? gfmParser : parser;
}

export function markdownToTextBlocks(markdown: string, dialect: Dialect): TextBlock[] {
  const tokens = parserFor(dialect).parse(markdown, {});
  return new BlockReader(tokens, BREAKS[dialect]).blocksUntil(null);
}

class BlockReader {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly breaks: BreakRule,
  ) {}

  blocksUntil(closing: string | null): TextBlock[] {
    const blocks: TextBlock[] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === closing) break;
      const block = this.block(token);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  private next(): Token {
    const token = this.tokens[this.index] as Token;
    this.index += 1;
    return token;
  }

  private block(token: Token): TextBlock | null {
    switch (token.type) {
      case 'paragraph_open':
        return { kind: 'paragraph', lines: this.inlineLines('paragraph_close') };
      case 'heading_open':
        return {
          kind: 'heading',
          level: Number(token.tag.slice(1)),
          lines: this.inlineLines('heading_close'),
        };
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token);
      case 'blockquote_open':
        return { kind: 'quote', blocks: this.blocksUntil('blockquote_close') };
      case 'table_open':
        return this.table();
      case 'fence':
      case 'code_block':
        return { kind: 'code', text: token.content.replace(/\n$/, '') };
      case 'hr':
        return { kind: 'rule' };
      default:
        return null;
    }
  }

  /** The inline content up to the closing token, split into lines at its line breaks. */
  private inlineLines(closing: string): TextRun[][] {
    let runs: TextRun[] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === closing) break;
      if (token.type === 'inline')
        runs = runs.concat(inlineRuns(token.children ?? [], this.breaks));
    }
    return splitLines(runs);
  }

  private list(open: Token): TextBlock {
    const ordered = open.type === 'ordered_list_open';
    const closing = ordered ? 'ordered_list_close' : 'bullet_list_close';
    const items: TextBlock[][] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === closing) break;
      if (token.type === 'list_item_open') items.push(this.blocksUntil('list_item_close'));
    }
    const start = Number(open.attrGet('start') ?? 1);
    return { kind: 'list', ordered, start, items };
  }

  private table(): TextBlock {
    const align: CellAlign[] = [];
    const rows: TextRun[][][] = [];
    let row: TextRun[][] = [];
    let inHeader = false;
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === 'table_close') break;
      if (token.type === 'thead_open') inHeader = true;
      if (token.type === 'thead_close') inHeader = false;
      if (token.type === 'tr_open') row = [];
      if (token.type === 'tr_close') rows.push(row);
      if (inHeader && token.type === 'th_open') align.push(cellAlign(token));
      if (token.type === 'inline') {
        row.push(inlineRuns(token.children ?? [], { soft: ' ', hard: ' ' }));
      }
    }
    const [header = [], ...body] = rows;
    return { kind: 'table', align, header, rows: body };
  }
}

/** Runs split at their "\n" into lines of runs. */
export function splitLines(runs: TextRun[]): TextRun[][] {
  const lines: TextRun[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines.at(-1)?.push({ ...run, text: part });
    });
  }
  return lines;
}
