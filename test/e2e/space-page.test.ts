/**
 * The space page (confluence:spacePage, decision 0022) on the local host: the space administrator changes a
 * programme's name and the page shows it; a reader sees the list without any edit control; the administrator
 * edits the programme's milestone template; axe finds no violations in sv/en, light/dark.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { click, describeViolations, openSpacePage, runAxe, sharedHostAndBrowser } from './support';

const env = sharedHostAndBrowser();

test('the space administrator renames the programme and the list shows the new name', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', ready: 'table' });
  const name = frame.getByLabel('Namn', { exact: false }).first();
  await name.fill('FLDV – nytt namn');
  await click(frame.getByRole('button', { name: 'Spara inställningar' }));
  await frame.getByRole('rowheader', { name: /FLDV – nytt namn/ }).waitFor();
  await page.screenshot({ path: '.probe/admin/e2e-admin-saved.png', fullPage: true });
  await page.context().close();
});

test('the space administrator adds a participant and retires it; the participant count follows and it can be reinstated', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', ready: 'table' });
  const add = frame.getByRole('form', { name: 'Lägg till en deltagare' });
  await add.getByRole('textbox', { name: /^Kod/ }).fill('0180');
  await add.getByRole('textbox', { name: /^Namn/ }).fill('Stockholms stad');
  await add.getByRole('textbox', { name: /^Kort namn/ }).fill('Sthlm stad');
  await click(add.getByRole('button', { name: 'Lägg till' }));
  await frame.getByRole('cell', { name: '22', exact: true }).waitFor();

  const edit = frame.getByRole('form', { name: 'Byt namn på eller avveckla en deltagare' });
  await edit.getByRole('combobox', { name: /^Deltagare/ }).selectOption('0180');
  await click(edit.getByRole('button', { name: 'Avveckla' }));
  await frame.getByRole('button', { name: 'Återinför Stockholms stad' }).waitFor();
  await frame.getByRole('cell', { name: '21', exact: true }).waitFor();
  await click(frame.getByRole('button', { name: 'Återinför Stockholms stad' }));
  await frame.getByRole('cell', { name: '22', exact: true }).waitFor();
  await page.context().close();
});

test('a reader sees the programmes and no edit controls', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-viewer', ready: 'table' });
  // A signed-in reader may read the programme's history (decision 0030): its filters are the only form and
  // its buttons the only buttons; nothing that changes the programme is offered.
  const outsideHistory = (selector: string) => frame.locator(`${selector}:not(.io-admin-history *)`);
  assert.equal(await frame.locator('.io-admin-history form').count(), 1);
  assert.equal(await outsideHistory('table').count(), 1, 'the selector sees what is outside the history: the list of programmes');
  assert.equal(await outsideHistory('form').count(), 0);
  assert.equal(await outsideHistory('button').count(), 0);
  assert.ok(await frame.getByText('bara utrymmets administratörer', { exact: false }).isVisible());
  await page.context().close();
});

// The programme's milestone template (decisions 0020, 0022): rename, add and move by keyboard, save; a
// fresh page reads it back; an empty title is refused with the error summary; no form for a page editor.
test('the space administrator renames a milestone, adds one, moves it up by keyboard and saves the template', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', ready: 'table' });
  const first = frame.getByRole('textbox', { name: /^Milstolpe 1 i Planering/ });
  assert.equal(await first.inputValue(), 'Införandeplan framtagen');
  await first.fill('Projektplan godkänd av styrgruppen');

  // Added by keyboard: type and press Enter in the phase's "new milestone" field.
  const added = frame.getByRole('textbox', { name: /^Ny milstolpe i Avslut/ });
  await added.fill('Slutrapport skriven');
  await added.press('Enter');
  const third = frame.getByRole('textbox', { name: /^Milstolpe 3 i Avslut/ });
  assert.equal(await third.inputValue(), 'Slutrapport skriven');
  assert.equal(await added.inputValue(), '');

  // Moved up by keyboard: focus its Up button and press Enter; focus stays on it.
  const up = frame.getByRole('button', { name: 'Flytta upp Slutrapport skriven' });
  await up.focus();
  await up.press('Enter');
  assert.equal(await frame.getByRole('textbox', { name: /^Milstolpe 2 i Avslut/ }).inputValue(), 'Slutrapport skriven');
  assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Flytta upp Slutrapport skriven');

  const violations = await runAxe(frame);
  assert.deepEqual(violations, [], describeViolations(violations));

  await click(frame.getByRole('button', { name: 'Spara mallen' }));
  await frame.getByText('Milstolpsmallen för', { exact: false }).first().waitFor({ state: 'attached' });
  await page.screenshot({ path: '.probe/support-data/template-saved.png', fullPage: true });
  await page.context().close();

  // A fresh page reads the saved template from the server.
  const again = await openSpacePage(env.browser, env.host, { user: 'demo-admin', locale: 'en', theme: 'dark', ready: 'table' });
  assert.equal(await again.frame.getByRole('textbox', { name: /^Milestone 1 in Planning/ }).inputValue(), 'Projektplan godkänd av styrgruppen');
  assert.equal(await again.frame.getByRole('textbox', { name: /^Milestone 2 in Closure/ }).inputValue(), 'Slutrapport skriven');
  assert.equal(await again.frame.getByRole('textbox', { name: /^Milestone 3 in Closure/ }).inputValue(), 'Uppföljning och utvärdering genomförd');
  const darkViolations = await runAxe(again.frame);
  await again.page.screenshot({ path: '.probe/support-data/template-en-dark.png', fullPage: true });
  assert.deepEqual(darkViolations, [], describeViolations(darkViolations));
  await again.page.context().close();
});

test('an empty title is not saved: the error summary names the field and nothing is written', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', ready: 'table' });
  const field = frame.getByRole('textbox', { name: /^Milstolpe 1 i Initiering/ });
  const before = await field.inputValue();
  await field.fill('   ');
  await click(frame.getByRole('button', { name: 'Spara mallen' }));
  await frame.getByRole('link', { name: /Milstolpe 1 i Initiering: Ange en rubrik/ }).waitFor();
  const violations = await runAxe(frame);
  assert.deepEqual(violations, [], describeViolations(violations));
  await page.context().close();
  const again = await openSpacePage(env.browser, env.host, { user: 'demo-admin', ready: 'table' });
  assert.equal(await again.frame.getByRole('textbox', { name: /^Milstolpe 1 i Initiering/ }).inputValue(), before);
  await again.page.context().close();
});

test('a page editor who does not administer the space gets no template form', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-editor', ready: 'table' });
  assert.equal(await frame.getByRole('button', { name: 'Spara mallen' }).count(), 0);
  await page.context().close();
});

for (const locale of ['sv', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const user of ['demo-admin', 'anonymous']) {
      test(`axe: no violations for ${user} in ${locale}, ${theme}`, async () => {
        const { page, frame } = await openSpacePage(env.browser, env.host, { user, locale, theme, ready: 'table' });
        const violations = await runAxe(frame);
        await page.screenshot({ path: `.probe/admin/space-page-${user}-${locale}-${theme}.png`, fullPage: true });
        assert.deepEqual(violations, [], describeViolations(violations));
        await page.context().close();
      });
    }
  }
}
