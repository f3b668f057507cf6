/**
 * The programme's history on the space page (issue 11, decision 0030): a signed-in reader filters it by
 * participant, user and start date, reads the list, gets the "what changed since" summary to paste into a
 * report, and downloads the filtered history as CSV; axe finds no violations, in Swedish and English. An
 * anonymous visitor is asked to sign in and sees no change.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Frame } from 'playwright-core';
import { buildDemoProgramme } from '../../dev/demo-data';
import type { RunningServer } from '../../dev/server';
import { click, describeViolations, launchBrowser, openSpacePage, runAxe, startHost } from './support';

const demo = buildDemoProgramme(new Date());
const programme = demo.programme;
const participant = programme.participants[0]!;

let browser: Browser;
let host: RunningServer;
before(async () => {
  browser = await launchBrowser();
  host = await startHost();
});
after(async () => {
  await host?.close();
  await browser?.close();
});

async function assertAxeClean(frame: Frame, what: string) {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
}

const TEXT = {
  sv: {
    section: `Historik för ${programme.name}`,
    participant: 'Deltagare',
    user: 'Ändrat av',
    from: 'Från och med',
    show: 'Visa',
    digest: 'Kopiera sammanfattning',
    digestLabel: 'Sammanfattning att klistra in i en rapport',
    digestTitle: `Ändringar i ${programme.name} sedan`,
    csv: 'Ladda ned CSV',
    csvHeader: 'Tid;Införande;Deltagare;Fält;Före;Efter;Ändrat av;Import',
  },
  en: {
    section: `History of ${programme.name}`,
    participant: 'Participant',
    user: 'Changed by',
    from: 'From',
    show: 'Show',
    digest: 'Copy summary',
    digestLabel: 'Summary to paste into a report',
    digestTitle: `Changes in ${programme.name} since`,
    csv: 'Download CSV',
    csvHeader: 'Time;Initiative;Participant;Field;Before;After;Changed by;Import',
  },
} as const;

for (const locale of ['sv', 'en'] as const) {
  test(`a reader filters the history, copies the summary and downloads the CSV (${locale})`, async () => {
    const t = TEXT[locale];
    const { page, frame } = await openSpacePage(browser, host, { user: 'demo-viewer', locale, acceptDownloads: true });
    try {
      const section = frame.getByRole('region', { name: t.section });
      await section.getByLabel(t.participant).selectOption(participant.code);
      await click(section.getByRole('button', { name: t.show, exact: true }));
      const table = section.getByRole('table');
      await table.locator('tbody tr').first().waitFor();
      const participants = await table.locator('tbody tr td:nth-child(3)').allTextContents();
      assert.ok(participants.length > 0);
      assert.deepEqual([...new Set(participants)], [participant.name], 'only the chosen participant’s changes');

      // The user filter offers the people among the changes shown; one of them narrows the list to theirs.
      const user = section.getByLabel(t.user);
      const names = (await user.locator('option').allTextContents()).slice(1);
      assert.ok(names.length > 0, 'the changes shown name who made them');
      await user.selectOption({ label: names[0]! });
      const since = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
      await section.getByLabel(t.from).fill(since);
      await click(section.getByRole('button', { name: t.show, exact: true }));
      await table.locator('tbody tr').first().waitFor();
      await frame.waitForFunction(
        ({ name }) => [...document.querySelectorAll('.io-admin-history__table tbody tr td:nth-child(5)')].every((td) => td.textContent === name),
        { name: names[0]! },
      );

      await click(section.getByRole('button', { name: t.digest }));
      const digest = section.getByLabel(t.digestLabel);
      await digest.waitFor();
      const text = await digest.inputValue();
      assert.ok(text.startsWith(t.digestTitle), text.slice(0, 200));
      assert.ok(text.includes(participant.name), 'the summary names the participant');
      await assertAxeClean(frame, `filtered list and summary, ${locale}`);
      await page.screenshot({ path: `.probe/history/e2e-history-${locale}.png`, fullPage: true }).catch(() => undefined);

      const downloading = page.waitForEvent('download');
      await click(section.getByRole('button', { name: t.csv }));
      const download = await downloading;
      assert.match(download.suggestedFilename(), /^historik-.*-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      assert.ok(csv.startsWith(`\uFEFF${t.csvHeader}\r\n`), csv.slice(0, 120));
      assert.ok(csv.split('\r\n').length > 2, 'the CSV holds the filtered changes');
    } finally {
      await page.context().close();
    }
  });
}

test('an anonymous visitor is asked to sign in and sees no change', async () => {
  const { page, frame } = await openSpacePage(browser, host, { user: 'anonymous' });
  try {
    const section = frame.getByRole('region', { name: TEXT.sv.section });
    await click(section.getByRole('button', { name: TEXT.sv.show, exact: true }));
    await section.getByText('Logga in för att se programmets historik.').waitFor();
    assert.equal(await section.getByRole('table').count(), 0);
    await assertAxeClean(frame, 'anonymous');
  } finally {
    await page.context().close();
  }
});
