// The report's Markdown subset rendered as React elements: no HTML string is ever injected.
// The parser reads what the section editor writes: the published renderer's rules
// (src/render/markdown-text.ts) with headings and GFM tables.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { Fragment, type ReactNode, createElement } from 'react';
import { isSafeUrl } from '../../../render/markdown-text.ts';

const parser = new MarkdownIt('zero', { html: false, linkify: false, typographer: false });
parser.enable([
  'paragraph',
  'list',
  'emphasis',
  'link',
  'newline',
  'escape',
  'entity',
  'backticks',
  'heading',
  'table',
]);
parser.validateLink = isSafeUrl;

const allowedTags = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'code',
  'br',
  'h2',
  'h3',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

interface Frame {
  token: Token | null;
  children: ReactNode[];
}

function build(tokens: Token[]): ReactNode[] {
  const stack: Frame[] = [{ token: null, children: [] }];
  let key = 0;
  const top = () => stack[stack.length - 1]!;
  for (const token of tokens) {
    if (token.nesting === 1) {
      stack.push({ token, children: [] });
    } else if (token.nesting === -1) {
      const frame = stack.length > 1 ? stack.pop()! : top();
      const opening = frame.token;
      top().children.push(element(opening, frame.children, key++));
    } else if (token.type === 'inline') {
      top().children.push(<Fragment key={key++}>{build(token.children ?? [])}</Fragment>);
    } else if (token.type === 'text' || token.type === 'html_inline') {
      top().children.push(token.content);
    } else if (token.type === 'softbreak') {
      top().children.push('\n');
    } else if (token.type === 'hardbreak') {
      top().children.push(<br key={key++} />);
    } else if (token.type === 'code_inline') {
      top().children.push(<code key={key++}>{token.content}</code>);
    } else if (token.content) {
      top().children.push(token.content);
    }
  }
  return stack[0]!.children;
}

function element(opening: Token | null, children: ReactNode[], key: number): ReactNode {
  if (!opening || !allowedTags.has(opening.tag) || opening.hidden) {
    return <Fragment key={key}>{children}</Fragment>;
  }
  const props: Record<string, unknown> = { key };
  if (opening.tag === 'a') {
    const href = opening.attrGet('href');
    if (!href || !isSafeUrl(href)) return <Fragment key={key}>{children}</Fragment>;
    props.href = href;
    props.rel = 'noopener';
  }
  if (opening.tag === 'ol') {
    const start = Number(opening.attrGet('start'));
    if (start > 1) props.start = start;
  }
  return createElement(opening.tag, props, ...children);
}

/** A block of the Markdown subset: paragraphs, headings, lists, tables, emphasis, links. */
export function Markdown({ text }: { text: string }) {
  return <div className="prose">{build(parser.parse(text, {}))}</div>;
}

/** One line of the subset (emphasis and links, no blocks). */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{build(parser.parseInline(text, {}))}</>;
}
