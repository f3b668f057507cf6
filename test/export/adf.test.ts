import { doc, paragraph, safeHref, table, text } from '../../src/export/adf';
import { adfErrors } from './adf-schema';

describe('safeHref', () => {
  it('accepts http and https links with a host', () => {
    expect(safeHref('https://www.inera.se/tjanster/')).toBe('https://www.inera.se/tjanster/');
    expect(safeHref('  http://example.org ')).toBe('http://example.org/');
  });

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', '/relative', 'mailto:a@b.se', 'https://', '', null, undefined])(
    'refuses %p',
    (href) => {
      expect(safeHref(href as string)).toBeNull();
    },
  );
});

describe('ADF building blocks', () => {
  it('never emits an empty text node (ADF forbids them)', () => {
    expect(text('')).toEqual([]);
    const d = doc([paragraph(''), table(['A', ''], [{ header: '', cells: [''] }])]);
    expect(adfErrors(d)).toEqual([]);
  });

  it('the schema check itself rejects invalid ADF', () => {
    expect(adfErrors({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] })).not.toEqual([]);
    expect(adfErrors({ type: 'doc', version: 1, content: [{ type: 'table', content: [] }] })).not.toEqual([]);
  });

  it('puts header cells in the first row and the first column', () => {
    const t = table(['Införande', 'Stockholm'], [{ header: 'FLDV', cells: ['Infört'] }]) as { content: Array<{ content: Array<{ type: string }> }> };
    expect(t.content[0].content.map((c) => c.type)).toEqual(['tableHeader', 'tableHeader']);
    expect(t.content[1].content.map((c) => c.type)).toEqual(['tableHeader', 'tableCell']);
  });
});
