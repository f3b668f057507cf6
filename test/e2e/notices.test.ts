/**
 * A stored record that cannot be read, in the browser (issue 12, finding 4): one initiative record of the demo
 * programme is damaged in the local KVS as a hand edit or a bad restore would. Every macro still shows the
 * rest of the programme, with a warning above the view that names the record and says the rest is shown;
 * for anonymous readers too, and axe-clean.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../dev/server';
import { describeViolations, launchBrowser, macroFrame, openHostPage, runAxe, startHost } from './support';

let host: RunningServer;
let browser: Browser;
let damaged: { key: string; name: string };

type Snapshot = { spaces: Record<string, Record<string, { value: { programmeId?: string; order?: number; data?: unknown } }>> };

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  // The demo programme's second initiative (by order), with its name, so the test can tell it is left out.
  const initiatives = Object.entries((host.kvs.snapshot() as unknown as Snapshot).spaces['entity:initiative'] ?? {});
  const [key, record] = initiatives.sort(([, a], [, b]) => (a.value.order ?? 0) - (b.value.order ?? 0))[1]!;
  const view = await host.kvs.handle('/api/v1/entity/get', { entityName: 'initiative', key });
  assert.ok(view.status < 300);
  damaged = { key, name: JSON.stringify(record.value.data).match(/"name":"([^"]+)"/)?.[1] ?? '' };
  const written = await host.kvs.handle('/api/v1/entity/set', { entityName: 'initiative', key, value: { ...record.value, data: 'b:this is not brotli' } });
  assert.ok(written.status < 300, 'the record was overwritten');
  await host.kvs.handle('/api/v1/set', { key: 'meta:revision', value: `damaged-${Date.now()}` });
});
after(async () => {
  await browser?.close();
  await host?.close();
});

describe('an initiative record that cannot be read', () => {
  for (const [user, locale, expected] of [
    ['anonymous', 'sv', /1 införande kunde inte läsas och visas inte\.[\s\S]*Resten av programmet visas som vanligt\./],
    ['demo-editor', 'en', /1 initiative could not be read and is not shown\.[\s\S]*The rest of the programme is shown as usual\./],
  ] as const) {
    it(`shows ${user} (${locale}) a warning naming the record above each view, and the rest of the programme`, async () => {
      const page = await openHostPage(browser, host, { user, locale });
      try {
        for (const moduleKey of ['rollout-status', 'technical-needs', 'support-plan', 'roadmap']) {
          const frame = await macroFrame(page, moduleKey);
          const notice = frame.locator('.io-view-notices');
          await notice.waitFor({ timeout: 15_000 });
          const text = await notice.innerText();
          assert.match(text, expected, `${moduleKey}: ${text}`);
          assert.match(text, new RegExp(damaged.key), `${moduleKey}: the notice names the record`);
          const body = await frame.locator('body').innerText();
          if (damaged.name) assert.doesNotMatch(body.replace(text, ''), new RegExp(`^${damaged.name}$`, 'm'), `${moduleKey}: the damaged initiative is left out`);
          // axe once per view (the notice is the same for every user), to keep the test short.
          if (user === 'anonymous') {
            const violations = await runAxe(frame);
            assert.deepEqual(violations, [], `axe on ${moduleKey}: ${describeViolations(violations)}`);
          }
        }
        // The rest is shown: the matrix still has rows.
        const rollout = await macroFrame(page, 'rollout-status');
        assert.ok((await rollout.locator('table.rs-matrix tbody tr').count()) > 1, 'the other initiatives are shown');
      } finally {
        await page.context().close();
      }
    });
  }
});
