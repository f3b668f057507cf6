/**
 * The reader's region and page events in the shell (issue 8, docs/decisions/0019), in real Chromium on
 * page 1001, which holds all four macros:
 * - an anonymous reader chooses "Min region" in one macro; every macro on the page shows it chosen and
 *   puts it first, and the choice survives a reload where the browser lets the app's frames keep storage;
 * - an editor's save in the rollout-status macro shows in the roadmap macro without a reload, after one
 *   page event, and the roadmap says so politely;
 * - axe reports nothing with the chooser in use and a region chosen, in sv and en.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromium, type Frame, type Page } from 'playwright-core';
import { ROLLOUT_STATUS_LABELS, type RolloutStatus } from '../../src/shared/vocabulary';
import {
  click,
  CHROMIUM_ARGS,
  describeViolations,
  editCellStatus,
  enterEditMode,
  macroFrame,
  openHostPage,
  otherStatus,
  rolloutCell,
  cellStatus,
  runAxe,
  sharedHostAndBrowser,
  waitForAnnouncement,
  waitForMacrosReady,
  type PageOptions,
} from './support';

const env = sharedHostAndBrowser();

const MACROS = ['rollout-status', 'technical-needs', 'support-plan', 'roadmap'] as const;
const INITIATIVE = '1177 inkorg – digitala kallelser';

async function withPage<T>(options: PageOptions, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await openHostPage(env.browser, env.host, options);
  try {
    return await fn(page);
  } finally {
    await page.context().close();
  }
}

function chooser(frame: Frame, locale: 'sv' | 'en' = 'sv') {
  return frame.getByRole('combobox', { name: locale === 'sv' ? 'Min region' : 'My region', exact: true });
}

/** The chosen option's text in a macro's chooser, once it has one that is not "Alla"/"All" (or `want`). */
async function waitForChosen(frame: Frame, want: string, locale: 'sv' | 'en' = 'sv'): Promise<void> {
  const select = chooser(frame, locale);
  await select.waitFor();
  await frame.waitForFunction(
    ({ want, label }) => {
      const el = Array.from(document.querySelectorAll('label')).find((l) => l.textContent === label);
      const sel = el ? (document.getElementById(el.htmlFor) as HTMLSelectElement | null) : null;
      return !!sel && sel.selectedOptions[0]?.textContent === want;
    },
    { want, label: locale === 'sv' ? 'Min region' : 'My region' },
    { timeout: 10_000 },
  );
}

/** What each view shows first for the reader's region (technical-needs is another view's work: the chooser only). */
async function assertRegionFirst(page: Page, region: string, short: string): Promise<void> {
  const rollout = await macroFrame(page, 'rollout-status');
  const firstColumn = rollout.locator('table.rs-matrix thead th.rs-col-head').first();
  assert.equal((await firstColumn.locator('[aria-hidden="true"]').first().textContent())?.trim(), short, 'the matrix starts with the chosen region');
  assert.match((await firstColumn.textContent()) ?? '', /Din region/);
  assert.equal(await rollout.locator('th.rs-col-head--chosen').count(), 1, 'one column is marked');

  const support = await macroFrame(page, 'support-plan');
  const firstRegionCol = support.locator('table.io-support-overview thead th.io-region-col').first();
  assert.match((await firstRegionCol.textContent()) ?? '', new RegExp(`${region}, Din region`));
  assert.match((await support.locator('.io-chosen-line').first().textContent()) ?? '', new RegExp(`Din region${region}: kontakt`));

  const roadmap = await macroFrame(page, 'roadmap');
  const table = roadmap.getByRole('table', { name: `Roadmap för ${INITIATIVE}: planerad pilot och breddinförande per region` });
  const secondRow = table.locator('tbody tr').nth(1);
  assert.equal((await secondRow.locator('th').textContent())?.trim(), `${region}Din region`, 'the roadmap table lists the chosen region right after the national window');
}

describe('choosing "Min region" as anonymous (sv)', () => {
  it('applies to all four macros at once and puts the region first in each view', async () => {
    await withPage({ user: 'anonymous' }, async (page) => {
      for (const key of MACROS) {
        const f = await macroFrame(page, key);
        assert.equal(await chooser(f).inputValue(), '', `${key} starts with "Alla"`);
      }
      // Chosen in the support-plan macro.
      const support = await macroFrame(page, 'support-plan');
      await chooser(support).selectOption({ label: 'Region Skåne' });
      await waitForAnnouncement(support, 'Region Skåne visas först i översikterna på sidan.');
      for (const key of MACROS) await waitForChosen(await macroFrame(page, key), 'Region Skåne');
      await assertRegionFirst(page, 'Region Skåne', 'Skåne');

      // Another region from another macro, then none: every macro follows.
      const roadmap = await macroFrame(page, 'roadmap');
      await chooser(roadmap).selectOption({ label: 'Region Uppsala' });
      for (const key of MACROS) await waitForChosen(await macroFrame(page, key), 'Region Uppsala');
      await assertRegionFirst(page, 'Region Uppsala', 'Uppsala');
      await chooser(await macroFrame(page, 'rollout-status')).selectOption({ label: 'Alla' });
      await waitForAnnouncement(await macroFrame(page, 'rollout-status'), 'Ingen region vald.');
      for (const key of MACROS) await waitForChosen(await macroFrame(page, key), 'Alla');
      const rollout = await macroFrame(page, 'rollout-status');
      assert.equal(await rollout.locator('th.rs-col-head--chosen').count(), 0);
      assert.equal((await rollout.locator('table.rs-matrix thead th.rs-col-head').first().textContent())?.trim().startsWith('Stockholm'), true, 'the usual order is back');
    });
  });

  it('is remembered on the device: a reload opens every macro with the same choice', async () => {
    // The macros' iframes are on the app's origin, another site than the page's, as on Forge. Chromium 150
    // blocks a third-party frame's storage by default (third-party cookie phase-out), and then the choice
    // lasts only as long as the page (decision 0019: memory when storage refuses). Here the browser lets
    // the frames keep storage, as one whose reader allows the site's third-party data does.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--disable-features=TrackingProtection3pcd'],
    });
    try {
      const page = await openHostPage(browser, env.host, { user: 'anonymous' });
      await chooser(await macroFrame(page, 'roadmap')).selectOption({ label: 'Region Skåne' });
      for (const key of MACROS) await waitForChosen(await macroFrame(page, key), 'Region Skåne');
      await page.evaluate(() => delete (window as unknown as { __macroReady?: unknown }).__macroReady);
      await page.reload();
      await waitForMacrosReady(page);
      for (const key of MACROS) await waitForChosen(await macroFrame(page, key), 'Region Skåne');
      await assertRegionFirst(page, 'Region Skåne', 'Skåne');
    } finally {
      await browser.close();
    }
  });

  for (const [locale, theme] of [
    ['sv', 'light'],
    ['en', 'dark'],
  ] as const) {
    {
      it(`has no axe violations with the chooser in use and a region chosen (${locale}, ${theme})`, async () => {
        await withPage({ user: 'anonymous', locale, theme }, async (page) => {
          const rollout = await macroFrame(page, 'rollout-status');
          // The chooser closed, nothing chosen.
          for (const key of MACROS) {
            const violations = await runAxe(await macroFrame(page, key));
            assert.deepEqual(violations, [], `${key}, nothing chosen:\n${describeViolations(violations)}`);
          }
          // Opened (its list is the browser's own) and then a region chosen.
          await click(chooser(rollout, locale));
          const open = await runAxe(rollout);
          assert.deepEqual(open, [], `rollout-status, chooser open:\n${describeViolations(open)}`);
          await page.keyboard.press('Escape');
          await chooser(rollout, locale).selectOption({ label: 'Region Skåne' });
          for (const key of MACROS) {
            const f = await macroFrame(page, key);
            await waitForChosen(f, 'Region Skåne', locale);
            const violations = await runAxe(f);
            assert.deepEqual(violations, [], `${key}, Region Skåne chosen:\n${describeViolations(violations)}`);
          }
        });
      });
    }
  }
});

describe('a save in one macro updates the others (demo-editor, sv)', () => {
  it('shows a new status from the rollout-status macro in the roadmap without a reload, after one event', async () => {
    await withPage({ user: 'demo-editor' }, async (page) => {
      const rollout = await macroFrame(page, 'rollout-status');
      const roadmap = await macroFrame(page, 'roadmap');
      // Marks that a reload would wipe out.
      await roadmap.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
      await page.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
      const eventsBefore = await page.evaluate(
        () => (window as unknown as { __forgeEvents: Array<{ event: string }> }).__forgeEvents.filter((e) => e.event === 'inforandeoversikt:data-changed').length,
      );

      const table = roadmap.getByRole('table', { name: `Roadmap för ${INITIATIVE}: planerad pilot och breddinförande per region` });
      const row = table.getByRole('row', { name: /^Region Stockholm/ });
      const before = (await row.locator('[data-status]').getAttribute('data-status')) as RolloutStatus;
      assert.equal(await cellStatus(rolloutCell(rollout, INITIATIVE, 'Region Stockholm')), before, 'both macros start from the same status');

      await enterEditMode(rollout);
      const { to } = await editCellStatus(rollout, INITIATIVE, 'Region Stockholm', (current) => otherStatus(current, 'declined'));

      await row.locator(`[data-status="${to}"]`).waitFor({ timeout: 10_000 });
      assert.match((await row.textContent()) ?? '', new RegExp(ROLLOUT_STATUS_LABELS[to].sv, 'i'));
      await waitForAnnouncement(roadmap, 'Roadmap: uppdaterad med den senaste ändringen.');
      assert.equal(await roadmap.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'the roadmap was not reloaded');
      assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'the page was not reloaded');

      const dataChanged = await page.evaluate(
        () => (window as unknown as { __forgeEvents: Array<{ event: string }> }).__forgeEvents.filter((e) => e.event === 'inforandeoversikt:data-changed').length,
      );
      assert.equal(dataChanged - eventsBefore, 1, 'one save, one data-changed event');
      // The macro that saved announces its own save, not a refresh.
      assert.doesNotMatch((await rollout.locator('[role="status"][aria-live="polite"]').textContent()) ?? '', /uppdaterad med den senaste/);
    });
  });
});
