/**
 * Redacting a value from the history in the browser (issue 12): an editor writes a phone number into a note
 * by mistake, then removes it from the history with the keyboard alone. The confirmation says the current
 * value is not changed; the line then says who removed it and when, offers no restore, and the note itself
 * still holds the number until it is edited. Both dialogs are axe-clean.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import {
  cellDetails,
  cellForm,
  click,
  describeViolations,
  enterEditMode,
  focusedIn,
  macroFrame,
  openCellHistory,
  openHostPage,
  rolloutCell,
  runAxe,
  sharedHostAndBrowser,
  tableRows,
  tabUntil,
  waitForAnnouncement,
} from './support';

const env = sharedHostAndBrowser();

const PHONE = '070-123 45 67';

async function rolloutFrame(page: Page): Promise<Frame> {
  const frame = await macroFrame(page, 'rollout-status');
  await frame.locator('table.rs-matrix').waitFor({ timeout: 15_000 });
  return frame;
}

async function noViolations(frame: Frame, what: string): Promise<void> {
  const violations = await runAxe(frame);
  assert.deepEqual(violations, [], `axe on ${what}: ${describeViolations(violations)}`);
}

describe('redacting a value from the history as demo-editor (sv)', () => {
  it('removes the value with the keyboard, records who removed it, offers no restore and leaves the note alone', async () => {
    const page = await openHostPage(env.browser, env.host, { user: 'demo-editor' });
    try {
      const frame = await rolloutFrame(page);
      await enterEditMode(frame);
      const cellButton = frame.locator('button.rs-cell-button--edit').first();
      const name = (await cellButton.getAttribute('aria-label')) ?? (await cellButton.innerText());
      const m = /^(?:Ändra )?(.+?), (.+?):\s/.exec(name);
      assert.ok(m, `cell name "${name}" names its region and initiative`);
      const [region, initiative] = [m[1]!, m[2]!];
      const note = `Ring Anna på ${PHONE}`;

      // The mistake: the number is written into the note.
      await click(cellButton);
      const form = cellForm(frame, initiative, region);
      await form.waitFor();
      await form.locator('textarea').fill(note);
      await click(form.getByRole('button', { name: 'Spara', exact: true }));
      await waitForAnnouncement(frame, `Sparat: ${initiative} i ${region}.`);
      await form.waitFor({ state: 'detached' });
      await click(frame.getByRole('button', { name: 'Redigera', pressed: true }));

      const history = await openCellHistory(frame, initiative, region);
      const table = history.locator('table.rs-history');
      const noteRow = table.locator('tbody tr').filter({ has: frame.getByRole('rowheader', { name: 'Anteckning' }) }).first();
      assert.match(await noteRow.innerText(), new RegExp(PHONE));

      // By keyboard: focus the value's action (Tab order within the dialog), Enter opens the confirmation.
      const redactButton = noteRow.getByRole('button', { name: /^Ta bort ur historiken: Anteckning, värdet efter ändringen/ });
      await redactButton.focus();
      await page.keyboard.press('Enter');
      const confirm = frame.getByRole('dialog', { name: 'Ta bort ett värde ur historiken', exact: true });
      await confirm.waitFor();
      const text = await confirm.innerText();
      assert.match(text, /Det nuvarande värdet ändras inte/, 'the confirmation says the current value stays');
      assert.match(text, new RegExp(PHONE), 'the confirmation shows which value goes');
      assert.equal((await focusedIn(frame)).text, 'Avbryt', 'focus starts on the safe choice');
      await noViolations(frame, 'the confirmation');

      // Escape cancels and changes nothing.
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      assert.match(await noteRow.innerText(), new RegExp(PHONE));

      await redactButton.focus();
      await page.keyboard.press('Enter');
      await confirm.waitFor();
      await tabUntil(page, frame, (f) => f.tag === 'button' && f.text === 'Ta bort värdet', 'the confirm button');
      await page.keyboard.press('Enter');
      await waitForAnnouncement(frame, 'Värdet är borttaget ur historiken.');
      await confirm.waitFor({ state: 'detached' });

      const rows = await tableRows(table);
      const line = rows.find((r) => r.includes('Anteckning'));
      assert.ok(line, `a note line: ${JSON.stringify(rows.slice(0, 3))}`);
      assert.match(line.join(' | '), /Borttaget av Eva Redaktör/, 'the line says who removed the value');
      assert.doesNotMatch(await history.innerText(), new RegExp(PHONE), 'the number is gone from the history');
      assert.equal(await noteRow.getByRole('button', { name: /^Återställ/ }).count(), 0, 'a redacted change cannot be restored');
      assert.match((await focusedIn(frame)).text, /^Borttaget av/, 'focus lands where the button was');
      await noViolations(frame, 'the history after the redaction');

      // Read again from the server: still gone.
      await page.keyboard.press('Escape');
      await history.waitFor({ state: 'detached' });
      const again = await openCellHistory(frame, initiative, region);
      assert.doesNotMatch(await again.innerText(), new RegExp(PHONE));
      assert.match(await again.innerText(), /Borttaget av Eva Redaktör/);
      await page.keyboard.press('Escape');
      await again.waitFor({ state: 'detached' });

      // The note itself still holds the number: redacting the history does not edit the cell.
      await click(rolloutCell(frame, initiative, region));
      const popover = await cellDetails(frame, initiative, region);
      assert.match(await popover.innerText(), new RegExp(PHONE));
    } finally {
      await page.context().close();
    }
  });
});
