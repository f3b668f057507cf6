/**
 * The technical-needs macro in a browser: an editor adds a need from the catalogue, sets a participant's
 * progress with the keyboard only, a reader who has chosen a region sees its to-do list first, and axe
 * reports nothing as anonymous and editor in sv/en, light/dark. Screenshots go to SCREENSHOT_DIR if set.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { click, describeViolations, macroFrame, openHostPage, runAxe, sharedHostAndBrowser, waitForAnnouncement, waitForLayoutStable, type PageOptions } from './support';

const env = sharedHostAndBrowser();
const SHOTS = process.env.SCREENSHOT_DIR;

/**
 * Chooses a region as the shell's chooser in another macro would: that macro emits the page event
 * (page-events/region-choice.ts), and this macro's store takes it up.
 */
async function chooseRegion(page: Page, code: string): Promise<void> {
  const other = await macroFrame(page, 'rollout-status');
  await other.evaluate(
    `window.__bridge.callBridge('emit', { event: 'inforandeoversikt:region-choice', payload: { v: 1, code: ${JSON.stringify(code)}, at: Date.now(), from: 'e2e-test' } })`,
  );
}

async function open(options: PageOptions & { region?: string }): Promise<{ page: Page; frame: Frame }> {
  const page = await openHostPage(env.browser, env.host, options);
  const frame = await macroFrame(page, 'technical-needs');
  await frame.locator('.io-needs').waitFor();
  if (options.region) {
    await chooseRegion(page, options.region);
    await frame.locator('.tn-todo').waitFor();
    // Every macro on the page reorders for the region, and their iframes resize and move.
    await waitForLayoutStable(page);
  }
  return { page, frame };
}

async function shot(page: Page, frame: Frame, name: string): Promise<void> {
  if (!SHOTS) return;
  const el = await frame.frameElement();
  await el.screenshot({ path: `${SHOTS}/${name}.png` });
  void page;
}

describe('technical needs', () => {
  it('shows the to-do list of the chosen region first, with its summary', async () => {
    const { page, frame } = await open({ user: 'anonymous', region: '01' });
    const todo = frame.locator('.tn-todo');
    await todo.waitFor();
    assert.match(await todo.locator('h3').innerText(), /^Att göra för /);
    assert.match(await todo.locator('.tn-todo__summary').innerText(), /\d+ av \d+ obligatoriska klara|Inga obligatoriska behov/);
    // Open required items come first.
    const rows = todo.locator('tbody tr');
    assert.ok((await rows.count()) > 0);
    const first = await rows.first().innerText();
    assert.match(first, /Obligatorisk/);
    assert.doesNotMatch(first, /\bKlar\b/);
    await shot(page, frame, 'todo-M-sv-light');
    await page.context().close();
  });

  it('lets an editor add a need from the catalogue', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    await click(frame.getByRole('button', { name: 'Redigera', exact: true }));
    const add = frame.getByRole('button', { name: /^Lägg till behov i / }).first();
    await click(add);
    const dialog = frame.getByRole('dialog');
    await dialog.getByLabel('Utgå från katalogen').selectOption('sjunet');
    assert.equal(await dialog.getByLabel('Namn').inputValue(), 'Sjunet-anslutning');
    await click(dialog.getByRole('button', { name: 'Spara' }));
    await waitForAnnouncement(frame, 'Sjunet-anslutning är tillagt.');
    await frame.locator('.tn-needs th.tn-need', { hasText: 'Sjunet-anslutning' }).first().waitFor();
    await shot(page, frame, 'editor-M-sv-light');
    await page.context().close();
  });

  it('lets an editor set a participant’s progress with the keyboard only', async () => {
    const { page, frame } = await open({ user: 'demo-editor' });
    const toggle = frame.getByRole('button', { name: 'Redigera', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const cell = frame.locator('.tn-progress .rs-cell-button').first();
    const name = await cell.innerText();
    await cell.focus();
    await page.keyboard.press('Enter');
    const dialog = frame.getByRole('dialog');
    await dialog.waitFor();
    const checked = dialog.locator('input[type=radio]:checked');
    await checked.waitFor();
    const before = await checked.getAttribute('value');
    // Arrow keys move the radio choice; Enter in the note would add a line, so Tab to Save.
    await page.keyboard.press(before === 'not-applicable' ? 'ArrowUp' : 'ArrowDown');
    const after = await dialog.locator('input[type=radio]:checked').getAttribute('value');
    assert.notEqual(after, before);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Beställt av regionen');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, / är sparat\.$/);
    await dialog.waitFor({ state: 'detached' });
    assert.ok(name.length > 0);
    await page.context().close();
  });

  for (const user of ['anonymous', 'demo-editor'] as const) {
    for (const [locale, theme] of [
      ['sv', 'light'],
      ['sv', 'dark'],
      ['en', 'light'],
      ['en', 'dark'],
    ] as const) {
      it(`has no axe violations as ${user} in ${locale} ${theme}`, async () => {
        const { page, frame } = await open({ user, locale, theme, region: '01' });
        if (user === 'demo-editor') {
          const label = locale === 'sv' ? 'Redigera' : 'Edit';
          const toggle = frame.getByRole('button', { name: label, exact: true });
          await click(toggle);
          // One press turns edit mode on (openHostPage waits for the page's layout to settle first).
          await frame.locator('button[aria-pressed="true"]', { hasText: label }).waitFor();
          await frame.locator('.tn-progress .rs-cell-button').first().waitFor();
        }
        // Open the drill-downs so their content is checked too.
        for (const s of await frame.locator('details.tn-open > summary').all()) await click(s);
        const violations = await runAxe(frame);
        assert.equal(violations.length, 0, describeViolations(violations));
        await shot(page, frame, `${user}-M-${locale}-${theme}`);
        await page.context().close();
      });
    }
  }
});
