// Authored text as a tree of elements for the web app's preview, read with the very parser the
// published outputs use (src/render/markdown-blocks.ts), so that the preview shows what HTML, PDF
// and Word will: in the editor's dialect a newline is a line break, and a heading of any level
// sits below its section's heading. No HTML string is ever produced.
import type Token from 'markdown-it/lib/token.mjs';
import {
  type Dialect,
  cellAlign,
  parserFor,
  textHeadingLevel,
} from '../../../render/markdown-blocks.ts';
import { isSafeUrl, parser as subsetParser } from '../../../render/markdown-text.ts';

export type MarkdownNode = string | MarkdownElement;

export interface MarkdownElement {
  tag: string;
  attrs: Record<string, string | number>;
  children: MarkdownNode[];
}

const allowedTags = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'code',
  'pre',
  'blockquote',
  'br',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

interface Reading {
  dialect: Dialect;
  headingOffset: number;
}

interface Frame {
  token: Token | null;
  children: MarkdownNode[];
}

/** A block of authored text in its dialect, headings `headingOffset` levels below h1. */
export function markdownTree(text: string, reading: Reading): MarkdownNode[] {
  return build(parserFor(reading.dialect).parse(text, {}), reading);
}

/** One line of the report subset (emphasis and links, no blocks). */
export function inlineMarkdownTree(text: string): MarkdownNode[] {
  return build(subsetParser.parseInline(text, {}), { dialect: 'subset', headingOffset: 0 });
}

function build(tokens: Token[], reading: Reading): MarkdownNode[] {
  const stack: Frame[] = [{ token: null, children: [] }];
  const top = () => stack[stack.length - 1]!;
  for (const token of tokens) {
    if (token.nesting === 1) {
      stack.push({ token, children: [] });
    } else if (token.nesting === -1) {
      const frame = stack.length > 1 ? stack.pop()! : top();
      top().children.push(...element(frame.token, frame.children, reading));
    } else {
      top().children.push(...leaf(token, reading));
    }
  }
  return stack[0]!.children;
}

function leaf(token: Token, reading: Reading): MarkdownNode[] {
  switch (token.type) {
    case 'inline':
      return build(token.children ?? [], reading);
    case 'softbreak':
      return reading.dialect === 'gfm' ? [tag('br')] : ['\n'];
    case 'hardbreak':
      return [tag('br')];
    case 'code_inline':
      return [tag('code', {}, [token.content])];
    case 'fence':
    case 'code_block':
      return [tag('pre', {}, [tag('code', {}, [token.content.replace(/\n$/, '')])])];
    case 'hr':
      return [tag('hr')];
    default:
      return token.content ? [token.content] : [];
  }
}

function element(
  opening: Token | null,
  children: MarkdownNode[],
  reading: Reading,
): MarkdownNode[] {
  if (!opening || opening.hidden) return children;
  if (/^h[1-6]$/.test(opening.tag)) {
    const level = textHeadingLevel(Number(opening.tag.slice(1)), reading.headingOffset);
    return [tag(`h${level}`, {}, children)];
  }
  if (!allowedTags.has(opening.tag) || (opening.tag === 'a' && !safeHref(opening))) {
    return children;
  }
  return [tag(opening.tag, attributesOf(opening), children)];
}

function attributesOf(opening: Token): Record<string, string | number> {
  const href = safeHref(opening);
  if (href) return { href, rel: 'noopener' };
  if (opening.tag === 'ol') {
    const start = Number(opening.attrGet('start'));
    return start > 1 ? { start } : {};
  }
  if (opening.tag === 'th' || opening.tag === 'td') {
    const align = { left: '', right: 'num', center: 'center' }[cellAlign(opening)];
    return {
      ...(opening.tag === 'th' && { scope: 'col' }),
      ...(align && { className: align }),
    };
  }
  return {};
}

function safeHref(opening: Token): string | null {
  const href = opening.tag === 'a' ? opening.attrGet('href') : null;
  return href && isSafeUrl(href) ? href : null;
}

function tag(
  name: string,
  attrs: Record<string, string | number> = {},
  children: MarkdownNode[] = [],
): MarkdownElement {
  return { tag: name, attrs, children };
}
