/**
 * The roadmap's window forms in a browser: an editor changes a participant's pilot start with the keyboard
 * only, from the timeline's row label, and sees the bar and the table change; the form previews "before the
 * national window" as a month before it is typed, refuses a malformed month (nothing is saved) and has no
 * axe violations; focus returns to the row's button when the form closes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { click, describeViolations, macroFrame, openHostPage, runAxe, sharedHostAndBrowser, tabUntil, waitForAnnouncement, type PageOptions } from './support';

const env = sharedHostAndBrowser();

async function open(options: PageOptions): Promise<{ page: Page; frame: Frame }> {
  const page = await openHostPage(env.browser, env.host, options);
  const frame = await macroFrame(page, 'roadmap');
  await frame.locator('.io-roadmap').waitFor();
  return { page, frame };
}

/** The next month after a YYYY-MM, or this month when there is none. */
function nextMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)) : new Date();
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

const activeRow = (frame: Frame) => frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.row ?? '');

describe('roadmap editing', () => {
  it('lets an editor change a participant’s pilot start with the keyboard only, from the timeline', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    const toggle = frame.getByRole('button', { name: 'Redigera', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await frame.locator('button.io-tl__edit-button').first().waitFor();
    // Tab order: the timeline's bars (one stop), then its rows' buttons (national first), then the table.
    // An SVG bar's className is not a string: read it as one.
    const national = await tabUntil(page, frame, (f) => f.className.includes('io-tl__edit-button'), 'the national row’s button');
    assert.match(national.name, /^Ändra fönster för Nationellt/);
    const row = await tabUntil(page, frame, (f) => f.className.includes('io-tl__edit-button'), 'a participant row’s button', 3);
    const key = await activeRow(frame);
    assert.ok(key && key !== '__national', `a participant row, got ${key}`);
    const section = frame.locator('section.io-view-section').filter({ has: frame.locator(`button.io-tl__edit-button[data-row="${key}"]:focus`) });
    const bar = section.locator(`svg rect.io-tl__pilot[data-row="${key}"]`);
    const tableRow = section.locator(`tr[data-row="${key}"]`);
    const barBefore = (await bar.count()) > 0 ? await bar.getAttribute('x') : null;
    const pilotBefore = await tableRow.locator('td').nth(1).innerText();

    await page.keyboard.press('Enter');
    const dialog = frame.getByRole('dialog', { name: /^Planerade fönster för / });
    await dialog.waitFor();
    const field = dialog.getByRole('textbox', { name: 'Pilot, start' });
    await field.waitFor();
    assert.equal(await frame.evaluate(() => (document.activeElement as HTMLInputElement).getAttribute('placeholder')), '2026-03', 'focus starts in the first month');
    const next = nextMonth(await field.inputValue());
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(next);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, /^Sparat: fönstren för .+ i .+\.$/);
    await dialog.waitFor({ state: 'detached' });

    // The table and the bar show the new month; focus is back on the row's button.
    await frame.waitForFunction(
      ([sel, before]) => {
        const cell = document.querySelector(sel);
        return !!cell && (cell as HTMLElement).innerText !== before;
      },
      [`tr[data-row="${key}"] td:nth-of-type(2)`, pilotBefore] as const,
    );
    await bar.waitFor();
    assert.notEqual(await bar.getAttribute('x'), barBefore);
    assert.equal(await activeRow(frame), key);
    assert.equal((await frame.evaluate(() => document.activeElement?.className ?? '')).includes('io-tl__edit-button'), true);
    void row;
    await page.context().close();
  });

  it('previews “before the national window”, refuses a malformed month and has no axe violations', async () => {
    const { page, frame } = await open({ user: 'demo-editor', locale: 'en' });
    await click(frame.getByRole('button', { name: 'Edit', exact: true }));
    await frame.locator('button[aria-pressed="true"]', { hasText: 'Edit' }).waitFor();
    // An initiative with a national pilot window.
    const section = frame
      .locator('section.io-view-section')
      .filter({ has: frame.locator('tr.io-roadmap__national td:nth-of-type(2)', { hasNotText: /^(Not planned|…)/ }) })
      .first();
    const button = section.locator('tbody tr[data-row]:not(.io-roadmap__national) button').first();
    const name = (await button.getAttribute('aria-label')) ?? '';
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = frame.getByRole('dialog', { name: /^Planned windows for / });
    const pilotStart = dialog.getByRole('textbox', { name: 'Pilot start' });
    await pilotStart.fill('2000-01');
    await dialog.getByText(/before the national pilot window/).waitFor();
    const violations = await runAxe(frame);
    assert.equal(violations.length, 0, describeViolations(violations));

    // A malformed month: nothing is sent, the summary names the field.
    await pilotStart.fill('2000-1');
    await pilotStart.press('Enter');
    await dialog.getByText(/Correct 1 error before saving/).waitFor();
    assert.equal(await dialog.isVisible(), true);
    const withErrors = await runAxe(frame);
    assert.equal(withErrors.length, 0, describeViolations(withErrors));

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), name);
    await page.context().close();
  });

  it('lets an editor open the national windows from the national row, with no axe violations in sv dark', async () => {
    const { page, frame } = await open({ user: 'demo-editor', theme: 'dark' });
    const toggle = frame.getByRole('button', { name: 'Redigera', exact: true });
    await click(toggle);
    await frame.locator('button[aria-pressed="true"]', { hasText: 'Redigera' }).waitFor();
    await click(frame.locator('tr.io-roadmap__national button').first());
    const dialog = frame.getByRole('dialog', { name: /^Nationella fönster för / });
    await dialog.getByRole('textbox', { name: 'Nationell pilot, start' }).fill('2099-01');
    // Every participant with a pilot planned would now be before the national window.
    await dialog.getByText(/före det nationella pilotfönstret/).first().waitFor();
    const violations = await runAxe(frame);
    assert.equal(violations.length, 0, describeViolations(violations));
    await click(dialog.getByRole('button', { name: 'Avbryt' }));
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
