/**
 * A contact that is not public never reaches an anonymous reader (issue 9, decision 0020), checked where the
 * public can look: the support-plan view with its contact list, the rollout-status CSV download, the page's
 * ADF export (what a PDF or Word export holds), and the history (which the public cannot open at all). The
 * editor does see the contact, so the test would notice if it were never saved.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { click, macroFrame, openHostPage, sharedHostAndBrowser, waitForAnnouncement, type PageOptions } from './support';
import { firstSection, openContacts } from './support-plan-page';

const env = sharedHostAndBrowser();
const SECRET = 'Hemlig Testperson, hemlig.testperson@example.se';
const ROLE = 'Införandesamordnare, offentlig testroll';

async function open(options: PageOptions, macro = 'support-plan'): Promise<{ page: Page; frame: Frame }> {
  const page = await openHostPage(env.browser, env.host, options);
  const frame = await macroFrame(page, macro);
  await frame.locator(macro === 'support-plan' ? '.io-support' : 'table.rs-matrix').first().waitFor();
  return { page, frame };
}

const openFirstContacts = (frame: Frame, summary?: string) => openContacts(firstSection(frame), summary);

describe('support plan privacy for the public', () => {
  it('keeps a non-public contact out of the view, the CSV, the ADF export and the history', async () => {
    // The editor saves a person as the non-public regional contact and a role as the public national one.
    const editor = await open({ user: 'demo-editor' });
    await editor.frame.getByRole('button', { name: 'Redigera', exact: true }).press('Enter');
    const table = await openFirstContacts(editor.frame);
    const row = table.locator('tbody tr').first();
    const region = (await row.locator('th').innerText()).split('\n')[0]!.trim();
    await row.getByRole('button', { name: `Ändra kontakt för ${region}` }).press('Enter');
    const dialog = editor.frame.getByRole('dialog');
    const regional = dialog.getByRole('group', { name: 'Regional kontakt' });
    const national = dialog.getByRole('group', { name: 'Nationell kontakt' });
    await regional.getByLabel('Roll, namn eller e-postadress').fill(SECRET);
    await regional.getByRole('checkbox', { name: 'Visa för allmänheten' }).uncheck();
    await national.getByLabel('Roll, namn eller e-postadress').fill(ROLE);
    await national.getByRole('checkbox', { name: 'Visa för allmänheten' }).check();
    await dialog.getByRole('button', { name: 'Spara' }).press('Enter');
    await waitForAnnouncement(editor.frame, `Kontakten med ${region} är sparad.`);
    await table.locator('tbody tr', { hasText: SECRET }).waitFor();
    await editor.page.context().close();

    // View: the public contact is there, the person is not, and there is no history to open.
    const reader = await open({ user: 'anonymous' });
    const readerTable = await openFirstContacts(reader.frame);
    await readerTable.locator('td', { hasText: ROLE }).first().waitFor();
    assert.doesNotMatch(await reader.frame.locator('body').innerText(), /Hemlig Testperson|hemlig\.testperson/);
    assert.equal(await reader.frame.getByRole('button', { name: /^Historik/ }).count(), 0, 'no history for the public');
    assert.doesNotMatch(await reader.frame.content(), /Hemlig Testperson|hemlig\.testperson/, 'not even in the markup');
    await reader.page.context().close();

    // The rollout-status CSV of the public.
    const csvReader = await open({ user: 'anonymous' }, 'rollout-status');
    const [download] = await Promise.all([csvReader.page.waitForEvent('download'), click(csvReader.frame.getByRole('button', { name: 'Ladda ner CSV' }))]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.length > 100, 'a CSV file with content');
    assert.doesNotMatch(csv, /Hemlig Testperson|hemlig\.testperson/);
    await csvReader.page.context().close();

    // The support plan's contacts CSV: the public's has the role and not the person; the editor's has both.
    const contactsCsv = async (user: 'anonymous' | 'demo-editor') => {
      const { page, frame } = await open({ user });
      const [file] = await Promise.all([page.waitForEvent('download'), click(frame.getByRole('button', { name: 'Ladda ner kontakter och anslutning (CSV)' }))]);
      const text = await readFile(await file.path(), 'utf8');
      await page.context().close();
      return text;
    };
    const publicCsv = await contactsCsv('anonymous');
    assert.ok(publicCsv.includes(ROLE), 'the public contact is in the public CSV');
    assert.doesNotMatch(publicCsv, /Hemlig Testperson|hemlig\.testperson/);
    assert.ok((await contactsCsv('demo-editor')).includes(SECRET), 'the editor’s CSV has the non-public contact');

    // The ADF export (always for the public): the role may be there, the person is not.
    const res = await fetch(new URL('/export/1001.adf.json?user=anonymous', env.host.url));
    assert.equal(res.status, 200);
    const adf = await res.text();
    assert.doesNotMatch(adf, /Hemlig Testperson|hemlig\.testperson/);
  });
});
