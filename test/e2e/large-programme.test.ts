/**
 * The app at L: a programme of 50 initiatives × 290 participants (every municipality in Sweden), seeded
 * from the benchmark dataset (bench/datasets.ts) under the demo programme's id, so page 1001 shows it in
 * all four macros. What a reader and an editor would notice at that size: every macro renders without an
 * error, the matrix pages its 290 columns, a cell's note arrives on demand, an edit is saved, announced and
 * shown, and the rollout-status view stays well inside Forge's response limit.
 *
 * Its own file (so its own process): it replaces the demo programme in the host's in-memory KVS.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { buildDataset } from '../../bench/datasets';
import { getInitiative, resetReadCache } from '../../src/storage';
import { MACRO_KEYS, ROLLOUT_STATUS_LABELS, type RolloutStatus } from '../../src/shared/vocabulary';
import {
  click,
  cellDetails,
  cellStatus,
  editCellStatus,
  enterEditMode,
  macroFrame,
  otherStatus,
  rolloutCell,
  sharedHostAndBrowser,
  waitForMacrosReady,
  type DemoUser,
} from './support';

const L = buildDataset('L', 'INF', new Date());
const PARTICIPANTS = L.programme.participants;
const INITIATIVES = L.initiatives;
/** How many participants the rollout-status matrix shows at once (PARTICIPANT_PAGE_SIZE in its view model). */
const PAGE_SIZE = 30;
/** Forge allows 5 MB per invoke response; the rollout-status view at L must stay under 1 MB. */
const VIEW_BUDGET_BYTES = 1024 * 1024;
/** How the app shows an error in a macro: a section message, an inline error, an alert. */
const ERROR_SELECTOR = '.io-section-message--error, .io-inline-error, [role="alert"]';
/** The app's error texts (error-messages.ts, common-messages.ts, the startup error), and values that leaked. */
const ERROR_TEXT = /Något gick fel|kunde inte (laddas|hämtas|startas|skapas)|Ladda om sidan|\bundefined\b|\bNaN\b|\[object Object\]/;

/** The latest update anywhere in the dataset: the date "Senast uppdaterad" must show. */
const LAST_UPDATED = [
  L.programme.updatedAt,
  ...INITIATIVES.flatMap((i) => [
    i.updatedAt,
    ...Object.values(i.cells).map((c) => c.updatedAt),
    ...i.needs.flatMap((n) => Object.values(n.progress).map((p) => p.updatedAt)),
  ]),
]
  .filter((at): at is string => typeof at === 'string')
  .reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

const env = sharedHostAndBrowser({ programme: L.programme, initiatives: INITIATIVES });

interface InvokeCall {
  functionKey: string;
  /** The macro instance the host page called for (the one in the calling iframe's src). */
  instance: string | null;
  payload: unknown;
  status: number;
  /** The response body as it came over the wire. */
  body: Promise<Buffer>;
}

/**
 * Opens page 1001 as `user`, recording every call the host page makes to the server's invoke endpoint
 * (listening before the page loads, so the first getView of each macro is seen), and waits until every
 * macro has said it is ready.
 */
async function openLargePage(user: DemoUser): Promise<{ page: Page; calls: InvokeCall[] }> {
  const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const calls: InvokeCall[] = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() !== 'POST' || new URL(response.url()).pathname !== '/api/invoke') return;
    const sent = JSON.parse(request.postData() ?? '{}') as { functionKey?: string; instance?: string; payload?: unknown };
    const body = response.body();
    // Read at once, while the page is open; a body nobody awaits must not become an unhandled rejection.
    body.catch(() => undefined);
    calls.push({ functionKey: sent.functionKey ?? '', instance: sent.instance ?? null, payload: sent.payload, status: response.status(), body });
  });
  const url = new URL(env.host.url);
  url.searchParams.set('user', user);
  url.searchParams.set('page', '1001');
  url.searchParams.set('locale', 'sv');
  url.searchParams.set('theme', 'light');
  try {
    await page.goto(url.toString());
    await waitForMacrosReady(page);
  } catch (e) {
    await context.close();
    throw e;
  }
  return { page, calls };
}

async function instanceOf(page: Page, moduleKey: string): Promise<string> {
  const src = await page.locator(`iframe.macro-frame[data-module-key="${moduleKey}"]`).getAttribute('src');
  const instance = src ? new URL(src, 'http://invalid').searchParams.get('instance') : null;
  if (!instance) throw new Error(`No instance in the ${moduleKey} iframe's src: ${src}`);
  return instance;
}

async function rolloutFrame(page: Page): Promise<Frame> {
  const frame = await macroFrame(page, 'rollout-status');
  try {
    await frame.locator('table.rs-matrix').waitFor({ timeout: 20_000 });
  } catch (e) {
    const text = await frame.locator('body').innerText().catch(() => '(no body)');
    throw new Error(`The rollout-status matrix did not show: ${(e as Error).message}\n${text.slice(0, 1500)}`);
  }
  return frame;
}

async function assertNoErrorShown(frame: Frame, what: string): Promise<void> {
  const shown = await frame.locator(ERROR_SELECTOR).allInnerTexts();
  assert.deepEqual(shown, [], `${what} shows no error message`);
  const text = await frame.locator('body').innerText();
  const leak = ERROR_TEXT.exec(text);
  assert.equal(leak, null, `${what} shows no error text, but says: …${leak ? text.slice(Math.max(0, leak.index - 150), leak.index + 100) : ''}…`);
}

/** The matrix's column headers as shown (the short names; the full names are for assistive technology). */
async function columnNames(frame: Frame): Promise<string[]> {
  return (await frame.locator('table.rs-matrix thead th.rs-col-head > [aria-hidden="true"]').allInnerTexts()).map((t) => t.trim());
}

/** The initiatives' names in the matrix's row headers, top to bottom. */
async function rowNames(frame: Frame): Promise<string[]> {
  return frame
    .locator('table.rs-matrix tbody th.rs-row-head .rs-initiative')
    // The name is the first child: a link (then "(öppnas i ny flik)" follows for screen readers) or a span.
    .evaluateAll((els) => els.map((el) => ((el.firstElementChild as HTMLElement | null)?.innerText ?? '').split('\n')[0]!.trim()));
}

const pageStatus = (from: number, to: number) => `Visar ${from}–${to} av ${PARTICIPANTS.length} i tabellen`;

describe('a programme of 50 initiatives × 290 municipalities (L) on page 1001, anonymous reader', () => {
  let page: Page | undefined;
  let calls: InvokeCall[] = [];
  const opened = () => {
    if (!page) throw new Error('The page did not open');
    return page;
  };

  before(async () => {
    ({ page, calls } = await openLargePage('anonymous'));
  });
  after(async () => {
    await page?.context().close();
  });

  it('all four macros are ready, with the programme and without an error', { timeout: 45_000 }, async () => {
    const p = opened();
    assert.equal(await p.locator('iframe.macro-frame').count(), MACRO_KEYS.length, 'page 1001 holds all four macros');
    for (const key of MACRO_KEYS) {
      assert.equal(await p.locator(`iframe.macro-frame[data-module-key="${key}"]`).getAttribute('data-ready'), 'true', `${key} said it is ready`);
      const frame = await macroFrame(p, key);
      // The ready event comes with the content or with the error in its place: no error, then the content.
      await assertNoErrorShown(frame, key);
      assert.equal((await frame.locator('.io-header__programme').innerText()).trim(), L.programme.name, `${key} shows the L programme`);
      await frame.locator('table').filter({ visible: true }).first().waitFor({ timeout: 20_000 });
    }
    for (const call of calls) assert.equal(call.status, 200, `${call.functionKey} answered HTTP 200`);
  });

  it('the matrix shows the initiatives, the first 30 municipalities and "Senast uppdaterad"', { timeout: 30_000 }, async () => {
    const frame = await rolloutFrame(opened());
    // The first rows paint first, the rest follow at once: wait for the last initiative's row.
    await frame.locator('table.rs-matrix tbody th.rs-row-head', { hasText: INITIATIVES.at(-1)!.name }).waitFor({ timeout: 20_000 });
    const names = await rowNames(frame);
    assert.deepEqual(names, INITIATIVES.map((i) => i.name), 'one row per initiative, in order');

    assert.deepEqual(await columnNames(frame), PARTICIPANTS.slice(0, PAGE_SIZE).map((p) => p.short), 'the first 30 municipalities');
    assert.equal(await frame.locator('table.rs-matrix tbody button.rs-cell-button').count(), INITIATIVES.length * PAGE_SIZE, 'a button per shown cell, not per cell');
    const nav = frame.getByRole('navigation', { name: 'Bläddra i tabellens kolumner' });
    assert.equal((await nav.locator('.rs-page-nav__status').innerText()).trim(), pageStatus(1, PAGE_SIZE));
    const first = INITIATIVES[0]!;
    const firstCell = rolloutCell(frame, first.name, PARTICIPANTS[0]!.name);
    assert.equal(await cellStatus(firstCell), first.cells[PARTICIPANTS[0]!.code]!.status, 'the first cell shows its seeded status');

    // "Senast uppdaterad": the latest change anywhere in the programme's 14,500 cells.
    const updated = frame.locator('.io-header .io-last-updated');
    assert.match(await updated.innerText(), /^Senast uppdaterad \d/);
    assert.equal(await updated.locator('time').getAttribute('datetime'), LAST_UPDATED);
  });

  it('pages to the next 30 municipalities and shows a cell’s note, read on demand', { timeout: 45_000 }, async () => {
    const frame = await rolloutFrame(opened());
    assert.deepEqual(
      calls.filter((c) => c.functionKey === 'getDetails').map((c) => c.payload),
      [],
      'no details are read before a cell is opened',
    );

    const nav = frame.getByRole('navigation', { name: 'Bläddra i tabellens kolumner' });
    await click(nav.getByRole('button', { name: 'Nästa', exact: true }));
    await nav.locator('.rs-page-nav__status', { hasText: pageStatus(PAGE_SIZE + 1, 2 * PAGE_SIZE) }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await columnNames(frame), PARTICIPANTS.slice(PAGE_SIZE, 2 * PAGE_SIZE).map((p) => p.short));

    const initiative = INITIATIVES[1]!;
    const region = PARTICIPANTS[PAGE_SIZE + 7]!;
    await click(rolloutCell(frame, initiative.name, region.name));
    const popover = await cellDetails(frame, initiative.name, region.name);
    const note = (await popover.locator('.rs-note').innerText()).trim();
    assert.equal(note, 'Anteckning för Kommun 0137: planering pågår enligt plan, kontakt etablerad med regionens införandeledare.');
    assert.equal(note, initiative.cells[region.code]!.note, 'the seeded note of that very cell');
    await assertNoErrorShown(frame, 'rollout-status with a cell’s details open');

    const asked = calls.filter((c) => c.functionKey === 'getDetails');
    assert.deepEqual(
      asked.map((c) => c.payload),
      [{ initiativeId: initiative.id, regionCode: region.code }],
      'one read of details, for the opened cell',
    );
    assert.equal(asked[0]!.status, 200);
  });

  it('the rollout-status getView at L is under 1 MB and carries no notes', { timeout: 15_000 }, async () => {
    const instance = await instanceOf(opened(), 'rollout-status');
    const views = calls.filter((c) => c.functionKey === 'getView' && c.instance === instance);
    assert.equal(views.length, 1, 'one getView for the rollout-status macro');
    const body = await views[0]!.body;
    const text = body.toString('utf8');
    const answer = JSON.parse(text) as { ok?: boolean; body?: { ok?: boolean; data?: { state?: string; macro?: string } } };
    assert.equal(answer.ok, true);
    assert.equal(answer.body?.ok, true);
    assert.equal(answer.body?.data?.state, 'ready');
    assert.equal(answer.body?.data?.macro, 'rollout-status');
    // The whole L programme is in it (the UI pages it): the last municipality and the last initiative.
    assert.ok(text.includes(PARTICIPANTS.at(-1)!.name), 'the view names the last municipality');
    assert.ok(text.includes(INITIATIVES.at(-1)!.id), 'the view holds the last initiative');
    // Notes are details, read on demand: none travels with the view.
    assert.ok(!text.includes('Anteckning för'), 'the view carries no notes');
    assert.ok(body.byteLength < VIEW_BUDGET_BYTES, `the rollout-status getView is ${body.byteLength} bytes, over ${VIEW_BUDGET_BYTES}`);
  });
});

describe('a programme of 50 initiatives × 290 municipalities (L) on page 1001, demo-editor', () => {
  it('saves a changed status: announced, shown in the matrix and stored', { timeout: 75_000 }, async () => {
    const initiative = INITIATIVES[0]!;
    const region = PARTICIPANTS[1]!;
    const seeded = initiative.cells[region.code]!.status;
    const { page, calls } = await openLargePage('demo-editor');
    let to: RolloutStatus;
    try {
      const frame = await rolloutFrame(page);
      await enterEditMode(frame);
      // Opens the cell's form, checks the new status, saves, waits for "Sparat: …" and the cell's new status.
      const change = await editCellStatus(frame, initiative.name, region.name, (s) => otherStatus(s));
      to = change.to;
      assert.equal(change.from, seeded, 'the cell showed its seeded status');
      assert.notEqual(to, seeded);
      assert.equal(await cellStatus(rolloutCell(frame, initiative.name, region.name)), to, `the cell shows "${ROLLOUT_STATUS_LABELS[to].sv}"`);
      const saves = calls.filter((c) => c.functionKey === 'updateCell');
      assert.equal(saves.length, 1, 'one save');
      assert.equal(saves[0]!.status, 200);
      await assertNoErrorShown(frame, 'rollout-status after the save');
    } finally {
      await page.context().close();
    }
    // Stored, not only shown: the initiative as the next reader's view will read it.
    resetReadCache();
    const stored = await getInitiative(initiative.id);
    assert.equal(stored?.cells[region.code]?.status, to, 'the new status is stored');
  });
});
