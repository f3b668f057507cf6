/**
 * The space page (confluence:spacePage, decision 0022) on the local host: the space administrator changes a
 * programme's name and the page shows it; a reader sees the list without any edit control; axe finds no
 * violations in sv/en, light/dark.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import type { RunningServer } from '../../dev/server';
import { click, describeViolations, runAxe, sharedHostAndBrowser } from './support';

const env = sharedHostAndBrowser();

async function openSpacePage(browser: Browser, host: RunningServer, user: string, locale: 'sv' | 'en' = 'sv', theme: 'light' | 'dark' = 'light'): Promise<{ page: Page; frame: Frame }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  const url = new URL('/spaces/INF/apps/inforandeoversikt', host.url);
  url.searchParams.set('user', user);
  url.searchParams.set('locale', locale);
  url.searchParams.set('theme', theme);
  await page.goto(url.toString());
  const element = await page.waitForSelector('iframe[data-module-key="programme-admin"]');
  const frame = (await element.contentFrame())!;
  await frame.waitForSelector('table');
  return { page, frame };
}

test('the space administrator renames the programme and the list shows the new name', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, 'demo-admin');
  const name = frame.getByLabel('Namn', { exact: false }).first();
  await name.fill('FLDV – nytt namn');
  await click(frame.getByRole('button', { name: 'Spara inställningar' }));
  await frame.getByRole('rowheader', { name: /FLDV – nytt namn/ }).waitFor();
  await page.screenshot({ path: '.probe/admin/e2e-admin-saved.png', fullPage: true });
  await page.context().close();
});

test('the space administrator adds a participant and retires it; the participant count follows and it can be reinstated', async () => {
  const { page, frame } = await openSpacePage(env.browser, env.host, 'demo-admin');
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
  const { page, frame } = await openSpacePage(env.browser, env.host, 'demo-viewer');
  assert.equal(await frame.locator('form').count(), 0);
  assert.equal(await frame.getByRole('button').count(), 0);
  assert.ok(await frame.getByText('bara utrymmets administratörer', { exact: false }).isVisible());
  await page.context().close();
});

for (const locale of ['sv', 'en'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    for (const user of ['demo-admin', 'anonymous']) {
      test(`axe: no violations for ${user} in ${locale}, ${theme}`, async () => {
        const { page, frame } = await openSpacePage(env.browser, env.host, user, locale, theme);
        const violations = await runAxe(frame);
        await page.screenshot({ path: `.probe/admin/space-page-${user}-${locale}-${theme}.png`, fullPage: true });
        assert.deepEqual(violations, [], describeViolations(violations));
        await page.context().close();
      });
    }
  }
}
