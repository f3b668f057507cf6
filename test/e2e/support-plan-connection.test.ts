/**
 * The per-participant connection process in the support-plan macro, in a browser (issue 9, decision 0026): an
 * editor applies the connection-process template to an initiative, sets a region's start with the keyboard and
 * ticks its first steps; the region's row then says how many steps are done, names the next step and gives its
 * planned day (start + its week), for the editor and for an anonymous reader. axe reports nothing, sv light
 * and en dark, editor and anonymous.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { describeViolations, runAxe, sharedHostAndBrowser, waitForAnnouncement, type PageOptions } from './support';
import { firstSection, openSupportPlan, supportPlanEditMode } from './support-plan-page';

const env = sharedHostAndBrowser();

const open = (options: PageOptions) => openSupportPlan(env, options);

async function openConnection(section: Locator, summary: string): Promise<Locator> {
  await section.locator('summary', { hasText: summary }).press('Enter');
  const table = section.locator('table.sp-connection-table');
  await table.waitFor();
  return table;
}

describe('support plan connection process', () => {
  it('applies the connection-process template, starts a region and shows its planned days, also to the public', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    await supportPlanEditMode(frame);
    const section = firstSection(frame);
    const dialog = frame.getByRole('dialog');

    // The template: its steps become milestones, and the initiative now follows the process.
    await section.getByRole('button', { name: /^Lägg till från mall i / }).press('Enter');
    await dialog.getByLabel('Mall').selectOption('connection-process');
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).press('Enter');
    await waitForAnnouncement(frame, /från ”Anslutningsprocess.*” (är tillagd|är tillagda)\.|har redan alla milstolpar/);
    await dialog.waitFor({ state: 'detached' });
    const table = await openConnection(section, 'Anslutningsprocess per region');
    const row = table.locator('tbody tr').first();
    const region = (await row.locator('th').innerText()).split('\n')[0]!.trim();
    assert.match(await row.innerText(), /Inte startad/);

    // Start and two steps, with the keyboard: focus starts in Startdag; Tab to the steps; Space ticks.
    await row.getByRole('button', { name: `Ändra anslutningsprocessen för ${region}` }).press('Enter');
    await dialog.waitFor();
    const start = dialog.getByLabel('Startdag');
    assert.equal(await start.evaluate((el) => el === document.activeElement), true, 'focus starts on Startdag');
    await page.keyboard.type('2026-02-02');
    // Each step shows its planned day once the start is a real day.
    await dialog.getByText(/Planerad .*\(vecka 12\)/).waitFor();
    const step1 = dialog.getByRole('checkbox', { name: /^1\. / });
    const step2 = dialog.getByRole('checkbox', { name: /^2\. / });
    await step1.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await step2.evaluate((el) => el === document.activeElement), true, 'Tab goes to step 2');
    await page.keyboard.press('Space');
    assert.equal(await step1.isChecked(), true);
    assert.equal(await step2.isChecked(), true);
    await dialog.getByRole('button', { name: 'Spara' }).press('Enter');
    await waitForAnnouncement(frame, `Anslutningsprocessen för ${region} är sparad.`);
    await dialog.waitFor({ state: 'detached' });

    // Two of twelve done; next is step 3, planned two weeks after the start, and that day has passed.
    const saved = table.locator('tbody tr', { has: frame.locator('th', { hasText: region }) }).first();
    await saved.locator('time[datetime="2026-02-16"]').waitFor();
    const text = await saved.innerText();
    assert.match(text, /steg 2 av 12/);
    assert.match(text, /3\. Samordning med driftleverantören/);
    assert.match(text, /Försenad/);
    assert.equal(await saved.locator('time[datetime="2026-02-02"]').count(), 1, 'the start is shown');
    const violations = await runAxe(frame);
    assert.equal(violations.length, 0, `editor with the process open: ${describeViolations(violations)}`);
    await page.context().close();

    // The public reads the same progress (no names are involved).
    const reader = await open({ user: 'anonymous', locale: 'en' });
    const readerTable = await openConnection(firstSection(reader.frame), 'Connection process per region');
    const readerRow = readerTable.locator('tbody tr').first();
    await readerRow.locator('time[datetime="2026-02-16"]').waitFor();
    assert.match(await readerRow.innerText(), /step 2 of 12/);
    assert.match(await readerRow.innerText(), /3\. Coordination with the operator/);
    assert.equal(await readerTable.getByRole('button').count(), 0, 'no edit buttons for the public');
    const readerViolations = await runAxe(reader.frame);
    assert.equal(readerViolations.length, 0, `anonymous: ${describeViolations(readerViolations)}`);
    await reader.page.context().close();
  });

  for (const [locale, theme, user] of [
    ['sv', 'light', 'demo-editor'],
    ['en', 'dark', 'demo-editor'],
    ['sv', 'dark', 'anonymous'],
    ['en', 'light', 'anonymous'],
  ] as const) {
    it(`has no axe violations with the connection process open in ${locale} ${theme} as ${user}`, async () => {
      const { page, frame } = await open({ user, locale, theme });
      const sv = locale === 'sv';
      const section = firstSection(frame);
      const summary = section.locator('summary', { hasText: sv ? 'Anslutningsprocess per region' : 'Connection process per region' });
      // The first test gave the first initiative the process; the order of tests in this file is fixed.
      await summary.waitFor();
      await openConnection(section, sv ? 'Anslutningsprocess per region' : 'Connection process per region');
      let violations = await runAxe(frame);
      assert.equal(violations.length, 0, `view: ${describeViolations(violations)}`);
      if (user === 'demo-editor') {
        const toggle = frame.getByRole('button', { name: sv ? 'Redigera' : 'Edit', exact: true });
        await toggle.press('Enter');
        // Wait for edit mode to be on before using the row buttons (a key press can land while the view settles).
        await frame.locator('button[aria-pressed="true"]', { hasText: sv ? 'Redigera' : 'Edit' }).waitFor();
        const change = section.locator('table.sp-connection-table .sp-edit').first();
        await change.waitFor();
        await change.press('Enter');
        const dialog = frame.getByRole('dialog');
        // The dialogs are a chunk loaded on first use: slow on a loaded machine.
        await dialog.waitFor({ timeout: 60_000 });
        violations = await runAxe(frame);
        assert.equal(violations.length, 0, `dialog: ${describeViolations(violations)}`);
        await page.keyboard.press('Escape');
      }
      await page.context().close();
    });
  }
});
