/**
 * A small typed builder for the subset of the Atlassian Document Format the exports use.
 *
 * Output safety by construction: data only ever becomes the `text` of a text node (ADF has no markup to
 * inject into), and a link only ever becomes a `link` mark after it has been checked to be http(s).
 */

export interface AdfMark {
  type: 'strong' | 'em' | 'link';
  attrs?: { href: string };
}

export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Array<AdfNode | AdfText>;
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export type Inline = AdfText;

/** http(s) URLs with a host, normalised; anything else (javascript:, data:, relative, garbage) is null. */
export function safeHref(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  try {
    const url = new URL(raw.trim());
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0) return url.href;
  } catch {
    // not a URL
  }
  return null;
}

export interface TextOptions {
  strong?: boolean;
  em?: boolean;
  /** Becomes a link mark only if it is a safe http(s) URL; otherwise the text stays plain. */
  link?: string | null;
}

/** ADF forbids empty text nodes, so empty strings produce no node at all. */
export function text(value: string, options: TextOptions = {}): Inline[] {
  if (value.length === 0) return [];
  const marks: AdfMark[] = [];
  const href = safeHref(options.link);
  if (href) marks.push({ type: 'link', attrs: { href } });
  if (options.strong) marks.push({ type: 'strong' });
  if (options.em) marks.push({ type: 'em' });
  return [marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

type InlineInput = string | Inline[];

function inlines(parts: InlineInput[]): Inline[] {
  return parts.flatMap((part) => (typeof part === 'string' ? text(part) : part));
}

export function paragraph(...parts: InlineInput[]): AdfNode {
  const content = inlines(parts);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

export function heading(level: 1 | 2 | 3 | 4 | 5 | 6, ...parts: InlineInput[]): AdfNode {
  const content = inlines(parts);
  return content.length > 0 ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } };
}

/** A note panel; PDF and Word render it as a boxed paragraph. */
export function panel(panelType: 'info' | 'note' | 'warning', ...blocks: AdfNode[]): AdfNode {
  return { type: 'panel', attrs: { panelType }, content: blocks };
}

export function bulletList(items: AdfNode[][]): AdfNode {
  return { type: 'bulletList', content: items.map((blocks) => ({ type: 'listItem', content: blocks })) };
}

export type CellInput = InlineInput | AdfNode[];

function cellBlocks(input: CellInput): AdfNode[] {
  if (Array.isArray(input) && input.length > 0 && input[0].type !== 'text') return input as AdfNode[];
  return [paragraph(input as InlineInput)];
}

export function headerCell(input: CellInput): AdfNode {
  return { type: 'tableHeader', content: cellBlocks(input) };
}

export function dataCell(input: CellInput): AdfNode {
  return { type: 'tableCell', content: cellBlocks(input) };
}

export function tableRow(cells: AdfNode[]): AdfNode {
  return { type: 'tableRow', content: cells };
}

/**
 * A table whose first row holds column headers and whose first column holds row headers, so readers of
 * the PDF (and screen readers of a tagged PDF) can tell headers from data.
 */
export function table(columnHeaders: CellInput[], rows: Array<{ header: CellInput; cells: CellInput[] }>): AdfNode {
  return {
    type: 'table',
    attrs: { isNumberColumnEnabled: false, layout: 'default' },
    content: [
      tableRow(columnHeaders.map(headerCell)),
      ...rows.map((row) => tableRow([headerCell(row.header), ...row.cells.map(dataCell)])),
    ],
  };
}

export function doc(content: AdfNode[]): AdfDoc {
  return { type: 'doc', version: 1, content };
}
