/**
 * CSV import on the space page (issue 11, decision 0028): the administrator chooses a file with an error and
 * sees it by row and column, chooses the corrected file, sees the preview old → new, imports, and undoes the
 * import; the rollout-status cell follows each step. axe finds no violations in the problems and the preview,
 * in Swedish and English.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Papa from 'papaparse';
import type { Frame, Page } from 'playwright-core';
import { buildDemoProgramme } from '../../dev/demo-data';
import { ROLLOUT_STATUS_LABELS, type RolloutStatus } from '../../src/shared/vocabulary';
import { cellStatus, click, describeViolations, macroFrame, openHostPage, otherStatus, rolloutCell, runAxe, sharedHostAndBrowser } from './support';

const env = sharedHostAndBrowser();
const demo = buildDemoProgramme(new Date());
const first = demo.initiatives[0];
const stored = (code: string): RolloutStatus => first.cells[code]?.status ?? 'not-started';
const target = otherStatus(stored('01'));

async function openSpacePage(locale: 'sv' | 'en'): Promise<{ page: Page; frame: Frame }> {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  const url = new URL('/spaces/INF/apps/inforandeoversikt', env.host.url);
  url.searchParams.set('user', 'demo-admin');
  url.searchParams.set('locale', locale);
  await page.goto(url.toString());
  const element = await page.waitForSelector('iframe[data-module-key="programme-admin"]');
  const frame = (await element.contentFrame())!;
  await frame.waitForSelector('table');
  return { page, frame };
}

/** The matrix as Excel saves it again: BOM, ';', CRLF. */
function csvFile(rows: string[][]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'status.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8') };
}

const label = (s: RolloutStatus, locale: 'sv' | 'en' = 'sv') => ROLLOUT_STATUS_LABELS[s][locale];

/** What the rollout-status macro on the INF page shows for the first initiative in Region Stockholm now. */
async function statusOnPage(): Promise<RolloutStatus> {
  const page = await openHostPage(env.browser, env.host, { user: 'demo-editor' });
  const frame = await macroFrame(page, 'rollout-status');
  const status = await cellStatus(rolloutCell(frame, first.name, 'Region Stockholm'));
  await page.context().close();
  return status;
}

async function assertAxeClean(frame: Frame, what: string) {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
}

test('an import with an error, corrected, previewed, applied and undone', async () => {
  const { page, frame } = await openSpacePage('sv');
  const input = frame.getByLabel('CSV-fil');

  await input.setInputFiles(csvFile([
    ['Införande', 'Region Stockholm', 'Region Uppsala', 'Infört'],
    [first.name, label(target), 'Klart', '0 av 21'],
  ]));
  const summary = frame.locator('.rs-error-summary');
  await summary.getByText(/Rad 2, kolumn 3: Okänd status/).waitFor();
  await assertAxeClean(frame, 'problems, sv');
  await page.screenshot({ path: '.probe/import/e2e-problems-sv.png', fullPage: true });

  await input.setInputFiles(csvFile([
    ['Införande', 'Region Stockholm', 'Region Uppsala', 'Infört'],
    [first.name, label(target), label(stored('03')), '0 av 21'],
  ]));
  const table = frame.getByRole('table', { name: /Ändringar i status\.csv/ });
  await table.waitFor();
  const row = table.getByRole('row', { name: new RegExp(first.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  assert.match((await row.textContent()) ?? '', new RegExp(`Region Stockholm${label(stored('01')).replace(/[()]/g, '\\$&')}${label(target).replace(/[()]/g, '\\$&')}`));
  await frame.locator('p', { hasText: '1 cell ändras, 1 är oförändrad.' }).waitFor();
  await assertAxeClean(frame, 'preview, sv');
  await page.screenshot({ path: '.probe/import/e2e-preview-sv.png', fullPage: true });

  await click(frame.getByRole('button', { name: 'Importera 1 ändring' }));
  await frame.locator('.io-section-message', { hasText: '1 ändring importerades från status.csv.' }).waitFor();
  assert.equal(await statusOnPage(), target);
  await click(frame.getByRole('button', { name: 'Ångra importen', exact: true }));
  await frame.locator('.io-section-message', { hasText: 'Importen är ångrad: 1 cell fick tillbaka sina tidigare värden.' }).waitFor();
  await page.screenshot({ path: '.probe/import/e2e-undone-sv.png', fullPage: true });
  assert.equal(await statusOnPage(), stored('01'));
  await page.context().close();
});

test('the problems and the preview are in English, and axe-clean', async () => {
  const { page, frame } = await openSpacePage('en');
  const input = frame.getByLabel('CSV file');
  await input.setInputFiles(csvFile([
    ['Initiative', 'Region Stockholm', 'Region Upsala'],
    [first.name, label(target, 'en'), '=1+1'],
  ]));
  await frame.locator('.rs-error-summary').getByText(/Row 2, column 3: The cell looks like a formula/).waitFor();
  await assertAxeClean(frame, 'problems, en');
  await input.setInputFiles(csvFile([
    ['Initiative', 'Region Stockholm'],
    [first.name, label(target, 'en')],
  ]));
  await frame.getByRole('table', { name: /Changes in status\.csv/ }).waitFor();
  await frame.getByRole('button', { name: 'Import 1 change' }).waitFor();
  await assertAxeClean(frame, 'preview, en');
  await page.screenshot({ path: '.probe/import/e2e-preview-en.png', fullPage: true });
  await page.context().close();
});

test('a file naming a new initiative: the preview lists it with its cells; applied, it is listed among past imports and undone from there', async () => {
  const { page, frame } = await openSpacePage('sv');
  const input = frame.getByLabel('CSV-fil');
  await input.setInputFiles(csvFile([
    ['Införande', 'Region Stockholm', 'Region Uppsala'],
    [first.name, label(stored('01')), label(stored('03'))],
    ['Helt nytt införande', 'Pilot (tidigt införande)', ''],
  ]));
  await frame.getByText('1 nytt införande skapas:').waitFor();
  await frame.getByText('Nytt införande Helt nytt införande, 1 cell med status (rad 3, kolumn 1)').waitFor();
  const table = frame.getByRole('table', { name: /Ändringar i status\.csv/ });
  await table.getByRole('rowheader', { name: 'Helt nytt införande (nytt)' }).waitFor();
  await assertAxeClean(frame, 'preview with a new initiative, sv');
  await page.screenshot({ path: '.probe/import/e2e-new-initiative-sv.png', fullPage: true });

  await click(frame.getByRole('button', { name: 'Skapa 1 införande och importera 1 ändring' }));
  await frame.locator('.io-section-message', { hasText: '1 ändring importerades från status.csv.' }).waitFor();
  const past = frame.getByRole('table', { name: /Tidigare importer/ });
  await past.getByRole('row', { name: /status\.csv.*1, 1 nytt införande.*Gäller/ }).waitFor();
  await assertAxeClean(frame, 'past imports, sv');
  await click(past.getByRole('button', { name: /^Ångra importen av status\.csv/ }));
  await past.getByRole('row', { name: /status\.csv.*1, 1 nytt införande.*Ångrad/ }).waitFor();
  // Undone from the list: the section above no longer offers its own undo of the same import.
  assert.equal(await frame.getByRole('button', { name: 'Ångra importen', exact: true }).count(), 0);
  await page.screenshot({ path: '.probe/import/e2e-past-imports-sv.png', fullPage: true });
  await page.context().close();
});

test('all cells downloaded for import, a bad month shown by row and column, a window change previewed, applied and undone (decision 0031)', async () => {
  const { page, frame } = await openSpacePage('sv');
  const [download] = await Promise.all([page.waitForEvent('download'), click(frame.getByRole('button', { name: 'Ladda ner alla celler (för import)' }))]);
  const text = readFileSync((await download.path())!, 'utf8');
  assert.ok(text.startsWith('\uFEFFInförande;Kod;Deltagare;Status;Pilot från (ÅÅÅÅ-MM)'), text.slice(0, 120));
  const table = Papa.parse<string[]>(text.slice(1), { delimiter: ';', skipEmptyLines: 'greedy' }).data;
  const k = table.findIndex((l) => l[0] === first.name && l[1] === '01');
  assert.ok(k > 0, 'the first initiative × Region Stockholm has a line');
  const withCell = (col: number, value: string) => {
    const copy = table.map((l) => [...l]);
    copy[k][col] = value;
    return { name: 'celler.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${Papa.unparse(copy, { delimiter: ';', newline: '\r\n' })}\r\n`, 'utf8') };
  };
  const input = frame.getByLabel('CSV-fil');

  await input.setInputFiles(withCell(4, '2031-13'));
  await frame.locator('.rs-error-summary').getByText(new RegExp(`Rad ${k + 1}, kolumn 5: Inte en månad`)).waitFor();
  await assertAxeClean(frame, 'cell lines problems, sv');

  const changed = table.map((l) => [...l]);
  changed[k][4] = '2031-04';
  changed[k][5] = '2031-09';
  await input.setInputFiles({ name: 'celler.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${Papa.unparse(changed, { delimiter: ';', newline: '\r\n' })}\r\n`, 'utf8') });
  const preview = frame.getByRole('table', { name: /Ändringar i celler\.csv/ });
  await preview.waitFor();
  await preview.getByRole('row', { name: /Pilot från.*2031-04/ }).waitFor();
  await preview.getByRole('row', { name: /Pilot till.*2031-09/ }).waitFor();
  await frame.locator('p', { hasText: /^1 cell ändras, \d+ är oförändrade\.$/ }).waitFor();
  await assertAxeClean(frame, 'cell lines preview, sv');
  await page.screenshot({ path: '.probe/import/e2e-cell-lines-preview-sv.png', fullPage: true });

  await click(frame.getByRole('button', { name: 'Importera 1 ändring' }));
  await frame.locator('.io-section-message', { hasText: '1 ändring importerades från celler.csv.' }).waitFor();
  await click(frame.getByRole('button', { name: 'Ångra importen', exact: true }));
  await frame.locator('.io-section-message', { hasText: 'Importen är ångrad: 1 cell' }).waitFor();
  // Undone, the downloaded file imports as a no-op again.
  await input.setInputFiles({ name: 'celler.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await frame.locator('.io-section-message', { hasText: /Filen ändrar ingenting/ }).waitFor();
  await page.context().close();
});
