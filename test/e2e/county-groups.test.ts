/**
 * Participants grouped by county (issue 11, decision 0027) in real Chromium on page 1001, seeded with a
 * programme of the 290 municipalities (the benchmark's L plans, moved onto the real municipality codes, so
 * every municipality has its county as `group`):
 * - the rollout-status matrix shows one roll-up column a county ("Infört i 3 av 26 kommuner"), and a
 *   county opens to its municipalities by keyboard (a disclosure button with aria-expanded);
 * - "Min region" can be a county: its municipalities come first in the overviews on the page;
 * - axe reports nothing in sv and en, light and dark. SCREENSHOTS=dir saves what it looked at, at 1,120
 *   and 320 px.
 *
 * Its own file (so its own process): it replaces the demo programme in the host's in-memory KVS.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../dev/server';
import type { InitiativeWithDetails } from '../../src/shared/model';
import { SWEDISH_MUNICIPALITIES } from '../../src/shared/municipalities';
import { resetReadCache, seedProgramme } from '../../src/storage';
import { municipalityProgramme } from '../helpers/municipality-programme';
import { click, describeViolations, focusedIn, launchBrowser, macroFrame, openHostPage, runAxe, waitForAnnouncement } from './support';

/** How many initiatives the seeded programme has: enough for a matrix, few enough to be quick. */
const INITIATIVE_COUNT = 6;
const SCREENSHOTS = process.env.SCREENSHOTS;

const seeded = municipalityProgramme(INITIATIVE_COUNT);
const STOCKHOLM = SWEDISH_MUNICIPALITIES.filter((p) => p.group === '01');
const SKANE = SWEDISH_MUNICIPALITIES.filter((p) => p.group === '12');
const MACROS = ['rollout-status', 'technical-needs', 'support-plan', 'roadmap'] as const;
const liveIn = (initiative: InitiativeWithDetails, members: typeof STOCKHOLM) => members.filter((p) => initiative.cells[p.code]?.status === 'live').length;

let host: RunningServer | undefined;
let browser: Browser | undefined;

before(async () => {
  host = await startServer({ port: 0, memory: true });
  host.kvs.clear();
  await host.kvs.withoutRateLimits(() => seedProgramme(seeded.programme, seeded.initiatives));
  resetReadCache();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
});

async function open(options: { locale?: 'sv' | 'en'; theme?: 'light' | 'dark'; width?: number; user?: 'anonymous' | 'demo-editor' } = {}): Promise<Page> {
  if (!browser || !host) throw new Error('started in before()');
  return openHostPage(browser, host, { user: 'anonymous', ...options });
}

async function rolloutFrame(page: Page): Promise<Frame> {
  const frame = await macroFrame(page, 'rollout-status');
  await frame.locator('table.rs-matrix').waitFor({ timeout: 20_000 });
  return frame;
}

/** A macro's iframe as drawn (the whole page of four macros at 290 is tens of thousands of pixels tall). */
async function shoot(page: Page, name: string, moduleKey = 'rollout-status'): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator(`iframe.macro-frame[data-module-key="${moduleKey}"]`).screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The matrix's county headers as shown, left to right. */
async function countyHeads(frame: Frame): Promise<string[]> {
  return (await frame.locator('table.rs-matrix thead th.rs-group-head button').allInnerTexts()).map((t) => t.trim());
}

describe('a programme of the 290 municipalities, grouped by county', () => {
  it('the matrix has one roll-up column a county, and a county opens to its municipalities by keyboard', { timeout: 90_000 }, async () => {
    const page = await open({ width: 1120 });
    try {
      const frame = await rolloutFrame(page);
      assert.equal((await frame.getByRole('button', { name: 'Gruppera per län' }).getAttribute('aria-pressed')), 'true', 'grouped by default');
      const heads = await countyHeads(frame);
      assert.equal(heads.length, 21, 'one column a county');
      assert.equal(heads[0], 'Stockholm, 26 kommuner');
      assert.equal(await frame.locator('.rs-page-nav').count(), 0, 'the 21 counties fit without paging');

      // The first initiative's Stockholm roll-up says, in words, how many of the 26 are live.
      const first = seeded.initiatives[0]!;
      const rollup = frame.locator('table.rs-matrix tbody tr').first().locator('td.rs-rollup').first();
      assert.match(await rollup.locator('.io-visually-hidden').innerText(), new RegExp(`^Infört i ${liveIn(first, STOCKHOLM)} av 26 kommuner`));
      // The initiative's summary counts municipalities, not regions.
      assert.match(await frame.locator('table.rs-matrix tbody tr').first().locator('td.rs-summary').innerText(), /^Infört i \d+ av 290 kommuner/);
      await shoot(page, 'grouped-1120');

      // By keyboard: focus Stockholm's disclosure button, Enter opens it, its municipalities follow it.
      const toggle = frame.getByRole('button', { name: 'Stockholm, 26 kommuner' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await frame.locator('th.rs-group-head button[aria-expanded="true"]').waitFor();
      const columns = await frame.locator('table.rs-matrix thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
      const at = columns.findIndex((c) => c.startsWith('Stockholm, 26'));
      assert.equal(columns[at + 1], `${STOCKHOLM[0]!.short}${STOCKHOLM[0]!.name}`, 'the first municipality follows its county');
      assert.equal(await frame.locator('table.rs-matrix thead th.rs-col-head:not(.rs-group-head)').count(), 26);
      assert.equal(await toggle.evaluate((el) => el === document.activeElement), true, 'focus stays on the county');
      // One cell is the matrix's Tab stop, though the county's roll-up (no button) comes first.
      const tabStops = frame.locator('table.rs-matrix button.rs-cell-button[tabindex="0"]');
      assert.equal(await tabStops.count(), 1, 'one cell button in the Tab order');
      await tabStops.focus();
      await page.keyboard.press('ArrowRight');
      const focused = await focusedIn(frame);
      assert.ok(focused.className.includes('rs-cell-button') && `${focused.name} ${focused.text}`.includes(`${STOCKHOLM[1]!.name},`), `the arrow keys move between the municipalities: ${focused.name}`);
      await toggle.focus();
      await shoot(page, 'expanded-1120');
      await page.keyboard.press('Space');
      await frame.locator('th.rs-group-head button[aria-expanded="true"]').waitFor({ state: 'detached' });

      // Ungrouped, the 290 are paged as before.
      await click(frame.getByRole('button', { name: 'Gruppera per län' }));
      await waitForAnnouncement(frame, 'Kommunerna visas var för sig.');
      await frame.locator('.rs-page-nav').waitFor();
      assert.equal(await countyHeads(frame).then((h) => h.length), 0);
    } finally {
      await page.context().close();
    }
  });

  it('"Min region" can be a county: its municipalities come first in every overview on the page', { timeout: 120_000 }, async () => {
    const page = await open({ width: 1120 });
    try {
      const support = await macroFrame(page, 'support-plan');
      const chooser = support.getByRole('combobox', { name: 'Min region', exact: true });
      await chooser.selectOption({ label: 'Skåne, hela länet (33)' });
      await waitForAnnouncement(support, 'Kommunerna i Skåne visas först i översikterna på sidan.');
      // Every macro's chooser follows, showing the county (the stored choice is the county code '12').
      for (const key of MACROS) {
        const f = await macroFrame(page, key);
        await f.waitForFunction(() => document.querySelector('select')?.value === '12', undefined, { timeout: 10_000 });
      }

      // Rollout status: Skåne's roll-up first, open, marked; its first municipality right after it.
      const rollout = await rolloutFrame(page);
      const first = rollout.locator('table.rs-matrix thead th.rs-group-head').first();
      await first.locator('button[aria-expanded="true"]', { hasText: 'Skåne, 33 kommuner' }).waitFor({ timeout: 10_000 });
      assert.match((await first.textContent()) ?? '', /Din region/);
      const heads = await rollout.locator('table.rs-matrix thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
      assert.equal(heads[3], `${SKANE[0]!.short}${SKANE[0]!.name}`, 'Skåne’s first municipality follows the county');

      // Support plan: the overview's first participant columns are Skåne's.
      const supportCols = await support.locator('table.io-support-overview thead th.io-region-col').allTextContents();
      assert.deepEqual(
        supportCols.slice(0, 3).map((c) => c.trim()),
        // The short name shown, the full name for assistive technology.
        SKANE.slice(0, 3).map((p) => `${p.short}${p.name}`),
        'the support plan starts with Skåne’s municipalities',
      );
      // Support plan, grouped: Skåne's column first and open, saying how many of its 33 have contact.
      const supportCounty = support.locator('table.io-support-overview thead th.sp-group-col').first();
      await supportCounty.locator('button[aria-expanded="true"]', { hasText: 'Skåne, 33 kommuner' }).waitFor();
      const contactsIn = (initiative: InitiativeWithDetails) => SKANE.filter((p) => initiative.cells[p.code]?.contactEstablished === true).length;
      const firstRowCounty = support.locator('table.io-support-overview tbody tr').first().locator('td.sp-group-cell').first();
      assert.equal(
        (await firstRowCounty.locator('.io-visually-hidden').innerText()).trim(),
        `Kontakt med ${contactsIn(seeded.initiatives[0]!)} av 33 kommuner`,
      );
      assert.equal(await support.locator('.io-pager').count(), 0, 'grouped, the overview is not paged');
      // Closing Skåne by keyboard leaves 21 county columns.
      await supportCounty.getByRole('button').focus();
      await page.keyboard.press('Enter');
      await supportCounty.locator('button[aria-expanded="false"]').waitFor();
      assert.equal(await support.locator('table.io-support-overview thead th.io-region-col').count(), 0);
      assert.equal(await support.locator('table.io-support-overview thead th.sp-group-col').count(), 21);
      if (SCREENSHOTS) await support.locator('table.io-support-overview').screenshot({ path: join(SCREENSHOTS, 'support-plan-grouped-1120.png') });

      // Roadmap: after the national window, Skåne's roll-up, marked and open, then its municipalities.
      const roadmap = await macroFrame(page, 'roadmap');
      const table = roadmap.locator('table').first();
      await table.locator('tr.io-roadmap__county.io-chosen button[aria-expanded="true"]', { hasText: 'Skåne, 33 kommuner' }).waitFor({ timeout: 10_000 });
      const rows = await table.locator('tbody tr th').allTextContents();
      assert.match(rows[1]!, /^Skåne, 33 kommuner.*Din region/);
      assert.deepEqual(rows.slice(2, 4).map((r) => r.trim()), SKANE.slice(0, 2).map((p) => p.name), 'the roadmap lists Skåne’s municipalities first');
      await shoot(page, 'county-chosen-1120');
    } finally {
      await page.context().close();
    }
  });

  it('the roadmap has one roll-up row a county, and a county bar opens it by keyboard', { timeout: 90_000 }, async () => {
    const page = await open({ width: 1120 });
    try {
      const roadmap = await macroFrame(page, 'roadmap');
      const section = roadmap.locator('section.io-view-section').first();
      const table = section.locator('table');
      await table.waitFor({ timeout: 20_000 });
      assert.equal(await table.locator('tr.io-roadmap__county').count(), 21, 'one row a county');
      assert.equal(await roadmap.locator('.io-pager').count(), 0, 'the 21 counties fit without paging');
      const first = seeded.initiatives[0]!;
      const pilots = STOCKHOLM.filter((p) => first.cells[p.code]?.pilotStart).length;
      const stockholmRow = table.locator('tr.io-roadmap__county').first();
      assert.match(await stockholmRow.innerText(), new RegExp(`Pilot planerad i ${pilots} av 26 kommuner`));
      assert.match(await stockholmRow.innerText(), new RegExp(`Infört i ${liveIn(first, STOCKHOLM)} av 26 kommuner`));

      // The timeline: one Tab stop; the arrow keys reach Stockholm's bar, which Enter opens.
      const svg = section.locator('svg.io-tl');
      const tabStop = svg.locator('[tabindex="0"]');
      assert.equal(await tabStop.count(), 1, 'one Tab stop in the timeline');
      await tabStop.focus();
      let focused = await focusedIn(roadmap);
      for (let i = 0; i < 4 && !focused.name.startsWith('Stockholm, 26 kommuner'); i++) {
        await page.keyboard.press('ArrowDown');
        focused = await focusedIn(roadmap);
      }
      assert.match(focused.name, /^Stockholm, 26 kommuner: pilot .*Pilot planerad i \d+ av 26 kommuner/);
      const bar = svg.locator('rect[data-row="group:01"]').first();
      assert.equal(await bar.getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('Enter');
      await svg.locator('rect[data-row="group:01"][aria-expanded="true"]').first().waitFor();
      assert.equal(await svg.locator(`g[data-row="${STOCKHOLM[0]!.code}"]`).count(), 1, 'its municipalities follow it in the timeline');
      assert.equal(await table.locator('tr.io-roadmap__member').count(), 26, 'and in the table');
      // 21 + 26 rows do not fit 30: pages of whole counties.
      assert.match(await roadmap.locator('.io-pager__status').innerText(), /^Visar län 1–4 av 21/);
      assert.equal(await bar.evaluate((el) => el === document.activeElement), true, 'focus stays on the county’s bar');
      // The table's disclosure closes it again.
      await click(table.getByRole('button', { name: 'Stockholm, 26 kommuner' }));
      await table.locator('tr.io-roadmap__member').first().waitFor({ state: 'detached' });
      await shoot(page, 'roadmap-grouped-1120', 'roadmap');
    } finally {
      await page.context().close();
    }
  });

  it('the roadmap in edit mode: a county’s label opens it, its municipalities’ labels edit their windows; axe in the dark', { timeout: 90_000 }, async () => {
    const page = await open({ width: 1120, user: 'demo-editor', theme: 'dark' });
    try {
      const roadmap = await macroFrame(page, 'roadmap');
      await click(roadmap.getByRole('button', { name: 'Redigera', exact: true }));
      const edit = roadmap.locator('section.io-view-section').first().locator('ul.io-tl__edit');
      await edit.waitFor({ timeout: 20_000 });
      const county = edit.getByRole('button', { name: 'Stockholm (26)' });
      assert.equal(await county.getAttribute('aria-expanded'), 'false');
      await county.focus();
      await page.keyboard.press('Enter');
      await edit.getByRole('button', { name: `Ändra fönster för ${STOCKHOLM[0]!.short}` }).waitFor();
      assert.equal(await county.getAttribute('aria-expanded'), 'true');
      const violations = await runAxe(roadmap);
      assert.deepEqual(violations, [], `edit mode, a county open:\n${describeViolations(violations)}`);
      await click(edit.getByRole('button', { name: `Ändra fönster för ${STOCKHOLM[0]!.short}` }));
      await roadmap.getByRole('dialog').waitFor();
      assert.match(await roadmap.getByRole('dialog').innerText(), new RegExp(STOCKHOLM[0]!.name));
      await shoot(page, 'roadmap-edit-dark-1120', 'roadmap');
    } finally {
      await page.context().close();
    }
  });

  it('technical needs: one roll-up row a county that opens by keyboard, and a chosen county’s to-do', { timeout: 90_000 }, async () => {
    const page = await open({ width: 1120 });
    try {
      const needs = await macroFrame(page, 'technical-needs');
      const table = needs.locator('table.tn-progress').first();
      await table.waitFor({ timeout: 20_000 });
      assert.equal(await table.locator('tr.tn-row--county').count(), 21, 'one row a county, shown without opening anything');
      const first = seeded.initiatives[0]!;
      const need = first.needs[0]!;
      const applies = STOCKHOLM.filter((p) => need.progress[p.code]?.progress !== 'not-applicable');
      const done = applies.filter((p) => need.progress[p.code]?.progress === 'done').length;
      const stockholm = table.locator('tr.tn-row--county').first();
      assert.equal((await stockholm.locator('td').first().locator('.io-visually-hidden').innerText()).trim(), `Klart i ${done} av ${applies.length} kommuner`);
      assert.equal((await stockholm.locator('td').first().locator('[aria-hidden="true"]').innerText()).trim(), `${done}/${applies.length}`);

      // By keyboard: the county's disclosure opens its 26 municipalities under it; the page then holds whole counties.
      const toggle = stockholm.getByRole('button', { name: 'Stockholm, 26 kommuner' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await table.locator('tr.tn-row--member').first().waitFor();
      assert.equal(await table.locator('tr.tn-row--member').count(), 26);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      assert.equal(await toggle.evaluate((el) => el === document.activeElement), true, 'focus stays on the county');
      assert.match(await needs.locator('.io-pager__status').first().innerText(), /^Visar län 1–4 av 21/);
      await shoot(page, 'technical-needs-grouped-1120', 'technical-needs');

      // "Min region" a county: its to-do across the county, and its roll-up first, open and marked.
      await needs.getByRole('combobox', { name: 'Min region', exact: true }).selectOption({ label: 'Skåne, hela länet (33)' });
      await needs.getByRole('heading', { name: 'Att göra i Skåne' }).waitFor({ timeout: 10_000 });
      assert.equal(await needs.getByText('Regionen 12 finns inte i programmet.').count(), 0);
      const skane = needs.locator('table.tn-progress').first().locator('tr.tn-row--county').first();
      await skane.getByRole('button', { name: 'Skåne, 33 kommuner', expanded: true }).waitFor();
      assert.match(await skane.locator('th').innerText(), /Din region/);
      const todoRow = needs.locator('table.tn-todo__table tbody tr:not(.tn-todo__group)').first();
      assert.match(await todoRow.innerText(), /Klart i \d+ av \d+ kommuner/);
      assert.match(await todoRow.locator('summary').innerText(), /^Inte klart i \d+ kommun/);
      await shoot(page, 'technical-needs-county-1120', 'technical-needs');
    } finally {
      await page.context().close();
    }
  });

  for (const [locale, theme] of [
    ['sv', 'light'],
    ['sv', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`has no axe violations grouped, a county open and a county chosen (${locale}, ${theme})`, { timeout: 120_000 }, async () => {
      const page = await open({ locale, theme, width: 1120 });
      try {
        const rollout = await rolloutFrame(page);
        const grouped = await runAxe(rollout);
        assert.deepEqual(grouped, [], `grouped:\n${describeViolations(grouped)}`);
        await click(rollout.locator('th.rs-group-head button').nth(1));
        await rollout.locator('th.rs-group-head button[aria-expanded="true"]').waitFor();
        const opened = await runAxe(rollout);
        assert.deepEqual(opened, [], `a county open:\n${describeViolations(opened)}`);
        await rollout.locator('select').selectOption('12');
        for (const key of MACROS) {
          const f = await macroFrame(page, key);
          await f.waitForFunction(() => document.querySelector('select')?.value === '12', undefined, { timeout: 10_000 });
          const violations = await runAxe(f);
          assert.deepEqual(violations, [], `${key}, Skåne chosen:\n${describeViolations(violations)}`);
        }
        await shoot(page, `county-${locale}-${theme}-1120`);
      } finally {
        await page.context().close();
      }
    });
  }

  it('fits 320 px: the grouped overviews scroll inside their regions, the page does not', { timeout: 90_000 }, async () => {
    const page = await open({ width: 320 });
    /** How far the macro scrolls sideways as a whole, and what sticks out other than inside a scrolling region. */
    const overflowOf = (frame: Frame) =>
      frame.evaluate(() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1 && !el.closest('.rs-scroll, .io-table-scroll, .io-timeline-scroll'))
          .slice(0, 5)
          .map((el) => `${el.tagName}.${el.className}`);
        return { by: doc.scrollWidth - doc.clientWidth, wide };
      });
    try {
      const rollout = await rolloutFrame(page);
      await click(rollout.locator('th.rs-group-head button').first());
      await rollout.locator('th.rs-group-head button[aria-expanded="true"]').waitFor();
      const overflow = await overflowOf(rollout);
      assert.ok(overflow.by <= 0, `the macro does not scroll sideways as a whole (overflow ${overflow.by} px: ${overflow.wide.join(', ')})`);
      await shoot(page, 'grouped-320');
      // The roadmap and technical needs, a county open in each.
      const roadmap = await macroFrame(page, 'roadmap');
      await click(roadmap.locator('tr.io-roadmap__county button').first());
      await roadmap.locator('tr.io-roadmap__member').first().waitFor();
      const needs = await macroFrame(page, 'technical-needs');
      await click(needs.locator('tr.tn-row--county button').first());
      await needs.locator('tr.tn-row--member').first().waitFor();
      for (const [key, frame] of [['roadmap', roadmap], ['technical-needs', needs]] as const) {
        const o = await overflowOf(frame);
        assert.ok(o.by <= 0, `${key} does not scroll sideways as a whole (overflow ${o.by} px: ${o.wide.join(', ')})`);
      }
    } finally {
      await page.context().close();
    }
  });
});
