/**
 * Steps the support-plan browser tests share: open the macro on page 1001, switch to edit mode, find the
 * first initiative's section and open its contact list once the names are in.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { macroFrame, openHostPage, type PageOptions, type sharedHostAndBrowser } from './support';

type Env = ReturnType<typeof sharedHostAndBrowser>;

export async function openSupportPlan(env: Env, options: PageOptions): Promise<{ page: Page; frame: Frame }> {
  const page = await openHostPage(env.browser, env.host, options);
  const frame = await macroFrame(page, 'support-plan');
  await frame.locator('.io-support').waitFor();
  return { page, frame };
}

/** Presses the macro's edit toggle and waits for the first edit button. */
export async function supportPlanEditMode(frame: Frame, label = 'Redigera'): Promise<void> {
  await frame.getByRole('button', { name: label, exact: true }).press('Enter');
  await frame.locator('.sp-edit').first().waitFor();
}

export function firstSection(frame: Frame): Locator {
  return frame.locator('section.io-view-section').first();
}

/** Opens a section's contact list (the <details> "Kontaktuppgifter per region") and waits for its names. */
export async function openContacts(section: Locator, summary = 'Kontaktuppgifter per region', timeout?: number): Promise<Locator> {
  await section.locator('summary', { hasText: summary }).press('Enter');
  const table = section.locator('table.io-contacts');
  await table.waitFor({ timeout });
  await section.locator('.io-contacts [aria-busy="true"]').waitFor({ state: 'detached', timeout }).catch(() => undefined);
  return table;
}
