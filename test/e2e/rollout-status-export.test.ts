/**
 * Getting the data out: "Ladda ner CSV" in the rollout-status macro gives an Excel-ready Swedish file of
 * what the reader sees, and the host's PDF/Word export (adfExport) gives a valid ADF document with a
 * section and tables for each of the four macros.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import { ROLLOUT_STATUSES, ROLLOUT_STATUS_LABELS } from '../../src/shared/vocabulary';
import { click, cellDetails, cellStatus, macroFrame, openHostPage, rolloutCell, sharedHostAndBrowser, waitForAnnouncement } from './support';

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

      const [download] = await Promise.all([page.waitForEvent('download'), click(frame.getByRole('button', { name: 'Ladda ner CSV' }))]);
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

describe('CSV download of a region’s list', () => {
  it('has each initiative’s note and link, read with getDetails before the file is made, and no file when that read fails', async () => {
    env.host.macroConfigs.set('2001', 'a2001-rollout-status', { programmeId: DEMO_PROGRAMME_ID, perspective: 'region', regionCode: '03' });
    const page = await openHostPage(env.browser, env.host, { user: 'demo-viewer', page: '2001' });
    try {
      const frame = await macroFrame(page, 'rollout-status');
      const list = frame.locator('table.rs-list');
      await list.waitFor();
      // The regional contacts are details too: they fill in after the first paint.
      await frame.locator('table.rs-list .rs-sub').first().waitFor();

      // The list's read and then the CSV's own read fail (storage busy): no file, a message, a way to try again.
      let failures = 2;
      await page.route('**/api/invoke', (route) => {
        if (failures > 0 && route.request().postData()?.includes('"functionKey":"getDetails"')) {
          failures -= 1;
          return route.fulfill({
            status: 200,
            contentType: 'application/json',
            body: JSON.stringify({ ok: true, body: { ok: false, error: { code: 'RATE_LIMITED', message: 'busy' } } }),
          });
        }
        return route.continue();
      });
      await page.reload();
      const frame2 = await macroFrame(page, 'rollout-status');
      await frame2.locator('table.rs-list').waitFor();
      await frame2.getByText('Kontaktuppgifterna kunde inte hämtas.', { exact: false }).waitFor();
      let downloads = 0;
      page.on('download', () => downloads++);
      await click(frame2.getByRole('button', { name: 'Ladda ner CSV' }));
      const failed = frame2.getByRole('alert').filter({ hasText: 'CSV-filen kunde inte skapas, och ingen fil har laddats ner.' });
      await failed.waitFor();
      assert.match(await failed.innerText(), /Försök igen om en minut\./);
      assert.equal(downloads, 0, 'no partial file');

      const [download] = await Promise.all([page.waitForEvent('download'), click(failed.getByRole('button', { name: 'Försök igen' }))]);
      await waitForAnnouncement(frame2, 'CSV-filen är nedladdad.');
      const text = await readFile(await download.path(), 'utf8');
      const { data } = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: true });
      const [header, ...rows] = data;
      assert.deepEqual(header!.slice(6, 9), ['Anteckning', 'Länk', 'Senast uppdaterad']);
      assert.equal(rows.length, await frame2.locator('table.rs-list tbody tr').count(), 'one line per initiative shown');
      const withNote = rows.find((r) => r[6] !== '');
      assert.ok(withNote, 'some initiative in Region Uppsala has a note');
      assert.equal(downloads, 1);
      // The list's contacts came with the same read.
      await frame2.locator('table.rs-list .rs-sub').first().waitFor();

      // The file says what the cell's details say.
      const initiative = withNote[0]!;
      await click(rolloutCell(frame2, initiative, 'Region Uppsala'));
      const popover = await cellDetails(frame2, initiative, 'Region Uppsala');
      assert.equal((await popover.locator('dt:text-is("Anteckning") + dd').innerText()).trim(), withNote[6]!.replace(/^'/, ''));
    } finally {
      await page.context().close();
      env.host.macroConfigs.set('2001', 'a2001-rollout-status', { programmeId: DEMO_PROGRAMME_ID });
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
