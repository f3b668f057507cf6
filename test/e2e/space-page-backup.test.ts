/**
 * Backup and restore on the space page (issue 11, decision 0029): the INF administrator downloads the demo
 * programme's backup, and restores it into a new, empty local site: the dry run reports what will be
 * created, the restore is confirmed, and the programme appears on the space page and in the macro. A file
 * changed by hand is refused in the dry run. axe finds no violations in the report, in Swedish and English.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Frame } from 'playwright-core';
import { buildDemoProgramme } from '../../dev/demo-data';
import type { RunningServer } from '../../dev/server';
import { click, describeViolations, launchBrowser, macroFrame, openHostPage, openSpacePage, runAxe, startHost } from './support';

const demo = buildDemoProgramme(new Date());

async function assertAxeClean(frame: Frame, what: string) {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
}

test('a backup downloaded from one site and restored into an empty one', async () => {
  const browser = await launchBrowser();
  let source: RunningServer | null = await startHost();
  let target: RunningServer | null = null;
  try {
    const { page, frame } = await openSpacePage(browser, source, { user: 'demo-admin', acceptDownloads: true });
    const downloading = page.waitForEvent('download');
    await click(frame.getByRole('button', { name: `Ladda ned säkerhetskopia av ${demo.programme.name}` }));
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^programme-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    const backup = JSON.parse(text) as { counts: { initiatives: number }; parts: unknown[] };
    assert.equal(backup.counts.initiatives, demo.initiatives.length);
    await page.context().close();
    // One local site per process: the source is closed before the empty one starts.
    await source.close();
    source = null;

    target = await startHost({ seedDemo: false });
    for (const locale of ['en', 'sv'] as const) {
      const { page: empty, frame: restore } = await openSpacePage(browser, target, { user: 'demo-admin', locale, acceptDownloads: true });
      const input = restore.getByLabel(locale === 'sv' ? 'Fil med säkerhetskopia (.json)' : 'Backup file (.json)');
      // Changed by hand: the dry run refuses it and says so.
      const tampered = text.replace(demo.initiatives[0].name, `${demo.initiatives[0].name} (ändrad)`);
      await input.setInputFiles({ name: 'changed.json', mimeType: 'application/json', buffer: Buffer.from(tampered, 'utf8') });
      await restore.getByText(locale === 'sv' ? 'Filen kan inte återställas' : 'The file cannot be restored').waitFor();
      await assertAxeClean(restore, `problems, ${locale}`);
      await empty.screenshot({ path: `.probe/backup/e2e-problems-${locale}.png`, fullPage: true });

      await input.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
      await restore.getByText(locale === 'sv' ? /Kontrollen är klar/ : /The check is done/).waitFor({ timeout: 60_000 });
      await assertAxeClean(restore, `dry run, ${locale}`);
      await empty.screenshot({ path: `.probe/backup/e2e-dry-run-${locale}.png`, fullPage: true });
      if (locale === 'en') {
        await empty.context().close();
        continue;
      }
      await click(restore.getByRole('button', { name: 'Återställ programmet' }));
      await restore.getByRole('table').getByText(demo.programme.name).waitFor({ timeout: 60_000 });
      await assertAxeClean(restore, 'restored, sv');
      await empty.screenshot({ path: '.probe/backup/e2e-restored-sv.png', fullPage: true });
      await empty.context().close();
    }
    const page2 = await openHostPage(browser, target, { user: 'demo-viewer' });
    const status = await macroFrame(page2, 'rollout-status');
    await status.getByText(demo.initiatives[0].name).first().waitFor();
    await page2.context().close();
  } finally {
    await source?.close();
    await target?.close();
    await browser.close();
  }
});
