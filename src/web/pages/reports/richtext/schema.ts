// What a report section's rich text may hold, and its one stored form: Markdown (CommonMark with
// GFM tables), the text every renderer parses. The editor is a view of that Markdown; anything the
// schema has no place for (styles, fonts, images, comments) is dropped on the way in.
import { type AnyExtension, type JSONContent } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import HardBreak from '@tiptap/extension-hard-break';
import { Markdown, MarkdownManager } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { isSafeUrl } from '../../../../render/markdown-text.ts';

/** A hard line break as a backslash at the end of the line: trailing spaces do not survive editing. */
const MarkdownHardBreak = HardBreak.extend({ renderMarkdown: () => '\\\n' });

export const richTextExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    blockquote: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    hardBreak: false,
    link: {
      openOnClick: false,
      autolink: false,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeUrl(url),
    },
  }),
  MarkdownHardBreak,
  TableKit.configure({ table: { resizable: false } }),
  Markdown,
];

const markdown = new MarkdownManager({ extensions: richTextExtensions });

/**
 * Markdown as the editor's document; links the renderers would refuse become plain text, and the
 * holes the parser leaves for an empty list item ("1. " alone) are closed.
 */
export function markdownToDoc(text: string): JSONContent {
  return cleanNode(markdown.parse(text));
}

/** The editor's document as the stored Markdown, without blank lines beyond one between blocks. */
export function docToMarkdown(doc: JSONContent): string {
  return markdown
    .serialize(cleanNode(doc))
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** The stored form a text takes after a trip through the editor (what an untouched editor holds). */
export function canonicalMarkdown(text: string): string {
  return docToMarkdown(markdownToDoc(text));
}

const BLOCK_HOLDERS = new Set(['listItem', 'tableCell', 'tableHeader']);

function cleanNode(node: JSONContent): JSONContent {
  if (node.type && BLOCK_HOLDERS.has(node.type) && !node.content?.length) {
    return { ...node, content: [{ type: 'paragraph' }] };
  }
  const marks = node.marks?.filter(
    (mark) => mark.type !== 'link' || isSafeUrl(String(mark.attrs?.href ?? '')),
  );
  return {
    ...node,
    ...(marks && { marks }),
    ...(node.content && {
      content: node.content.filter((child): child is JSONContent => Boolean(child)).map(cleanNode),
    }),
  };
}

const HEADING_TAG = /<(\/?)h([1-6])(\s[^>]*)?>/gi;
// A pasted table's first row is its header: the stored Markdown table always has one.
const FIRST_TABLE_ROW = /(<table\b[^>]*>\s*(?:<tbody[^>]*>\s*)?<tr\b[^>]*>)([\s\S]*?)(<\/tr>)/gi;
const WORD_LIST_RUN = /(?:<p\b[^>]*mso-list:\s*l\d[^>]*>[\s\S]*?<\/p>\s*)+/gi;
const WORD_LIST_ITEM = /<p\b([^>]*)>([\s\S]*?)<\/p>/gi;
const WORD_LIST_MARKER =
  /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>|<span[^>]*mso-list:\s*Ignore[^>]*>((?:[^<]|<(?!\/?span))*(?:<span[^>]*>[\s\S]*?<\/span>)?)<\/span>/i;

/**
 * HTML pasted from Word or an e-mail, cleared of what only Office reads: conditional comments,
 * comments and the comment list, <o:p> and other namespaced tags, style sheets, images. Word's
 * list paragraphs become real nested lists; headings move into the two levels a section has (a
 * Word "Rubrik 1" becomes a level-2 heading). The editor's schema drops the rest (styles, fonts).
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|xml|title|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<div[^>]*mso-element:\s*comment-list[\s\S]*?(?=<\/body>|$)/i, '')
    .replace(WORD_LIST_RUN, wordListToHtml)
    .replace(FIRST_TABLE_ROW, (_row, open: string, cells: string, close: string) => {
      return open + cells.replace(/<(\/?)td\b/gi, '<$1th') + close;
    })
    .replace(/<!\[if [^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<o:p>[\s\S]*?<\/o:p>/gi, '')
    .replace(/<\/?[a-z]+:[a-z]+\b[^>]*>/gi, '')
    .replace(/<(img|meta|link)\b[^>]*>/gi, '')
    .replace(/<p\b[^>]*>(\s|&nbsp;)*<\/p>/gi, '')
    .replace(HEADING_TAG, (_tag, close: string, level: string, attributes = '') => {
      const shifted = Math.min(3, Math.max(2, Number(level)));
      return `<${close}h${shifted}${close ? '' : attributes}>`;
    });
}

interface WordListItem {
  level: number;
  ordered: boolean;
  html: string;
}

/** Consecutive Word list paragraphs (`mso-list: l0 level2 …`) as nested <ol>/<ul>. */
function wordListToHtml(run: string): string {
  const items: WordListItem[] = [...run.matchAll(WORD_LIST_ITEM)].map(([, attributes, body]) => {
    const marker = WORD_LIST_MARKER.exec(body ?? '');
    const markerText = (marker?.[1] ?? marker?.[2] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|\s/g, '');
    return {
      level: Number(/level(\d)/i.exec(attributes ?? '')?.[1] ?? 1),
      ordered: /^[0-9a-z]+[.)]$/i.test(markerText),
      html: (body ?? '').replace(WORD_LIST_MARKER, ''),
    };
  });
  const open: string[] = [];
  let out = '';
  for (const item of items) {
    if (open.length >= item.level) {
      while (open.length > item.level) out += `</li></${open.pop()}>`;
      out += '</li>';
    }
    while (open.length < item.level) {
      const tag = item.ordered ? 'ol' : 'ul';
      out += `<${tag}>`;
      open.push(tag);
    }
    out += `<li><p>${item.html}</p>`;
  }
  while (open.length > 0) out += `</li></${open.pop()}>`;
  return out;
}
