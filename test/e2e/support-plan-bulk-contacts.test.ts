/**
 * "Kontakt etablerad" for several participants at once (issue 9): an editor chooses every participant
 * without contact, a day, and saves; the count per initiative says every participant has contact, each is
 * "sedan" that day, and axe finds nothing in the dialog. By keyboard only, as the bulk forms are used.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Locator } from 'playwright-core';
import { describeViolations, runAxe, sharedHostAndBrowser, waitForAnnouncement } from './support';
import { openSupportPlan } from './support-plan-page';

const env = sharedHostAndBrowser();

async function contactCount(section: Locator): Promise<{ done: number; total: number }> {
  const line = await section.locator('.io-support__part .io-summary-line', { hasText: /regioner|regions/ }).first().innerText();
  const m = /(\d+) (av|of) (\d+)/.exec(line);
  assert.ok(m, `a contact count in "${line}"`);
  return { done: Number(m[1]), total: Number(m[3]) };
}

async function open(user: 'demo-editor', locale: 'sv' | 'en' = 'sv'): Promise<Frame> {
  return (await openSupportPlan(env, { user, locale })).frame;
}

describe('support plan: contact established for several participants', () => {
  it('marks every participant without contact established since one day, by keyboard, and counts them', async () => {
    const frame = await open('demo-editor');
    await frame.getByRole('button', { name: 'Redigera', exact: true }).press('Enter');
    // The first initiative with a participant still without contact.
    const sections = frame.locator('section.io-view-section');
    let section: Locator | null = null;
    let before = { done: 0, total: 0 };
    for (let i = 0; i < (await sections.count()) && !section; i++) {
      const count = await contactCount(sections.nth(i));
      if (count.done < count.total) [section, before] = [sections.nth(i), count];
    }
    assert.ok(section, 'an initiative with a participant without contact');
    const name = (await section.locator('h2, h3').first().innerText()).trim();

    await section.getByRole('button', { name: `Markera flera som etablerade i ${name}` }).press('Enter');
    const dialog = frame.getByRole('dialog', { name: `Kontakt etablerad för flera i ${name}` });
    await dialog.waitFor();
    assert.deepEqual(await runAxe(frame), [], 'axe in the dialog');
    await dialog.getByRole('textbox', { name: 'Sedan', exact: true }).fill('2026-02-02');
    // Saving with nothing chosen says so and writes nothing.
    await dialog.getByRole('button', { name: /^Spara/ }).press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Välj minst en deltagare.' }).waitFor();
    await dialog.getByRole('button', { name: 'Välj alla utan kontakt' }).press('Enter');
    const missing = before.total - before.done;
    assert.equal(await dialog.getByRole('checkbox', { checked: true }).count(), missing);
    const violations = await runAxe(frame);
    assert.deepEqual(violations, [], describeViolations(violations));
    await dialog.getByRole('button', { name: `Spara för ${missing} deltagare` }).press('Enter');
    await waitForAnnouncement(frame, `Kontakt etablerad för ${missing} deltagare.`);
    await dialog.waitFor({ state: 'detached' });
    await section.locator('.io-summary-line', { hasText: `${before.total} av ${before.total}` }).first().waitFor();
    assert.deepEqual(await contactCount(section), { done: before.total, total: before.total });
  });
});
