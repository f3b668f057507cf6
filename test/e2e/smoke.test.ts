/**
 * Browser smoke test: the local Forge host serves the four macros with demo data in real Chromium, for
 * an anonymous visitor and for an editor; anonymous visitors see no edit controls; every view is
 * axe-clean in light and dark, Swedish and English.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MACRO_KEYS } from '../../src/shared/vocabulary';
import { describeViolations, macroFrame, openHostPage, runAxe, sharedHostAndBrowser } from './support';

const env = sharedHostAndBrowser();

const EDIT_CONTROL = /^(Redigera|Edit|Lägg till|Add)\b/;

for (const user of ['anonymous', 'demo-editor'] as const) {
  describe(`page with all four macros, as ${user}`, () => {
    it('renders every macro with the demo data', async () => {
      const page = await openHostPage(env.browser, env.host, { user });
      try {
        for (const key of MACRO_KEYS) {
          const frame = await macroFrame(page, key);
          await frame.locator('table').filter({ visible: true }).first().waitFor({ timeout: 15_000 });
          const text = await frame.locator('body').innerText();
          assert.match(text, /1177 inkorg – digitala kallelser/, `${key} shows the demo initiatives`);
          assert.match(text, /Exempeldata/, `${key} marks the example data`);
        }
      } finally {
        await page.context().close();
      }
    });
  });
}

describe('anonymous visitor', () => {
  it('sees no edit controls in any macro', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      for (const key of MACRO_KEYS) {
        const frame = await macroFrame(page, key);
        const buttons = await frame.getByRole('button').allInnerTexts();
        const editButtons = buttons.filter((b) => EDIT_CONTROL.test(b.trim()));
        assert.deepEqual(editButtons, [], `${key} shows no edit controls to anonymous visitors`);
      }
    } finally {
      await page.context().close();
    }
  });

  it('gets the typed permission error from a direct invoke of a mutating resolver, and nothing is written', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      const frame = await macroFrame(page, 'rollout-status');
      const before = await frame.locator('body').innerText();
      // Straight to the invoke endpoint, as a hostile page script could: the server must refuse it.
      const result = await frame.evaluate(async () => {
        const bridge = (window as unknown as { __bridge: { callBridge: (m: string, p: unknown) => Promise<unknown> } }).__bridge;
        return bridge.callBridge('invoke', {
          functionKey: 'updateCell',
          payload: { initiativeId: 'x', regionCode: '01', patch: { status: 'live' }, expected: { status: 'not-started' } },
        });
      });
      assert.equal((result as { ok: boolean }).ok, false);
      assert.equal((result as { error: { code: string } }).error.code, 'PERMISSION');
      assert.equal((result as { error: { reason: string } }).error.reason, 'anonymous');
      await page.reload();
      const frameAfter = await macroFrame(page, 'rollout-status');
      await frameAfter.locator('table').filter({ visible: true }).first().waitFor();
      assert.equal(await frameAfter.locator('body').innerText(), before);
    } finally {
      await page.context().close();
    }
  });

  it('cannot reach the backend from app code except through the bridge, as on Forge', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'demo-editor' });
    try {
      const frame = await macroFrame(page, 'rollout-status');
      // Even with a valid instance token: the app's origin has no backend, as Forge's CDN has none.
      const status = await frame.evaluate(async () => {
        const instance = new URL(location.href).searchParams.get('instance');
        const res = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ instance, functionKey: 'getCapabilities', payload: {} }),
        });
        return res.status;
      });
      assert.equal(status, 403);
    } finally {
      await page.context().close();
    }
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const locale of ['sv', 'en'] as const) {
      it(`every view has no violations, ${theme} theme, ${locale}`, async () => {
        const page = await openHostPage(env.browser, env.host, { user: 'demo-editor', theme, locale });
        try {
          for (const key of MACRO_KEYS) {
            const frame = await macroFrame(page, key);
            const violations = await runAxe(frame);
            assert.equal(violations.length, 0, `${key}: ${describeViolations(violations)}`);
          }
        } finally {
          await page.context().close();
        }
      });
    }
  }
});
