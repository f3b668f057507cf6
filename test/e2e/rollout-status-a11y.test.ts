/**
 * axe-core (WCAG 2.1 AA) on every state of the rollout-status macro that the editing tests do not reach:
 * edit mode, the filter panel, the cell details popover, bulk edit, the initiative details form, the
 * manage panel, and the region and initiative perspectives; in Swedish and light, and English and dark.
 * Also: a matrix longer than its first paint still shows every row.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import { click, describeViolations, macroFrame, openHostPage, type PageOptions, runAxe, sharedHostAndBrowser } from './support';

const env = sharedHostAndBrowser();

const TEXT = {
  sv: {
    edit: 'Redigera',
    filter: 'Filtrera',
    bulk: 'Ändra flera regioner',
    bulkTitle: 'Ändra status för flera regioner',
    manage: 'Hantera införanden',
    editDetails: 'Ändra uppgifter för 1177 inkorg – digitala kallelser',
    detailsTitle: 'Ändra 1177 inkorg – digitala kallelser',
  },
  en: {
    edit: 'Edit',
    filter: 'Filter',
    bulk: 'Change several regions',
    bulkTitle: 'Change the status of several regions',
    manage: 'Manage initiatives',
    editDetails: 'Edit details of 1177 inkorg – digitala kallelser',
    detailsTitle: 'Edit 1177 inkorg – digitala kallelser',
  },
} as const;

const COMBINATIONS = [
  { locale: 'sv', theme: 'light' },
  { locale: 'en', theme: 'dark' },
] as const;

async function withFrame(options: PageOptions, fn: (frame: Frame, page: Page) => Promise<void>): Promise<void> {
  const page = await openHostPage(env.browser, env.host, options);
  try {
    const frame = await macroFrame(page, 'rollout-status');
    await frame.locator('table.rs-matrix, table.rs-list').first().waitFor();
    await fn(frame, page);
  } finally {
    await page.context().close();
  }
}

async function expectNoViolations(frame: Frame, what: string): Promise<void> {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${what}: ${describeViolations(violations)}`);
}

for (const { locale, theme } of COMBINATIONS) {
  const t = TEXT[locale];
  const where = `${locale}, ${theme} theme`;

  describe(`rollout-status accessibility, ${where}`, () => {
    it('edit mode, the filter panel, bulk edit, the manage panel and the details form have no violations', async () => {
      await withFrame({ user: 'demo-editor', locale, theme }, async (frame, page) => {
        await click(frame.getByRole('button', { name: t.edit, exact: true }));
        await frame.locator('button.rs-cell-button--edit').first().waitFor();
        await expectNoViolations(frame, `edit mode (${where})`);

        await click(frame.getByRole('button', { name: t.filter, exact: true }));
        await frame.locator('.rs-filters').waitFor();
        await expectNoViolations(frame, `filter panel (${where})`);

        await click(frame.getByRole('button', { name: t.bulk, exact: true }));
        const bulk = frame.getByRole('dialog', { name: t.bulkTitle });
        await bulk.waitFor();
        await expectNoViolations(frame, `bulk edit dialog (${where})`);
        await page.keyboard.press('Escape');
        await bulk.waitFor({ state: 'hidden' });

        await click(frame.getByRole('button', { name: t.manage, exact: true }));
        await frame.locator('.rs-manage__archived li').first().waitFor();
        await expectNoViolations(frame, `manage panel with its archived list (${where})`);

        await click(frame.getByRole('button', { name: t.editDetails, exact: true }));
        const details = frame.getByRole('dialog', { name: t.detailsTitle });
        await details.waitFor();
        await expectNoViolations(frame, `initiative details form (${where})`);
      });
    });

    it('the cell details popover has no violations, for an anonymous reader', async () => {
      await withFrame({ user: 'anonymous', locale, theme }, async (frame) => {
        await click(frame.locator('button.rs-cell-button').first());
        await frame.locator('.rs-popover').waitFor();
        // With its note and contacts, read when it opens.
        await frame.locator('.rs-popover__more:not([aria-busy])').waitFor();
        await expectNoViolations(frame, `cell popover (${where})`);
      });
    });

    for (const [perspective, config] of [
      ['region', { perspective: 'region', regionCode: '03' }],
      ['initiative', { perspective: 'initiative', initiativeId: 'demo-inkorg-kallelser' }],
    ] as const) {
      it(`the ${perspective} perspective has no violations`, async () => {
        env.host.macroConfigs.set('2001', 'a2001-rollout-status', { programmeId: DEMO_PROGRAMME_ID, ...config });
        try {
          await withFrame({ user: 'demo-viewer', locale, theme, page: '2001' }, async (frame) => {
            await frame.locator('table.rs-list').waitFor();
            await expectNoViolations(frame, `${perspective} perspective (${where})`);
          });
        } finally {
          env.host.macroConfigs.set('2001', 'a2001-rollout-status', { programmeId: DEMO_PROGRAMME_ID });
        }
      });
    }
  });
}

describe('a matrix longer than its first paint', () => {
  it('shows every row soon after the ready event (regions as rows: 21 rows, 16 in the first paint)', async () => {
    env.host.macroConfigs.set('2001', 'a2001-rollout-status', { programmeId: DEMO_PROGRAMME_ID, layout: 'regions-as-rows' });
    try {
      await withFrame({ user: 'demo-viewer', page: '2001' }, async (frame) => {
        await frame.waitForFunction(() => document.querySelectorAll('table.rs-matrix tbody tr').length === 21, undefined, { timeout: 10_000 });
        assert.equal(await frame.locator('table.rs-matrix tbody tr').last().locator('th').innerText(), 'Region Norrbotten');
      });
    } finally {
      env.host.macroConfigs.set('2001', 'a2001-rollout-status', { programmeId: DEMO_PROGRAMME_ID });
    }
  });
});
