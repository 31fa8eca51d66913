import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TAG = /<([a-zA-Z][\w:-]*)([^>]*)>/g;
const ATTRIBUTE = /([^\s"'=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;
const FORBIDDEN_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'base', 'form', 'frame']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset']);
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/i;

/** Every element or attribute in the markup that could run code or load a dangerous URL. */
export function activeContentProblems(markup: string): string[] {
  const problems: string[] = [];
  for (const [, name = '', attributes = ''] of markup.matchAll(TAG)) {
    if (FORBIDDEN_TAGS.has(name.toLowerCase())) {
      problems.push(`<${name}> element`);
    }
    for (const [, attribute = '', rawValue = ''] of attributes.matchAll(ATTRIBUTE)) {
      problems.push(...attributeProblems(name, attribute.toLowerCase(), unquote(rawValue)));
    }
  }
  return problems;
}

function attributeProblems(tag: string, attribute: string, value: string): string[] {
  if (attribute.startsWith('on')) {
    return [`event handler ${attribute} on <${tag}>`];
  }
  // eslint-disable-next-line no-control-regex -- browsers ignore control characters in a scheme
  const url = decodeEntities(value).replace(/[\u0000-\u0020\u007f]/g, '');
  if (URL_ATTRIBUTES.has(attribute) && DANGEROUS_SCHEME.test(url)) {
    return [`${attribute}="${value}" on <${tag}>`];
  }
  if (attribute === 'style' && /url\(|expression\(/i.test(value)) {
    return [`style with url() on <${tag}>`];
  }
  return [];
}

function unquote(value: string): string {
  return /^["']/.test(value) ? value.slice(1, -1) : value;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The headings of an HTML page in document order, as [level, text]. */
export function htmlHeadings(html: string): [number, string][] {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map(([, level, inner]) => [
    Number(level),
    decodeEntities((inner ?? '').replace(/<[^>]*>/g, '')).trim(),
  ]);
}

/** The paragraphs of a WordprocessingML body as { style, text, numbered }. */
export function docxParagraphs(xml: string): { style: string; text: string; numbered: boolean }[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((match) => {
    const inner = match[1] ?? match[2] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1] ?? '',
      text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
      numbered: inner.includes('<w:numPr>'),
    };
  });
}

export function pdfToText(pdf: Buffer): string {
  return withTempFile(pdf, '.pdf', (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']));
}

export function pdfInfo(pdf: Buffer): string {
  return withTempFile(pdf, '.pdf', (file) => run('pdfinfo', [file]));
}

function withTempFile<T>(content: Buffer, extension: string, use: (file: string) => T): T {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'render-test-'));
  const file = path.join(directory, `file${extension}`);
  try {
    fs.writeFileSync(file, content);
    return use(file);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`${command} failed (${result.error.message}); install poppler-utils`);
  }
  if (result.status !== 0) {
    throw new Error(`${command} exited with ${result.status}: ${result.stderr}`);
  }
  return result.stdout;
}

/** One element of a tagged PDF's structure tree as `pdfinfo -struct-text` prints it. */
export interface PdfStructElement {
  role: string;
  attributes: string[];
  text: string;
  children: PdfStructElement[];
}

/** The structure tree of a tagged PDF (poppler's `pdfinfo -struct-text`), from its root. */
export function pdfStructure(pdf: Buffer): PdfStructElement[] {
  const output = withTempFile(pdf, '.pdf', (file) => run('pdfinfo', ['-struct-text', file]));
  const root: PdfStructElement = { role: '', attributes: [], text: '', children: [] };
  const open: { depth: number; element: PdfStructElement }[] = [{ depth: -1, element: root }];
  for (const line of output.split('\n').filter((each) => each.trim() !== '')) {
    const depth = line.length - line.trimStart().length;
    while (open.length > 1 && open.at(-1)!.depth >= depth) open.pop();
    const parent = open.at(-1)!.element;
    const content = line.trim();
    if (content.startsWith('"')) {
      parent.text += content.slice(1, -1);
    } else if (content.startsWith('/')) {
      parent.attributes.push(content);
    } else {
      const element = {
        role: content.replace(/:$| \(.*\)$/g, ''),
        attributes: [],
        text: '',
        children: [],
      };
      parent.children.push(element);
      open.push({ depth, element });
    }
  }
  return root.children;
}

/** Every element of the tree in reading order, depth first. */
export function flattenStructure(elements: PdfStructElement[]): PdfStructElement[] {
  return elements.flatMap((element) => [element, ...flattenStructure(element.children)]);
}

/** The text of an element and everything under it. */
export function structText(element: PdfStructElement): string {
  return element.text + element.children.map(structText).join('');
}

/** The alternative texts (/Alt) of a PDF's figures, in the order they are written. */
export function pdfFigureAlternatives(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\/S \/Figure\n\/Alt \(((?:\\.|[^\\)])*)\)/g)].map(([, literal]) =>
    decodePdfString(literal ?? ''),
  );
}

function decodePdfString(literal: string): string {
  const bytes = Buffer.from(
    literal.replace(/\\([0-7]{1,3}|.)/gs, (_, escaped: string) =>
      /^[0-7]+$/.test(escaped)
        ? String.fromCharCode(parseInt(escaped, 8))
        : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[escaped] ?? escaped),
    ),
    'latin1',
  );
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1');
  const utf16 = bytes.subarray(2);
  return Buffer.from(utf16).swap16().toString('utf16le');
}

/** The value of a name in the PDF's catalog, e.g. `/Lang (sv-SE)` gives "sv-SE" for "Lang". */
export function pdfCatalogValue(pdf: Buffer, key: string): string | undefined {
  const match = new RegExp(`/${key} (\\(([^)]*)\\)|\\S+)`).exec(pdf.toString('latin1'));
  return match ? (match[2] ?? match[1]) : undefined;
}
