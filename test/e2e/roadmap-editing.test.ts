/**
 * The roadmap's window forms in a browser: an editor changes a participant's pilot start with the keyboard
 * only, from the timeline's row label, and sees the bar and the table change; the form previews "before the
 * national window" as a month before it is typed, refuses a malformed month (nothing is saved) and has no
 * axe violations; focus returns to the row's button when the form closes. From a bar's form, the history of
 * its months: a saved change is there, "Återställ" sets it back and the bar follows; the history dialog has
 * no axe violations in sv and en, light and dark; anonymous readers are offered neither forms nor history.
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

/** The month before a YYYY-MM. */
function previousMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The next month after a YYYY-MM, or this month when there is none. */
function nextMonth(ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)) : new Date();
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Turns on edit mode from the toolbar's "Redigera" with the keyboard. */
async function editModeByKeyboard(page: Page, frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: 'Redigera', exact: true }).focus();
  await page.keyboard.press('Enter');
  await frame.locator('button.io-tl__edit-button').first().waitFor();
}

const activeRow = (frame: Frame) => frame.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.row ?? '');

describe('roadmap editing', () => {
  it('lets an editor change a participant’s pilot start with the keyboard only, from the timeline', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    await editModeByKeyboard(page, frame);
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

  it('restores a month from the history opened in a bar’s form, and the bar returns to it', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    await editModeByKeyboard(page, frame);
    // Keyboard only: Tab to the first timeline's bars, then right (reading order) to a participant's pilot bar.
    await tabUntil(page, frame, (f) => f.className.includes('io-tl__bar'), 'the timeline’s bars');
    const focusedBar = () =>
      frame.evaluate(() => {
        const el = document.activeElement;
        const sections = Array.from(document.querySelectorAll('section.io-view-section'));
        const section = sections.findIndex((s) => s.contains(el));
        return { row: el?.getAttribute('data-row') ?? '', bar: el?.getAttribute('data-bar') ?? '', cls: el?.getAttribute('class') ?? '', section };
      });
    let at = await focusedBar();
    for (let i = 0; i < 12 && (at.row === '__national' || !at.cls.includes('io-tl__pilot')); i++) {
      await page.keyboard.press('ArrowRight');
      at = await focusedBar();
    }
    assert.ok(at.row && at.row !== '__national' && at.cls.includes('io-tl__pilot'), `a participant’s pilot bar, got ${JSON.stringify(at)}`);
    // Every initiative's timeline has a bar of that id: this one's, in the section it is in.
    const bar = frame.locator('section.io-view-section').nth(at.section).locator(`rect[data-bar="${at.bar}"]`);
    const barLabelIs = (same: boolean, label: string) =>
      frame.waitForFunction(
        ([section, id, text, equal]) => {
          const found = document.querySelectorAll('section.io-view-section')[section]?.querySelector(`rect[data-bar="${id}"]`)?.getAttribute('aria-label');
          return equal ? found === text : found !== text;
        },
        [at.section, at.bar, label, same] as const,
      );
    const labelBefore = (await bar.getAttribute('aria-label')) ?? '';

    // Change the pilot start a month earlier (the end stays after it) and save.
    await page.keyboard.press('Enter');
    const form = frame.getByRole('dialog', { name: /^Planerade fönster för / });
    const field = form.getByRole('textbox', { name: 'Pilot, start' });
    await field.waitFor();
    const old = await field.inputValue();
    assert.match(old, /^\d{4}-\d{2}$/, 'a pilot bar has a start month');
    const changed = previousMonth(old);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(changed);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, /^Sparat: fönstren för .+ i .+\.$/);
    await form.waitFor({ state: 'detached' });
    await barLabelIs(false, labelBefore);
    const labelChanged = (await bar.getAttribute('aria-label')) ?? '';

    // The form again, by keyboard; its "Historik" opens the history of these months for this participant.
    await bar.focus();
    await page.keyboard.press('Enter');
    await field.waitFor();
    assert.equal(await field.inputValue(), changed);
    await form.getByRole('button', { name: 'Historik', exact: true }).focus();
    await page.keyboard.press('Enter');
    const history = frame.getByRole('dialog', { name: /^Historik: .+ i .+/ });
    await history.waitFor();
    await form.waitFor({ state: 'detached' });
    const first = history.locator('table.rs-history tbody tr').first();
    await first.waitFor();
    // Newest first: the change just saved, and only the form's months (no status, note …).
    const whats = await history.locator('table.rs-history tbody th[scope="row"]').allInnerTexts();
    assert.ok(whats.length > 0 && whats.every((w) => /^(Pilot|Breddinförande), (start|slut)$/.test(w)), `only months: ${whats.join(', ')}`);
    assert.equal(await first.locator('th').innerText(), 'Pilot, start');
    const [before, after] = await first.locator('td.rs-note').allInnerTexts();
    assert.ok(labelChanged.includes(after) && labelBefore.includes(before), `the line ${before} → ${after} matches the bar (${labelBefore} → ${labelChanged})`);
    const violations = await runAxe(frame);
    assert.equal(violations.length, 0, describeViolations(violations));

    // Restore: recorded as a new change; the roadmap reloads behind the dialog and the bar returns.
    await first.getByRole('button', { name: `Återställ Pilot, start till ”${before}”` }).focus();
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, `Pilot, start är återställt till ”${before}”.`);
    await barLabelIs(true, labelBefore);
    await history.locator('table.rs-history tbody tr').nth(1).waitFor();
    assert.deepEqual(await history.locator('table.rs-history tbody tr').first().locator('td.rs-note').allInnerTexts(), [after, before]);

    // Closing the history brings the form back, opened from the restored data.
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
    await field.waitFor();
    assert.equal(await field.inputValue(), old);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    assert.equal(await bar.getAttribute('aria-label'), labelBefore);
    await page.context().close();
  });

  for (const [locale, theme] of [['sv', 'dark'], ['en', 'light'], ['en', 'dark']] as const) {
    it(`has no axe violations in the window history opened from the roadmap (${locale}, ${theme})`, async () => {
      const { page, frame } = await open({ user: 'demo-editor', locale, theme });
      const en = locale === 'en';
      await click(frame.getByRole('button', { name: en ? 'Edit' : 'Redigera', exact: true }));
      await frame.locator('button.io-tl__edit-button').first().waitFor();
      // The national windows' history (all of the initiative's changes, filtered to the national months) …
      await click(frame.locator('tr.io-roadmap__national button').first());
      const national = frame.getByRole('dialog', { name: en ? /^National windows for / : /^Nationella fönster för / });
      await click(national.getByRole('button', { name: en ? 'History' : 'Historik', exact: true }));
      const nationalHistory = frame.getByRole('dialog', { name: en ? /^History: national windows of / : /^Historik: nationella fönster för / });
      await nationalHistory.waitFor();
      await nationalHistory.locator('.io-spinner').waitFor({ state: 'detached' });
      let violations = await runAxe(frame);
      assert.equal(violations.length, 0, describeViolations(violations));
      await click(nationalHistory.getByRole('button', { name: en ? 'Close' : 'Stäng', exact: true }).last());
      await national.waitFor();
      await click(national.getByRole('button', { name: en ? 'Cancel' : 'Avbryt', exact: true }));
      await national.waitFor({ state: 'detached' });
      // … and a participant's, with a change in it.
      await click(frame.locator('section.io-view-section').first().locator('tbody tr[data-row]:not(.io-roadmap__national) button').first());
      const form = frame.getByRole('dialog', { name: en ? /^Planned windows for / : /^Planerade fönster för / });
      const end = form.getByRole('textbox', { name: en ? 'Broad rollout end' : 'Breddinförande, slut' });
      await end.fill(nextMonth(await end.inputValue()));
      await click(form.getByRole('button', { name: en ? 'Save' : 'Spara', exact: true }));
      await form.waitFor({ state: 'detached' });
      await click(frame.locator('section.io-view-section').first().locator('tbody tr[data-row]:not(.io-roadmap__national) button').first());
      await click(form.getByRole('button', { name: en ? 'History' : 'Historik', exact: true }));
      const history = frame.getByRole('dialog', { name: en ? /^History: .+ in / : /^Historik: .+ i / });
      await history.locator('table.rs-history tbody tr').first().waitFor();
      violations = await runAxe(frame);
      assert.equal(violations.length, 0, describeViolations(violations));
      await page.context().close();
    });
  }

  it('offers anonymous readers neither the window forms nor their history', async () => {
    const { page, frame } = await open({ user: 'anonymous' });
    await frame.locator('svg.io-tl rect.io-tl__bar').first().waitFor();
    assert.equal(await frame.getByRole('button', { name: 'Redigera', exact: true }).count(), 0);
    assert.equal(await frame.locator('button.io-tl__edit-button, .io-roadmap__edit-row').count(), 0);
    assert.equal(await frame.getByRole('button', { name: /^Historik/ }).count(), 0);
    // A bar is an image with details, not a button that opens a form.
    assert.equal(await frame.locator('svg.io-tl rect.io-tl__bar').first().getAttribute('role'), 'img');
    await page.context().close();
  });
});
