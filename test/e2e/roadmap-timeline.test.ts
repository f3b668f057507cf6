/**
 * The roadmap timeline in a browser (decision 0023): its bars are one tab stop per timeline, named after
 * the participant, the kind of window and its months, and move with the arrow keys; a bar's details show
 * in a popover on focus and on hover (the pointer can move onto it), and Escape hides them with focus left
 * where it was. The tables are toggled. After an editor saves
 * a pilot start next month where required needs are open, the form previews the look-ahead warning and
 * the view shows it after the save without a reload.
 * axe finds nothing on the timeline, the popover, the form or the table, in sv and en, light and dark.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Locator, Page } from 'playwright-core';
import { addMonths, buildDemoProgramme } from '../../dev/demo-data';
import { splitDetails } from '../../src/shared/model';
import { cellAt } from '../../src/domain/cells';
import { LOOK_AHEAD_MONTHS, openNeedsFor, openRequiredNeedsByRegion } from '../../src/domain/consistency';
import { SWEDISH_REGIONS } from '../../src/shared/regions';
import { click, describeViolations, macroFrame, openHostPage, runAxe, sharedHostAndBrowser, tabUntil, waitForAnnouncement, type PageOptions } from './support';

const env = sharedHostAndBrowser();

async function open(options: PageOptions): Promise<{ page: Page; frame: Frame }> {
  const page = await openHostPage(env.browser, env.host, options);
  const frame = await macroFrame(page, 'roadmap');
  await frame.locator('.io-roadmap rect.io-tl__bar').first().waitFor();
  return { page, frame };
}

async function noViolations(frame: Frame, where: string): Promise<void> {
  const violations = await runAxe(frame);
  assert.equal(violations.length, 0, `${where}:\n${describeViolations(violations)}`);
}

/** What has focus in the frame: its bar id (data-bar) and accessible name. */
const focusedBar = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement;
    return { bar: el?.getAttribute('data-bar') ?? '', name: el?.getAttribute('aria-label') ?? '', describedBy: el?.getAttribute('aria-describedby') ?? '' };
  });

const popover = (frame: Frame): Locator => frame.locator('.io-tl-popover:popover-open');

function thisMonth(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe('roadmap timeline', () => {
  it('gives bars names, one tab stop, arrow keys and a popover on focus that Escape hides with focus left on the bar', async () => {
    const { page, frame } = await open({ user: 'anonymous' });
    // From the toolbar's last control: the first initiative's heading links, then its timeline's bars.
    await frame.getByRole('button', { name: 'Visa tabell', exact: true }).focus();
    const first = await tabUntil(page, frame, (f) => f.tag === 'rect', 'the first timeline bar', 4);
    assert.match(first.name, /^Nationellt fönster: (pilot|breddinförande) .+/);
    const section = frame.locator('section.io-view-section').first();
    // One tab stop per timeline: every other bar is out of the tab order.
    const bars = section.locator('rect.io-tl__bar');
    assert.equal(await section.locator('rect.io-tl__bar[tabindex="0"]').count(), 1);
    assert.ok((await bars.count()) > 2);

    // The popover shows the focused bar's details, and the bar is described by it.
    await popover(frame).waitFor();
    const focused = await focusedBar(frame);
    assert.equal(focused.describedBy, await popover(frame).getAttribute('id'));
    assert.match(await popover(frame).innerText(), /^Nationellt fönster\n/);
    await noViolations(frame, 'timeline with the popover open (sv light)');

    // Down goes to the first participant row's bar; the name matches the table's row exactly.
    await page.keyboard.press('ArrowDown');
    const down = await focusedBar(frame);
    const [code, kind] = down.bar.split(':');
    assert.notEqual(code, '__national');
    const row = section.locator(`tr[data-row="${code}"]`);
    const region = SWEDISH_REGIONS.find((r) => r.code === code)!.name;
    const period = await row.locator('td').nth(kind === 'pilot' ? 1 : 2).innerText();
    assert.equal(down.name, `${region}: ${kind === 'pilot' ? 'pilot' : 'breddinförande'} ${period}`);
    await frame.waitForFunction((text) => document.querySelector('.io-tl-popover:popover-open')?.textContent?.startsWith(text), region);

    // Right moves in reading order; End and Home go to the last and first bar.
    await page.keyboard.press('End');
    assert.equal((await focusedBar(frame)).bar, await bars.last().getAttribute('data-bar'));
    await page.keyboard.press('Home');
    assert.equal((await focusedBar(frame)).bar, await bars.first().getAttribute('data-bar'));
    await page.keyboard.press('ArrowRight');
    assert.equal((await focusedBar(frame)).bar, await bars.nth(1).getAttribute('data-bar'));

    // Escape hides the details; focus stays on the bar.
    const before = await focusedBar(frame);
    await page.keyboard.press('Escape');
    await popover(frame).waitFor({ state: 'detached' });
    assert.equal((await focusedBar(frame)).bar, before.bar);
    // And Tab leaves the timeline at once (the next stop is outside the drawing).
    await page.keyboard.press('Tab');
    assert.notEqual(await frame.evaluate(() => document.activeElement?.tagName.toLowerCase()), 'rect');
    await page.context().close();
  });

  it('shows details on hover that the pointer can move onto, and that go when it leaves', async () => {
    const { page, frame } = await open({ user: 'anonymous', locale: 'en', theme: 'dark' });
    const bar = frame.locator('section.io-view-section').first().locator('rect.io-tl__bar').nth(2);
    await bar.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    await bar.hover();
    await popover(frame).waitFor();
    const name = (await bar.getAttribute('aria-label')) ?? '';
    assert.match(name, /^Region .+: (pilot|broad rollout) .+/);
    // Onto the popover: it stays (WCAG 1.4.13, hoverable).
    await popover(frame).hover();
    await frame.waitForTimeout(600);
    assert.equal(await popover(frame).count(), 1);
    await noViolations(frame, 'timeline with a hovered popover (en dark)');
    // Away from both (onto the legend): it goes.
    await frame.locator('.io-legend').hover();
    await popover(frame).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('toggles the tables, and the table has no axe violations', async () => {
    const { page, frame } = await open({ user: 'demo-viewer', locale: 'en' });
    const toggle = frame.getByRole('button', { name: 'Show table', exact: true });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.ok((await frame.locator('table.io-table').count()) > 0);
    await noViolations(frame, 'timeline and table (en light)');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await waitForAnnouncement(frame, 'The tables are hidden.');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await frame.locator('table.io-table').count(), 0);

    // Back on by pointer; the timeline kept its bars throughout. (The choice is also written to the device's
    // guarded storage; the local host's sandboxed iframes refuse localStorage, as Forge's may, so a reload
    // here starts from the default again and is not asserted.)
    assert.ok((await frame.locator('rect.io-tl__bar').count()) > 0);
    await click(toggle);
    await frame.locator('table.io-table').first().waitFor();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.context().close();
  });

  it('shows a look-ahead warning after an editor plans a pilot next month where required needs are open', async () => {
    // A participant still before its pilot, with required needs open and a pilot planned beyond "soon".
    const demo = buildDemoProgramme(new Date());
    const codes = demo.programme.participants.map((p) => p.code);
    const soon = addMonths(thisMonth(), LOOK_AHEAD_MONTHS);
    const target = demo.initiatives
      .map((full) => splitDetails(full).initiative)
      .filter((i) => !i.archived)
      .flatMap((i) => {
        const open = openRequiredNeedsByRegion(i, codes);
        return codes.map((code) => ({ initiative: i, code, cell: cellAt(i, code), open: openNeedsFor(open, code) }));
      })
      .find((c) => (c.cell.status === 'planning' || c.cell.status === 'not-started') && c.open.count > 0 && c.cell.pilotStart !== null && c.cell.pilotStart > soon);
    assert.ok(target, 'the demo data has a participant before its pilot with required needs open');

    const { page, frame } = await open({ user: 'demo-editor', locale: 'en' });
    const toggle = frame.getByRole('button', { name: 'Edit', exact: true });
    await click(toggle);
    await frame.locator('button[aria-pressed="true"]', { hasText: 'Edit' }).waitFor();
    const section = frame.locator('section.io-view-section').filter({ has: frame.getByRole('heading', { name: target.initiative.name, exact: true }) });
    const bar = section.locator(`rect.io-tl__pilot[data-row="${target.code}"]`);
    const remarks = section.locator(`tr[data-row="${target.code}"] td`).nth(3);
    const lookAhead = /The pilot starts .+, but \d+ required technical needs? (is|are) not done/;
    assert.doesNotMatch(await remarks.innerText(), lookAhead);

    // From the bar, by keyboard: Enter opens the row's form.
    await bar.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await bar.focus();
    await popover(frame).waitFor();
    await noViolations(frame, 'timeline in edit mode with the popover open (en light)');
    await page.keyboard.press('Enter');
    const dialog = frame.getByRole('dialog', { name: /^Planned windows for / });
    const field = dialog.getByRole('textbox', { name: 'Pilot start' });
    await field.waitFor();
    await field.fill(addMonths(thisMonth(), 1));
    // The form previews it before the save (decision 0025).
    await dialog.getByText(lookAhead).waitFor();
    await noViolations(frame, 'the window form with its preview (en light)');
    await field.press('Enter');
    await waitForAnnouncement(frame, /^Saved: the windows for .+ in .+\.$/);
    await dialog.waitFor({ state: 'detached' });

    // Without a page reload: the table, the timeline's warning mark and the bar's details say it.
    await remarks.getByText(lookAhead).waitFor();
    assert.equal(await section.locator(`g[data-row="${target.code}"] path.io-tl__warning`).count(), 1);
    await bar.focus();
    await popover(frame).getByText(lookAhead).waitFor();
    await page.context().close();
  });

  it('has no axe violations on the timeline and table in sv dark as an editor', async () => {
    const { page, frame } = await open({ user: 'demo-editor', theme: 'dark' });
    await click(frame.getByRole('button', { name: 'Redigera', exact: true }));
    await frame.locator('button[aria-pressed="true"]', { hasText: 'Redigera' }).waitFor();
    const bar = frame.locator('rect.io-tl__bar[tabindex="0"]').first();
    await bar.focus();
    await popover(frame).waitFor();
    assert.equal(await bar.getAttribute('role'), 'button');
    await noViolations(frame, 'timeline, popover and table in edit mode (sv dark)');
    await page.context().close();
  });
});
