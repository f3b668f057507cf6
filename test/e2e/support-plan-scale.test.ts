/**
 * The support plan at L (50 initiatives × 290 participants, seeded as in large-programme.test.ts) for the
 * demo viewer, a signed-in reader without edit rights (issue 9): axe finds nothing in sv and en, light and
 * dark, with an initiative's contact list open; nothing overflows sideways at 320 px; and at 1,120 px the
 * view uses the width it has. Its own file (so its own process): it replaces the demo programme.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { buildDataset } from '../../bench/datasets';
import { describeViolations, macroFrame, openHostPage, runAxe, sharedHostAndBrowser } from './support';
import { firstSection, openContacts } from './support-plan-page';

const L = buildDataset('L', 'INF', new Date());
const env = sharedHostAndBrowser(L);

async function openSupportPlan(locale: 'sv' | 'en', theme: 'light' | 'dark', width: number): Promise<Frame> {
  const page = await openHostPage(env.browser, env.host, { user: 'demo-viewer', locale, theme, width });
  const frame = await macroFrame(page, 'support-plan');
  await frame.locator('.io-support').waitFor({ timeout: 30_000 });
  return frame;
}

/** Opens the first initiative's contact list and waits for its names (slow at L, so a long timeout). */
const openFirstContacts = (frame: Frame, summary: string) => openContacts(firstSection(frame), summary, 30_000);

describe('support plan at L for the demo viewer', () => {
  for (const [locale, theme, summary] of [
    ['sv', 'light', 'Kontaktuppgifter per region'],
    ['en', 'dark', 'Contact details per region'],
    ['sv', 'dark', 'Kontaktuppgifter per region'],
    ['en', 'light', 'Contact details per region'],
  ] as const) {
    it(`has no axe violations in ${locale} ${theme}, contact list open`, { timeout: 120_000 }, async () => {
      const frame = await openSupportPlan(locale, theme, 1120);
      assert.equal(await frame.getByRole('button', { name: locale === 'sv' ? 'Redigera' : 'Edit', exact: true }).count(), 0, 'a reader has no edit toggle');
      await openFirstContacts(frame, summary);
      assert.equal(await frame.locator('section.io-view-section').first().locator('table.io-contacts tbody tr').count(), L.programme.participants.length);
      const violations = await runAxe(frame);
      assert.deepEqual(violations, [], describeViolations(violations));
      await frame.page().context().close();
    });
  }

  it('does not overflow sideways at 320 px, and uses its width at 1,120 px', { timeout: 120_000 }, async () => {
    const narrow = await openSupportPlan('sv', 'light', 320);
    await openFirstContacts(narrow, 'Kontaktuppgifter per region');
    // Everything the view draws stays inside the frame's width; wide tables scroll inside their own region.
    const overflow = await narrow.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const view = document.querySelector('.io-support')!;
      const escaping = [view, ...Array.from(view.querySelectorAll('*'))].filter((el) => {
        const right = el.getBoundingClientRect().right;
        return right > width + 0.5 && !el.closest('.io-table-scroll');
      });
      // The view's scrollable overflow, which would widen the page: a clipped region's contents do not count.
      // The page's sideways scroll beyond what the elements outside the view (the shared header) cause.
      const outside = Math.max(width, ...Array.from(document.body.querySelectorAll('*')).filter((el) => !view.contains(el) && !el.contains(view)).map((el) => el.getBoundingClientRect().right));
      return {
        escaping: escaping.slice(0, 5).map((el) => `${el.tagName}.${el.className}`),
        viewScroll: view.scrollWidth - view.clientWidth,
        pageScroll: document.documentElement.scrollWidth - Math.ceil(outside),
      };
    });
    assert.deepEqual(overflow.escaping, [], 'nothing outside a scrolling table is wider than the frame at 320 px');
    assert.ok(overflow.viewScroll <= 0, `the view does not scroll sideways (${overflow.viewScroll} px too wide)`);
    assert.ok(overflow.pageScroll <= 0, `the view does not widen the page (${overflow.pageScroll} px too wide)`);
    await narrow.page().context().close();

    const wide = await openSupportPlan('sv', 'light', 1120);
    const used = await wide.evaluate(() => {
      const view = document.querySelector('.io-support')!.getBoundingClientRect().width;
      const part = document.querySelector('section.io-view-section')!.getBoundingClientRect().width;
      return { view, part, page: document.documentElement.clientWidth };
    });
    assert.ok(used.view >= used.page * 0.9, `the view fills the frame (${used.view} of ${used.page})`);
    assert.ok(used.part >= used.view * 0.9, `an initiative's section fills the view (${used.part} of ${used.view})`);
    await wide.page().context().close();
  });
});
