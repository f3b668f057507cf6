/**
 * The support-plan macro for editors, in a browser: a milestone ticked with the keyboard only is counted;
 * a contact saved as not public never reaches an anonymous reader; axe reports nothing in the edit dialogs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { describeViolations, escapeRegExp, runAxe, sharedHostAndBrowser, tabUntil, waitForAnnouncement, type PageOptions } from './support';
import { firstSection, openContacts, openSupportPlan, supportPlanEditMode as editMode } from './support-plan-page';

const env = sharedHostAndBrowser();

const open = (options: PageOptions) => openSupportPlan(env, options);

/** The first initiative's "x av y milstolpar klara" count. */
async function doneCount(section: Locator): Promise<number> {
  const line = await section.locator('.io-summary-line').first().innerText();
  const m = /(\d+) (av|of) \d+/.exec(line);
  assert.ok(m, `a milestone count in "${line}"`);
  return Number(m[1]);
}

describe('support plan editing', () => {
  it('lets an editor tick a milestone with the keyboard only, and counts it', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    const section = firstSection(frame);
    const before = await doneCount(section);
    const toggle = frame.getByRole('button', { name: 'Redigera', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await frame.locator('.sp-edit').first().waitFor();
    // The first milestone that is not done yet.
    const openRow = section.locator('table.io-milestones tbody tr', { hasText: 'Ej klar' }).first();
    const title = (await openRow.locator('th').innerText()).trim();
    await tabUntil(page, frame, (f) => f.name === `Ändra ${title}`, `the button of ${title}`, 300);
    await page.keyboard.press('Enter');
    const dialog = frame.getByRole('dialog');
    await dialog.waitFor();
    const done = dialog.getByRole('checkbox', { name: 'Klar', exact: true });
    assert.equal(await done.evaluate((el) => el === document.activeElement), true, 'focus starts on Klar');
    await page.keyboard.press('Space');
    assert.equal(await done.isChecked(), true);
    // The day done defaults to today, visibly.
    assert.match(await dialog.getByLabel('Klar den').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await page.keyboard.press('Tab'); // day done
    await page.keyboard.press('Tab'); // planned month
    await page.keyboard.press('Tab'); // note
    await page.keyboard.type('Avbockad med tangentbordet');
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, `${title} är sparad.`);
    await dialog.waitFor({ state: 'detached' });
    await section.locator('.io-summary-line', { hasText: new RegExp(`^${before + 1} av `) }).first().waitFor();
    assert.equal(await doneCount(section), before + 1);
    // Its row says done, with today's date (text content runs "Klar" into the date, so no word boundary).
    const row = section.locator('table.io-milestones tbody tr').filter({ has: frame.locator('th', { hasText: title }) });
    await row.filter({ hasNotText: 'Ej klar' }).first().locator('time').waitFor();
    await page.context().close();
  });

  it('keeps a contact that is not public from an anonymous reader', async () => {
    const secret = 'Anna Testsson, anna.testsson@example.se';
    const role = 'Införandesamordnare, testregion';
    const editor = await open({ user: 'demo-editor' });
    await editMode(editor.frame);
    const section = firstSection(editor.frame);
    const table = await openContacts(section);
    const row = table.locator('tbody tr').first();
    const region = (await row.locator('th').innerText()).split('\n')[0].trim();
    await row.getByRole('button', { name: `Ändra kontakt för ${region}` }).press('Enter');
    const dialog = editor.frame.getByRole('dialog');
    const regional = dialog.getByRole('group', { name: 'Regional kontakt' });
    const national = dialog.getByRole('group', { name: 'Nationell kontakt' });
    await regional.getByLabel('Roll, namn eller e-postadress').waitFor();
    // The help says a role is preferred and that a name is not public unless chosen.
    assert.match(await dialog.innerText(), /Införandesamordnare, Region Gotland/);
    await dialog.getByRole('checkbox', { name: 'Kontakt etablerad' }).check();
    await regional.getByLabel('Roll, namn eller e-postadress').fill(secret);
    await regional.getByRole('checkbox', { name: 'Visa för allmänheten' }).uncheck();
    await national.getByLabel('Roll, namn eller e-postadress').fill(role);
    await national.getByRole('checkbox', { name: 'Visa för allmänheten' }).check();
    await dialog.getByRole('button', { name: 'Spara' }).press('Enter');
    await waitForAnnouncement(editor.frame, `Kontakten med ${region} är sparad.`);
    await dialog.waitFor({ state: 'detached' });
    // The editor sees both.
    await table.locator('tbody tr', { hasText: secret }).waitFor();
    await editor.page.context().close();

    const reader = await open({ user: 'anonymous' });
    const readerSection = firstSection(reader.frame);
    const readerTable = await openContacts(readerSection);
    const readerRow = readerTable.locator('tbody tr', { hasText: region }).first();
    await readerRow.locator('td', { hasText: role }).waitFor();
    const text = await readerSection.innerText();
    assert.doesNotMatch(text, new RegExp(escapeRegExp('Anna Testsson')));
    assert.doesNotMatch(await reader.frame.locator('body').innerText(), /anna\.testsson@example\.se/);
    await reader.page.context().close();
  });

  it('adds milestones from a template', async () => {
    const { page, frame } = await open({ user: 'demo-editor', locale: 'en' });
    await editMode(frame, 'Edit');
    const section = firstSection(frame);
    const totalBefore = await section.locator('table.io-milestones tbody tr:not(.io-phase-row)').count();
    await section.getByRole('button', { name: /^Add from template to / }).press('Enter');
    const dialog = frame.getByRole('dialog');
    await dialog.getByLabel('Template').selectOption('execution-steps');
    await dialog.getByRole('button', { name: 'Add', exact: true }).press('Enter');
    await waitForAnnouncement(frame, /from “Execution steps of a solution” (is|are) added\.|already has every milestone/);
    await dialog.waitFor({ state: 'detached' });
    await frame.waitForFunction(
      ([n]) => document.querySelector('section.io-view-section')!.querySelectorAll('table.io-milestones tbody tr:not(.io-phase-row)').length > n,
      [totalBefore] as const,
    );
    await page.context().close();
  });

  for (const [locale, theme] of [
    ['sv', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`has no axe violations in the edit dialogs in ${locale} ${theme}`, async () => {
      const { page, frame } = await open({ user: 'demo-editor', locale, theme });
      const sv = locale === 'sv';
      await editMode(frame, sv ? 'Redigera' : 'Edit');
      const section = firstSection(frame);
      const check = async (what: string) => {
        const violations = await runAxe(frame);
        assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
      };
      await check('edit mode');
      const dialog = frame.getByRole('dialog');
      const cancel = () => dialog.getByRole('button', { name: sv ? 'Avbryt' : 'Cancel' }).press('Enter');

      await section.locator('table.io-milestones .sp-edit').first().press('Enter');
      await dialog.waitFor();
      await check('milestone dialog');
      // Form errors: a month that does not exist.
      await dialog.getByLabel(sv ? 'Planerad månad' : 'Planned month').fill('2026-13');
      await dialog.getByRole('button', { name: sv ? 'Spara' : 'Save' }).press('Enter');
      await dialog.locator('.rs-error-summary').waitFor();
      await check('milestone dialog with errors');
      await cancel();
      await dialog.waitFor({ state: 'detached' });

      const table = await openContacts(section, sv ? 'Kontaktuppgifter per region' : 'Contact details per region');
      await check('contact list in edit mode');
      await table.locator('.sp-edit').first().press('Enter');
      await dialog.getByRole('group').first().waitFor();
      await check('contact dialog');
      await cancel();
      await dialog.waitFor({ state: 'detached' });

      await section.getByRole('button', { name: sv ? /^Lägg till från mall i / : /^Add from template to / }).press('Enter');
      await dialog.waitFor();
      await check('template dialog');
      await cancel();
      await page.context().close();
    });
  }
});
