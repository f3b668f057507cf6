/**
 * Onboarding on the local host (decision 0027): on the EMPTY space's space page the administrator is offered
 * the create section (axe-clean in sv/en, light/dark; anonymous sees no form), a custom list with mistakes is
 * refused line by line and nothing is created, then the 290 municipalities are chosen with the keyboard, the
 * programme is created, the page shows 290 participants and the first-page checklist, and the macro on the
 * EMPTY page shows the municipalities, its region chooser grouped by county.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { click, describeViolations, macroFrame, openHostPage, openSpacePage, runAxe, sharedHostAndBrowser, startHost } from './support';

const env = sharedHostAndBrowser();
const SHOTS = '.probe/onboarding';

for (const locale of ['sv', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe: the create section has no violations in ${locale}, ${theme}, with a custom list open`, async () => {
      const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', locale, theme, space: 'EMPTY' });
      // An administrator is pointed at the create section below, not sent off to add a macro first.
      await frame.getByText(locale === 'sv' ? 'Skapa det nedan.' : 'Create it below.', { exact: false }).waitFor();
      await frame.getByRole('radio', { name: locale === 'sv' ? 'Egen lista' : 'Custom list' }).check();
      await frame.getByRole('textbox', { name: locale === 'sv' ? /^Deltagarna/ : /^The participants/ }).waitFor();
      const violations = await runAxe(frame);
      await page.screenshot({ path: `${SHOTS}/create-admin-${locale}-${theme}.png`, fullPage: true });
      assert.deepEqual(violations, [], describeViolations(violations));
      await page.context().close();
    });
    test(`anonymous sees no create form on the empty space page (${locale}, ${theme}), and axe finds nothing`, async () => {
      const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'anonymous', locale, theme, space: 'EMPTY' });
      assert.equal(await frame.locator('form').count(), 0);
      await frame.getByText(locale === 'sv' ? 'Lägg till ett makro' : 'Add a Rollout overview macro', { exact: false }).waitFor();
      const violations = await runAxe(frame);
      await page.screenshot({ path: `${SHOTS}/create-anonymous-${locale}-${theme}.png`, fullPage: true });
      assert.deepEqual(violations, [], describeViolations(violations));
      await page.context().close();
    });
  }
}

test('a custom list with mistakes is refused by line and nothing is created', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', space: 'EMPTY' });
  await frame.getByRole('textbox', { name: /^Namn/ }).first().fill('Egen lista med fel');
  await frame.getByRole('radio', { name: 'Egen lista' }).check();
  const list = frame.getByRole('textbox', { name: /^Deltagarna/ });
  await list.fill('A;Alfa\nbara en kolumn\nA;Annan\n;Utan kod');
  await click(frame.getByRole('button', { name: 'Skapa program' }));
  const error = await frame.getByText('Rad 2: skriv kod;namn', { exact: false }).textContent();
  assert.match(error ?? '', /Rad 4: koden saknas/);
  assert.match(error ?? '', /Rad 3: koden finns redan/);
  // Focus moves to the list, so a keyboard user lands where the problems are.
  assert.equal(await list.evaluate((el) => el === document.activeElement), true);
  await page.screenshot({ path: `${SHOTS}/create-custom-errors.png`, fullPage: true });
  assert.equal(await frame.getByRole('table').count(), 0);
  await page.context().close();
});

test('the administrator creates a programme with the 290 municipalities and sees 290 participants', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, { user: 'demo-admin', space: 'EMPTY' });
  await frame.getByRole('textbox', { name: /^Namn/ }).first().fill('Kommunernas digitala vård');
  // The participant set with the keyboard: arrow keys move within the radio group.
  await frame.getByRole('radio', { name: '21 regioner' }).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await frame.getByRole('radio', { name: '290 kommuner, grupperade per län' }).isChecked(), true);
  await click(frame.getByRole('button', { name: 'Skapa program' }));
  await frame.getByRole('rowheader', { name: 'Kommunernas digitala vård' }).waitFor();
  assert.equal(await frame.getByRole('row', { name: /Kommunernas digitala vård/ }).getByRole('cell').first().textContent(), '290');
  await frame.getByRole('heading', { name: 'Nästa steg: en första sida' }).waitFor();
  await page.screenshot({ path: `${SHOTS}/created-municipalities.png`, fullPage: true });
  await page.context().close();

  // The macro on the EMPTY page now shows the programme, with the municipalities as its participants.
  const macroPage = await openHostPage(env.browser, env.host, { page: '3001', user: 'demo-editor' });
  const macro = await macroFrame(macroPage, 'rollout-status');
  await macro.getByText('Kiruna', { exact: false }).first().waitFor({ state: 'attached' });
  // The reader's region chooser lists the municipalities under their county.
  const kiruna = macro.locator('select optgroup[label="Län: Norrbotten"] option', { hasText: 'Kiruna' });
  assert.equal(await kiruna.count(), 1);
  await macroPage.screenshot({ path: `${SHOTS}/macro-municipalities.png`, fullPage: false });
  await macroPage.context().close();
});

test('an editor creates a programme with a custom list from the macro on the empty page', async () => {
  // A host of its own: the shared one's EMPTY space has a programme by now.
  const host = await startHost();
  try {
    const page = await openHostPage(env.browser, host, { page: '3001', user: 'demo-editor' });
    const macro = await macroFrame(page, 'rollout-status');
    await macro.getByRole('textbox', { name: /^Namn/ }).first().fill('Vårdcentralernas program');
    await macro.getByRole('radio', { name: 'Egen lista' }).check();
    await macro.getByRole('textbox', { name: /^Deltagarna/ }).fill('VC1;Vårdcentralen Norr\nVC2;Vårdcentralen Söder;Söder\n');
    const violations = await runAxe(macro);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: `${SHOTS}/macro-create-custom.png`, fullPage: true });
    await click(macro.getByRole('button', { name: 'Skapa program' }));
    // The view loads with the two participants as its region choices.
    const chooser = macro.getByRole('combobox', { name: 'Min region' });
    await chooser.waitFor();
    assert.deepEqual(await chooser.locator('option').allTextContents(), ['Alla', 'Vårdcentralen Norr', 'Vårdcentralen Söder']);
    await page.context().close();
  } finally {
    await host.close();
  }
});
