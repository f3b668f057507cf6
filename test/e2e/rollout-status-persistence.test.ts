/**
 * Issue 2's "done when": a status an editor saves through the form is still there, with its history,
 * after the local Forge host is stopped and started again on the same data file. Its own file (so its
 * own process): the Forge runtime the host installs is global to the process.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../dev/server';
import { ROLLOUT_STATUS_LABELS } from '../../src/shared/vocabulary';
import {
  cellStatus,
  editCellStatus,
  enterEditMode,
  launchBrowser,
  macroFrame,
  openCellHistory,
  openHostPage,
  otherStatus,
  rolloutCell,
  startHost,
  tableRows,
} from './support';

let browser: Browser;
let dir: string;
let host: RunningServer | undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'io-e2e-kvs-'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence across a host restart', () => {
  it('keeps an edited status and its history in the KVS file', async () => {
    const kvsFile = join(dir, 'kvs.json');
    const initiative = 'Journalen – ombudsåtkomst';
    const region = 'Region Västerbotten';

    host = await startHost({ kvsFile });
    const first = await openHostPage(browser, host, { user: 'demo-editor' });
    let change: Awaited<ReturnType<typeof editCellStatus>>;
    try {
      const frame = await macroFrame(first, 'rollout-status');
      await frame.locator('table.rs-matrix').waitFor();
      await enterEditMode(frame);
      change = await editCellStatus(frame, initiative, region, (s) => otherStatus(s));
    } finally {
      await first.context().close();
    }
    await host.close();
    host = undefined;
    assert.ok(existsSync(kvsFile), 'the host wrote its data file');

    host = await startHost({ kvsFile });
    const second = await openHostPage(browser, host, { user: 'demo-editor' });
    try {
      const frame = await macroFrame(second, 'rollout-status');
      await frame.locator('table.rs-matrix').waitFor();
      assert.equal(await cellStatus(rolloutCell(frame, initiative, region)), change.to, 'the restarted host shows the saved status');
      const history = await openCellHistory(frame, initiative, region);
      const rows = await tableRows(history.locator('table.rs-history'));
      const sv = (s: typeof change.to) => ROLLOUT_STATUS_LABELS[s].sv;
      assert.deepEqual(rows[0]!.slice(1, 5), ['Eva Redaktör', 'Status', sv(change.from), sv(change.to)]);
    } finally {
      await second.context().close();
    }
  });
});
