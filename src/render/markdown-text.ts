import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** A piece of inline text with its formatting, for renderers that cannot take HTML. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Only set for URLs that passed `isSafeUrl`. */
  link?: string;
}

/** A paragraph or a bullet-list item (level 0 = top level) made of runs. */
export type RichBlock =
  { kind: 'paragraph'; runs: TextRun[] } | { kind: 'bullet'; level: number; runs: TextRun[] };

const SAFE_SCHEME = /^(https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Browsers drop tabs and newlines inside a scheme ("java\nscript:"), so they are removed first.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const IGNORED_IN_URL = /[\u0000-\u0020\u007f]/g;

/** True for http(s), mailto and scheme-less (relative or #anchor) URLs. */
export function isSafeUrl(url: string): boolean {
  const compact = url.replace(IGNORED_IN_URL, '');
  if (compact === '' || compact.startsWith('//')) {
    return false;
  }
  return SAFE_SCHEME.test(compact) || !ANY_SCHEME.test(compact.split(/[/?#]/, 1)[0] ?? '');
}

/** True for http(s) and mailto URLs: the only links that mean something outside the web page. */
export function isAbsoluteUrl(url: string): boolean {
  return isSafeUrl(url) && SAFE_SCHEME.test(url.replace(IGNORED_IN_URL, ''));
}

/** The report subset that snapshots without `gfm` were written in. */
export const parser = createParser();

function createParser(): MarkdownIt {
  const md = new MarkdownIt('zero', { html: false, linkify: false, typographer: false });
  md.enable(['paragraph', 'list', 'emphasis', 'link', 'newline', 'escape', 'entity', 'backticks']);
  md.validateLink = isSafeUrl;
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index]?.attrSet('rel', 'noopener');
    return self.renderToken(tokens, index, options);
  };
  return md;
}

/** The report's Markdown subset as safe HTML: raw HTML is escaped, unsafe links are left as text. */
export function markdownToHtml(markdown: string): string {
  return parser.render(markdown);
}

/** One line of the Markdown subset (emphasis and links, no blocks) as safe inline HTML. */
export function inlineMarkdownToHtml(markdown: string): string {
  return parser.renderInline(markdown);
}

export function markdownToRichBlocks(markdown: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let listDepth = 0;
  let inItem = false;
  for (const token of parser.parse(markdown, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      listDepth += 1;
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      listDepth -= 1;
    } else if (token.type === 'list_item_open') {
      inItem = true;
    } else if (token.type === 'list_item_close') {
      // An empty item ("-" alone) has no inline token: the next paragraph is not a bullet.
      inItem = false;
    } else if (token.type === 'inline') {
      const runs = inlineRuns(token.children ?? []);
      blocks.push(
        inItem ? { kind: 'bullet', level: listDepth - 1, runs } : { kind: 'paragraph', runs },
      );
      inItem = false;
    }
  }
  return blocks;
}

/** Inline Markdown (one bullet, one notice) as runs. */
export function inlineMarkdownToRuns(markdown: string): TextRun[] {
  const inline = parser.parseInline(markdown, {})[0];
  return inlineRuns(inline?.children ?? []);
}

/** How a line break in the text comes out: a space, or "\n" in the run's text. */
export interface BreakRule {
  soft: ' ' | '\n';
  hard: ' ' | '\n';
}

const BREAKS_AS_SPACES: BreakRule = { soft: ' ', hard: ' ' };

/** The runs of an inline token's children; line breaks become what `breaks` says. */
export function inlineRuns(children: Token[], breaks: BreakRule = BREAKS_AS_SPACES): TextRun[] {
  const runs: TextRun[] = [];
  const state: { bold: number; italic: number; link?: string } = { bold: 0, italic: 0 };
  for (const child of children) {
    applyInlineToken(child, state, runs, breaks);
  }
  return mergeRuns(runs);
}

function applyInlineToken(
  token: Token,
  state: { bold: number; italic: number; link?: string },
  runs: TextRun[],
  breaks: BreakRule,
): void {
  switch (token.type) {
    case 'strong_open':
    case 'strong_close':
      state.bold += token.nesting;
      return;
    case 'em_open':
    case 'em_close':
      state.italic += token.nesting;
      return;
    case 'link_open':
      state.link = token.attrGet('href') ?? undefined;
      return;
    case 'link_close':
      state.link = undefined;
      return;
    case 'softbreak':
      runs.push(makeRun(breaks.soft, state));
      return;
    case 'hardbreak':
      runs.push(makeRun(breaks.hard, state));
      return;
    default:
      if (token.content !== '') {
        runs.push(makeRun(token.content, state));
      }
  }
}

function makeRun(text: string, state: { bold: number; italic: number; link?: string }): TextRun {
  const run: TextRun = { text };
  if (state.bold > 0) run.bold = true;
  if (state.italic > 0) run.italic = true;
  if (state.link !== undefined) run.link = state.link;
  return run;
}

function mergeRuns(runs: TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameFormat(last, run)) {
      last.text += run.text;
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.link === b.link;
}

/** Runs as plain text; a link whose label differs from its URL is written "label (url)". */
export function runsToPlainText(runs: TextRun[]): string {
  return runs
    .map((run) => (run.link && run.link !== run.text ? `${run.text} (${run.link})` : run.text))
    .join('');
}

export function markdownToPlainText(markdown: string): string {
  return richBlocksToPlainText(markdownToRichBlocks(markdown));
}

export function richBlocksToPlainText(blocks: RichBlock[]): string {
  return blocks
    .map((block, index) => {
      const text = runsToPlainText(block.runs);
      const line = block.kind === 'bullet' ? `${'  '.repeat(block.level)}- ${text}` : text;
      const previous = blocks[index - 1];
      const tight = block.kind === 'bullet' && previous?.kind === 'bullet';
      return index === 0 || tight ? line : `\n${line}`;
    })
    .join('\n');
}
