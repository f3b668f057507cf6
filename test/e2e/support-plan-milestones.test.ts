/**
 * Managing an initiative's milestones in the support-plan macro, in a browser and with the keyboard: add one
 * to a phase, rename it and plan its month, move it within its phase with the Up/Down buttons (focus stays
 * on the button), remove it and undo the removal, and find all of it in the history. axe reports nothing in
 * the new dialogs and in the undo bar, in sv light and en dark.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { describeViolations, focusedIn, runAxe, sharedHostAndBrowser, waitForAnnouncement, type PageOptions } from './support';
import { firstSection, openSupportPlan, supportPlanEditMode as editMode } from './support-plan-page';

const env = sharedHostAndBrowser();

const open = (options: PageOptions) => openSupportPlan(env, options);

/** The titles of one phase's milestones, in the order shown (the rows after the phase heading, up to the next). */
async function phaseTitles(section: Locator, phase: string): Promise<string[]> {
  return section.locator('table.io-milestones tbody').evaluateAll(
    (groups, name) => {
      const group = groups.find((g) => g.querySelector('.io-phase-row')?.textContent?.trim() === name);
      return group ? Array.from(group.querySelectorAll('tr:not(.io-phase-row) th')).map((th) => (th as HTMLElement).innerText.trim()) : [];
    },
    phase,
  );
}

describe('support plan milestones', () => {
  it('lets an editor add, rename, plan, move, remove and restore a milestone with the keyboard', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    await editMode(frame);
    const section = firstSection(frame);
    const dialog = frame.getByRole('dialog');
    const added = 'Testmilstolpe E2E';
    const renamed = 'Omdöpt milstolpe E2E';

    // Add: focus starts in Namn; the phase is chosen from a list; Enter saves.
    await section.getByRole('button', { name: /^Lägg till milstolpe i / }).press('Enter');
    await dialog.waitFor();
    const title = dialog.getByLabel('Namn');
    assert.equal(await title.evaluate((el) => el === document.activeElement), true, 'focus starts on Namn');
    await page.keyboard.type(added);
    await dialog.getByLabel('Fas').selectOption('planering');
    await dialog.getByLabel('Planerad månad').fill('2026-09');
    await title.press('Enter');
    await waitForAnnouncement(frame, `${added} är tillagd.`);
    await dialog.waitFor({ state: 'detached' });
    await section.locator('table.io-milestones th', { hasText: added }).waitFor();
    const before = await phaseTitles(section, 'Planering');
    assert.equal(before.at(-1), added, `a new milestone goes last in its phase: ${before.join(' | ')}`);
    assert.ok(before.length >= 2, 'the phase has another milestone to move past');

    // Move up one place within the phase; focus stays on the Up button of the milestone moved.
    await section.getByRole('button', { name: `Flytta upp ${added}` }).press('Enter');
    await waitForAnnouncement(frame, `${added} är flyttad till plats ${before.length - 1} av ${before.length} i fasen.`);
    await frame.waitForFunction(
      ([t]) => {
        const groups = Array.from(document.querySelectorAll('section.io-view-section')[0]!.querySelectorAll('table.io-milestones tbody'));
        const group = groups.find((g) => g.querySelector('.io-phase-row')?.textContent?.trim() === 'Planering');
        const titles = Array.from(group?.querySelectorAll('tr:not(.io-phase-row) th') ?? []).map((th) => (th as HTMLElement).innerText.trim());
        return titles.at(-2) === t;
      },
      [added] as const,
    );
    const after = await phaseTitles(section, 'Planering');
    assert.deepEqual(after, [...before.slice(0, -2), added, before.at(-2)]);
    const focused = await focusedIn(frame);
    assert.match(focused.name, new RegExp(`^Flytta (upp|ned) ${added}$`), `focus stays on a move button, not on ${focused.name}`);

    // Rename and plan a month in the same dialog.
    await section.getByRole('button', { name: `Ändra ${added}` }).press('Enter');
    await dialog.waitFor();
    await dialog.getByLabel('Namn').fill(renamed);
    await dialog.getByLabel('Planerad månad').fill('2026-10');
    await dialog.getByRole('button', { name: 'Spara' }).press('Enter');
    await waitForAnnouncement(frame, `${renamed} är sparad.`);
    await dialog.waitFor({ state: 'detached' });
    const row = section.locator('table.io-milestones tbody tr').filter({ has: frame.locator('th', { hasText: renamed }) });
    await row.waitFor();
    assert.match(await row.innerText(), /okt\.? 2026|oktober 2026/i);

    // Remove: focus starts on Avbryt; Tab to Ta bort. The undo button then has focus.
    await row.getByRole('button', { name: `Ta bort ${renamed}` }).press('Enter');
    await dialog.waitFor();
    assert.equal((await focusedIn(frame)).text, 'Avbryt');
    await page.keyboard.press('Tab');
    assert.equal((await focusedIn(frame)).text, 'Ta bort');
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, `${renamed} är borttagen.`);
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });
    const undo = section.getByRole('button', { name: `Ångra borttagningen av ${renamed}` });
    await undo.waitFor();
    await frame.waitForFunction(() => document.activeElement?.id === 'sp-undo');
    const violations = await runAxe(frame);
    assert.equal(violations.length, 0, `undo bar: ${describeViolations(violations)}`);
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, `${renamed} är tillbaka.`);
    await row.waitFor();
    assert.deepEqual(await phaseTitles(section, 'Planering'), after.map((t) => (t === added ? renamed : t)), 'back at its place');
    await undo.waitFor({ state: 'detached' });
    await frame.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Ändra ${renamed}`);

    // The history names each change; the removal can be restored from there too.
    await section.getByRole('button', { name: /^Historik för milstolpar och kontakter i / }).press('Enter');
    await dialog.waitFor();
    const history = dialog.locator('table');
    await history.locator('tbody tr', { hasText: renamed }).first().waitFor();
    const text = await history.innerText();
    assert.match(text, new RegExp(`${added}[\\s\\S]*${renamed}|${renamed}[\\s\\S]*${added}`), 'the rename shows old and new name');
    const historyViolations = await runAxe(frame);
    assert.equal(historyViolations.length, 0, `history dialog: ${describeViolations(historyViolations)}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('refuses a milestone without a name, with the error on the field, and saves nothing', async () => {
    const { page, frame } = await open({ user: 'demo-editor', locale: 'en' });
    await editMode(frame, 'Edit');
    const section = firstSection(frame);
    const count = await section.locator('table.io-milestones tbody tr:not(.io-phase-row)').count();
    await section.getByRole('button', { name: /^Add milestone to / }).press('Enter');
    const dialog = frame.getByRole('dialog');
    await dialog.getByLabel('Name').fill('   ');
    await dialog.getByLabel('Planned month').fill('2026-13');
    await dialog.getByRole('button', { name: 'Add milestone' }).press('Enter');
    const summary = dialog.locator('.rs-error-summary');
    await summary.waitFor();
    const listed = await summary.innerText();
    assert.match(listed, /Name/);
    assert.match(listed, /Planned month/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await section.locator('table.io-milestones tbody tr:not(.io-phase-row)').count(), count);
    await page.context().close();
  });

  for (const [locale, theme] of [
    ['sv', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`has no axe violations in the add, remove and history dialogs in ${locale} ${theme}`, async () => {
      const { page, frame } = await open({ user: 'demo-editor', locale, theme });
      const sv = locale === 'sv';
      await editMode(frame, sv ? 'Redigera' : 'Edit');
      const section = firstSection(frame);
      const dialog = frame.getByRole('dialog');
      const check = async (what: string) => {
        const violations = await runAxe(frame);
        assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
      };
      const cancel = async () => {
        await dialog.getByRole('button', { name: sv ? 'Avbryt' : 'Cancel' }).first().press('Enter');
        await dialog.waitFor({ state: 'detached' });
      };
      await section.getByRole('button', { name: sv ? /^Lägg till milstolpe i / : /^Add milestone to / }).press('Enter');
      await dialog.waitFor();
      await check('add dialog');
      await cancel();
      await section.getByRole('button', { name: sv ? /^Ta bort / : /^Remove / }).first().press('Enter');
      await dialog.waitFor();
      await check('remove dialog');
      await cancel();
      await section.getByRole('button', { name: sv ? /^Historik för / : /^History of / }).press('Enter');
      await dialog.locator('table, .io-empty, p').first().waitFor();
      await check('history dialog');
      await page.keyboard.press('Escape');
      await page.context().close();
    });
  }
});
