/**
 * Browser smoke test: the local Forge host serves the four macros with demo data in real Chromium, for
 * an anonymous visitor and for an editor; anonymous visitors see no edit controls; every view is
 * axe-clean in light and dark, Swedish and English.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MACRO_KEYS } from '../../src/shared/vocabulary';
import { click, describeViolations, macroFrame, openHostPage, runAxe, sharedHostAndBrowser, tableRows } from './support';

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

describe('details on demand in the support plan and the technical needs', () => {
  it('reads an initiative’s contacts and notes only when the reader opens them; both are axe-clean', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'anonymous' });
    try {
      const asked: unknown[] = [];
      page.on('request', (r) => {
        const body = r.url().endsWith('/api/invoke') ? (JSON.parse(r.postData() ?? '{}') as { functionKey?: string; payload?: unknown }) : null;
        if (body?.functionKey === 'getDetails') asked.push(body.payload);
      });

      const support = await macroFrame(page, 'support-plan');
      const section = support.locator('section.io-view-section').first();
      await click(section.locator('summary', { hasText: 'Kontaktuppgifter per region' }));
      const contacts = section.locator('.io-table-scroll:not([aria-busy])').filter({ has: support.locator('table.io-contacts') });
      await contacts.waitFor();
      const rows = await tableRows(contacts.locator('table'));
      // Region, established, since: from the view; the regional and national contacts: read now.
      assert.ok(
        rows.some((r) => r[1] === 'Ja' && r[3] !== ''),
        `an established contact names its regional contact: ${JSON.stringify(rows.slice(0, 3))}`,
      );
      assert.equal(asked.length, 1, 'one read for the opened initiative');
      assert.deepEqual(Object.keys(asked[0] as object), ['initiativeId']);
      const supportViolations = await runAxe(support);
      assert.equal(supportViolations.length, 0, `support plan contacts: ${describeViolations(supportViolations)}`);

      const needs = await macroFrame(page, 'technical-needs');
      const needsSection = needs.locator('section.io-view-section').first();
      const marks = await needsSection.locator('table .io-note-mark').count();
      const summary = needsSection.locator('summary', { hasText: 'Anteckningar per deltagare' });
      assert.equal(await summary.innerText(), `Anteckningar per deltagare (${marks})`, 'a note mark for every note');
      await click(summary);
      const notes = needsSection.locator('details > div:not([aria-busy]) dl.io-notes dd');
      await notes.first().waitFor();
      const texts = (await notes.allInnerTexts()).map((t) => t.trim());
      assert.equal(texts.length, marks);
      // Each note says more than its progress badge.
      for (const text of texts) assert.ok(text.split(/\s+/).length > 2, `"${text}" holds the note`);
      assert.equal(asked.length, 2, 'one more read, for the technical needs of the opened initiative');
      const needsViolations = await runAxe(needs);
      assert.equal(needsViolations.length, 0, `technical needs notes: ${describeViolations(needsViolations)}`);
    } finally {
      await page.context().close();
    }
  });
});
