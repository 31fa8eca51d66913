// Authored text rendered as React elements from markdown-tree.ts: no HTML string is ever injected.
import { Fragment, type ReactNode, createElement } from 'react';
import type { Dialect } from '../../../render/markdown-blocks.ts';
import { type MarkdownNode, inlineMarkdownTree, markdownTree } from './markdown-tree.ts';

function toReact(nodes: MarkdownNode[]): ReactNode[] {
  return nodes.map((node, index) =>
    typeof node === 'string' ? (
      <Fragment key={index}>{node}</Fragment>
    ) : (
      createElement(
        node.tag,
        { key: index, ...node.attrs },
        ...(node.children.length > 0 ? [toReact(node.children)] : []),
      )
    ),
  );
}

/**
 * A block of authored text: in the editor's dialect (`gfm`) or the report subset, its headings
 * `headingOffset` levels below h1 (under the heading of the section it is in).
 */
export function Markdown({
  text,
  dialect,
  headingOffset,
}: {
  text: string;
  dialect: Dialect;
  headingOffset: number;
}) {
  return <div className="prose">{toReact(markdownTree(text, { dialect, headingOffset }))}</div>;
}

/** One line of the subset (emphasis and links, no blocks). */
export function InlineMarkdown({ text }: { text: string }) {
  return <>{toReact(inlineMarkdownTree(text))}</>;
}
