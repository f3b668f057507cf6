/**
 * Getting the data out: "Ladda ner CSV" in the rollout-status macro gives an Excel-ready Swedish file of
 * what the reader sees, and the host's PDF/Word export (adfExport) gives a valid ADF document with a
 * section and tables for each of the four macros.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { ROLLOUT_STATUSES, ROLLOUT_STATUS_LABELS } from '../../src/shared/vocabulary';
import { cellStatus, macroFrame, openHostPage, rolloutCell, sharedHostAndBrowser, waitForAnnouncement } from './support';

const env = sharedHostAndBrowser();

const SV_LABELS = new Set(ROLLOUT_STATUSES.map((s) => ROLLOUT_STATUS_LABELS[s].sv));

describe('CSV download', () => {
  it('as a reader gives a BOM-prefixed, ";"-separated Swedish file with statuses in words', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'demo-viewer' });
    try {
      const frame = await macroFrame(page, 'rollout-status');
      await frame.locator('table.rs-matrix').waitFor();
      const rowCount = await frame.locator('table.rs-matrix tbody tr').count();
      const stockholm = await cellStatus(rolloutCell(frame, '1177 inkorg – digitala kallelser', 'Region Stockholm'));

      const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Ladda ner CSV' }).click()]);
      await waitForAnnouncement(frame, 'CSV-filen är nedladdad.');
      assert.match(download.suggestedFilename(), /status-per-region-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile(await download.path(), 'utf8');

      assert.equal(text.charCodeAt(0), 0xfeff, 'starts with a UTF-8 BOM, so Excel reads å, ä and ö');
      const lines = text.slice(1).split('\r\n');
      assert.match(lines[0]!, /^Införande;Region Stockholm;Region Uppsala;/, 'Swedish headers, separated by ";"');
      const { data, errors } = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
      assert.deepEqual(errors, []);
      const [header, ...rows] = data;
      assert.equal(header![0], 'Införande');
      assert.equal(header![header!.length - 1], 'Infört', 'the summary column');
      assert.equal(header!.length, 1 + 21 + 1, 'one column per region');
      assert.equal(rows.length, rowCount, 'one line per initiative shown');

      const statusValues = rows.flatMap((r) => r.slice(1, -1));
      for (const v of statusValues) assert.ok(SV_LABELS.has(v), `"${v}" is a status in Swedish words`);
      const inkorg = rows.find((r) => r[0] === '1177 inkorg – digitala kallelser');
      assert.equal(inkorg?.[header!.indexOf('Region Stockholm')], ROLLOUT_STATUS_LABELS[stockholm].sv, 'the file says what the matrix shows');
      assert.match(inkorg![inkorg!.length - 1]!, /^\d+ av 21$/);
    } finally {
      await page.context().close();
    }
  });
});

interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
}

const textOf = (n: AdfNode): string => (n.text ?? '') + (n.content ?? []).map(textOf).join('');

describe('ADF export of page 1001', () => {
  it('returns a valid document with a section and tables for each of the four macros', async () => {
    const res = await fetch(new URL('/export/1001.adf.json?user=anonymous', env.host.url));
    // The host validates the document against the ADF schema and answers 422 when it is not valid.
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const doc = (await res.json()) as AdfNode & { version: number };
    assert.equal(doc.version, 1);
    assert.equal(doc.type, 'doc');

    const nodes = doc.content ?? [];
    const sections = [/^Status över införanden per region – /, /^Teknisk utveckling och anpassningar – /, /^Plan för införandestöd – /, /^Roadmap – /];
    const starts = sections.map((re) => nodes.findIndex((n) => n.type === 'heading' && re.test(textOf(n))));
    assert.ok(starts.every((i) => i >= 0), `a heading for each macro: ${starts.join(', ')}`);
    assert.deepEqual([...starts].sort((a, b) => a - b), starts, 'in page order');
    starts.forEach((start, i) => {
      const section = nodes.slice(start, starts[i + 1] ?? nodes.length);
      assert.ok(section.some((n) => n.type === 'table'), `${sections[i]} has a table`);
    });

    // The rollout-status table: initiatives as rows, the regions' short names as columns, statuses in words.
    const table = nodes.slice(starts[0], starts[1]).find((n) => n.type === 'table')!;
    const rows = (table.content ?? []).map((row) => (row.content ?? []).map(textOf));
    assert.equal(rows[0]![0], 'Införande');
    assert.ok(rows[0]!.includes('Stockholm'));
    const inkorg = rows.find((r) => r[0]!.startsWith('1177 inkorg – digitala kallelser'));
    assert.ok(inkorg, 'a row per initiative');
    const stockholm = inkorg[rows[0]!.indexOf('Stockholm')]!;
    assert.ok([...SV_LABELS].some((l) => stockholm.startsWith(l)), `"${stockholm}" is a status in words`);
  });
});
