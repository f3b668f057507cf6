/**
 * Editing the rollout-status macro in real Chromium (issue 2 and 3): a keyboard-only edit that survives a
 * reload and shows in the history with the editor's name, a conflict between two editors resolved by
 * "keep mine", a failed save that rolls back and keeps what was typed, bulk edit, the English edit flow,
 * axe on every editing dialog in light and dark, and the
 * anonymous reader who gets details but no edit controls and no names.
 * (Persistence across a host restart is in rollout-status-persistence.test.ts: it needs its own process.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { ROLLOUT_STATUSES, ROLLOUT_STATUS_LABELS, type RolloutStatus } from '../../src/shared/vocabulary';
import { buildDemoProgramme } from '../../dev/demo-data';
import { buildView } from '../../src/domain/build-view';
import type { RolloutStatusView } from '../../src/shared/contract';
import { splitDetails, type Initiative } from '../../src/shared/model';
import { parseMacroConfig } from '../../src/shared/schemas';
import { describeWarning } from '../../static/app/src/i18n/warning-messages';
import { click, cellDetails, cellForm, cellStatus, describeViolations, editCellStatus, enterEditMode, focusedIn, macroFrame, openCellHistory, openHostPage, otherStatus, rolloutCell, runAxe, sharedHostAndBrowser, tableRows, tabUntil, waitForAnnouncement } from './support';

const env = sharedHostAndBrowser();

const sv = (s: RolloutStatus) => ROLLOUT_STATUS_LABELS[s].sv;
/** The people who appear as authors in the demo data, and the demo editor. */
const EDITOR_NAMES = ['Eva Redaktör', 'Anna Lindqvist', 'Johan Ek', 'Sara Nilsson'];

async function rolloutFrame(page: Page): Promise<Frame> {
  const frame = await macroFrame(page, 'rollout-status');
  try {
    await frame.locator('table.rs-matrix').waitFor({ timeout: 15_000 });
  } catch (e) {
    const text = await frame.locator('body').innerText().catch(() => '(no body)');
    throw new Error(`The rollout-status matrix did not show: ${(e as Error).message}\n${text.slice(0, 1500)}`);
  }
  return frame;
}

async function withPage<T>(options: Parameters<typeof openHostPage>[2], fn: (page: Page, frame: Frame) => Promise<T>): Promise<T> {
  const page = await openHostPage(env.browser, env.host, options);
  try {
    return await fn(page, await rolloutFrame(page));
  } finally {
    await page.context().close();
  }
}

/** "Region Sörmland, 1177 inkorg – digitala kallelser: …" → its region and initiative. */
function whereOf(cellName: string): { region: string; initiative: string } {
  const m = /^(?:Ändra )?(.+?), (.+?):\s/.exec(cellName);
  assert.ok(m, `cell name "${cellName}" names its region and initiative`);
  return { region: m[1]!, initiative: m[2]! };
}

/**
 * From the demo data the host starts with (built for today): a cell in planning, its pilot within three
 * months and required needs open, and the warnings the domain adds once its status is pilot. The
 * domain decides the expected sentences, not the code under test. Cells the other tests edit are left out.
 */
function pilotWithOpenNeedsCase(locale: 'sv' | 'en' = 'sv'): { initiative: string; region: string; warnings: string[] } {
  const now = new Date();
  const demo = buildDemoProgramme(now);
  const initiatives = demo.initiatives.map((i) => splitDetails(i).initiative);
  const view = (list: Initiative[]) =>
    buildView({ macro: 'rollout-status', programme: demo.programme, initiatives: list, config: parseMacroConfig({}), now, audience: 'signed-in' }) as RolloutStatusView;
  const usedElsewhere = new Set(['Video i 1177 på telefon', 'Egen provhantering (hemprovtagning)', 'Webbtidbok – ombokning', '1177 inkorg – digitala kallelser', 'Digital vårdtjänst – chatt']);
  for (const row of view(initiatives).rows) {
    if (usedElsewhere.has(row.initiative.name)) continue;
    for (const cell of row.cells) {
      // The view carries the open needs' titles only in a warning about them: take a cell that has one, so
      // the note can name the needs as the warning after saving does.
      if (cell.status !== 'planning' || cell.openRequiredNeeds === 0 || !cell.warnings.some((w) => w.code === 'pilot-soon-needs-open')) continue;
      const changed = initiatives.map((i) => (i.id === row.initiative.id ? { ...i, cells: { ...i.cells, [cell.regionCode]: { ...i.cells[cell.regionCode]!, status: 'pilot' as const } } } : i));
      const after = view(changed).rows.find((r) => r.initiative.id === row.initiative.id)!.cells.find((c) => c.regionCode === cell.regionCode)!.warnings;
      const had = new Set(cell.warnings.map((w) => JSON.stringify(w)));
      const added = after.filter((w) => !had.has(JSON.stringify(w)));
      if (!added.some((w) => w.code === 'required-need-open')) continue;
      const region = demo.programme.participants.find((p) => p.code === cell.regionCode)!.name;
      return { initiative: row.initiative.name, region, warnings: added.map((w) => describeWarning(w, locale)) };
    }
  }
  throw new Error('The demo data has no cell in planning with required needs open');
}

describe('a warning before saving (demo-editor)', () => {
  // First in the file, so the demo data is as the host started it.
  it('the form says, before saving, that pilot with open required needs will warn; after saving the cell shows it', async () => {
    const c = pilotWithOpenNeedsCase();
    await withPage({ user: 'demo-editor' }, async (page, frame) => {
      await enterEditMode(frame);
      await click(rolloutCell(frame, c.initiative, c.region));
      const form = cellForm(frame, c.initiative, c.region);
      await form.waitFor();
      assert.equal(await form.locator('.io-warning-preview').innerText(), '', 'nothing to say before a change');
      await form.getByRole('radio', { name: sv('pilot'), exact: true }).check();
      const note = form.getByRole('status').filter({ hasText: 'Om du sparar' });
      await note.waitFor();
      const text = await note.innerText();
      assert.match(text, /^Om du sparar visas (den här varningen|de här varningarna):/);
      for (const w of c.warnings) assert.ok(text.includes(w), `the note says "${w}"; it says: ${text}`);
      assert.match(c.warnings.join(' '), /obligatoriskt tekniskt behov är inte klart|obligatoriska tekniska behov är inte klara/);
      // A note, not an error: nothing is announced as an alert and Save is there to press.
      assert.equal(await form.getByRole('alert').count(), 0);
      const violations = await runAxe(frame);
      assert.equal(violations.length, 0, describeViolations(violations));
      await click(form.getByRole('button', { name: 'Spara', exact: true }));
      await waitForAnnouncement(frame, `Sparat: ${c.initiative} i ${c.region}.`);
      await rolloutCell(frame, c.initiative, c.region, 'pilot').waitFor();
      void page;
    });
    // After the save, a reader sees the same warning in the cell's details.
    await withPage({ user: 'demo-viewer' }, async (_page, frame) => {
      await click(rolloutCell(frame, c.initiative, c.region));
      const popover = await cellDetails(frame, c.initiative, c.region);
      for (const w of c.warnings) await popover.getByText(w, { exact: false }).first().waitFor();
    });
  });

  for (const [locale, theme] of [
    ['sv', 'dark'],
    ['en', 'light'],
    ['en', 'dark'],
  ] as const) {
    it(`the form with its warning note has no axe violations in ${locale} ${theme}`, async () => {
      await withPage({ user: 'demo-editor', locale, theme }, async (_page, frame) => {
        await enterEditMode(frame, locale === 'sv' ? 'Redigera' : 'Edit');
        // By keyboard: a mouse click on the opener was lost once under load (the dialog never came).
        await frame.getByRole('button', { name: locale === 'sv' ? 'Ändra flera regioner' : /several regions/ }).press('Enter');
        const dialog = frame.getByRole('dialog');
        await dialog.waitFor();
        await dialog.getByRole('button', { name: locale === 'sv' ? 'Markera alla' : 'Select all', exact: true }).press('Enter');
        await dialog.locator('input[type=radio][value="pilot"]').check();
        await dialog.getByRole('status').filter({ hasText: locale === 'sv' ? 'Om du sparar' : 'Saving will show' }).waitFor();
        const violations = await runAxe(frame);
        assert.equal(violations.length, 0, describeViolations(violations));
      });
    });
  }
});

describe('keyboard-only edit as demo-editor (sv)', () => {
  it('changes a status with the keyboard alone; it is announced, survives a reload and shows in the history', async () => {
    let where!: { region: string; initiative: string };
    let from!: RolloutStatus;
    let to!: RolloutStatus;
    const note = `Ändrad med tangentbordet ${Date.now()}`;

    await withPage({ user: 'demo-editor' }, async (page, frame) => {
      // Into the iframe and to the toggle with Tab only.
      await tabUntil(page, frame, (f) => f.tag === 'button' && f.text === 'Redigera', 'the "Redigera" toggle');
      await page.keyboard.press('Enter');
      await frame.getByRole('button', { name: 'Redigera', pressed: true }).waitFor();
      await waitForAnnouncement(frame, 'Redigeringsläget är på');

      // The matrix is one Tab stop; the arrow keys move within it.
      const tabStop = await tabUntil(page, frame, (f) => f.className.includes('rs-cell-button'), 'the matrix');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const focused = await focusedIn(frame);
      assert.match(focused.className, /rs-cell-button--edit/, 'the arrow keys keep focus on edit buttons in the matrix');
      assert.notEqual(focused.name, tabStop.name, 'the arrow keys moved to another cell');
      where = whereOf(focused.name);
      const cell = rolloutCell(frame, where.initiative, where.region);
      from = await cellStatus(cell);
      to = ROLLOUT_STATUSES[(ROLLOUT_STATUSES.indexOf(from) + 1) % ROLLOUT_STATUSES.length]!;

      await page.keyboard.press('Enter');
      const form = cellForm(frame, where.initiative, where.region);
      await form.waitFor();
      // Focus starts on the checked status; ArrowRight checks the next one, as in any radio group.
      const checked = await focusedIn(frame);
      assert.equal(checked.type, 'radio', 'the form opens with focus on the current status');
      await page.keyboard.press('ArrowRight');
      assert.equal(await form.getByRole('radio', { name: sv(to), exact: true }).isChecked(), true, `ArrowRight chose "${sv(to)}"`);

      await tabUntil(page, frame, (f) => f.tag === 'textarea', 'the note field');
      await page.keyboard.type(note);
      await tabUntil(page, frame, (f) => f.tag === 'button' && f.text === 'Spara', 'the save button');
      await page.keyboard.press('Enter');

      const said = await waitForAnnouncement(frame, `Sparat: ${where.initiative} i ${where.region}.`);
      assert.match(said, /^Sparat:/);
      await form.waitFor({ state: 'detached' });
      await rolloutCell(frame, where.initiative, where.region, to).waitFor();
    });

    await withPage({ user: 'demo-editor' }, async (page, frame) => {
      const cell = rolloutCell(frame, where.initiative, where.region);
      assert.equal(await cellStatus(cell), to, 'a fresh page shows the saved status');

      // The history, by keyboard too: the matrix's Tab stop, arrows to the cell, Enter opens the details.
      await tabUntil(page, frame, (f) => f.className.includes('rs-cell-button'), 'the matrix');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const popover = frame.getByRole('dialog', { name: `${where.initiative} i ${where.region}`, exact: true });
      await popover.waitFor();
      await tabUntil(page, frame, (f) => f.tag === 'button' && f.text === 'Visa historik', 'the history button');
      await page.keyboard.press('Enter');
      const history = frame.getByRole('dialog', { name: `Historik: ${where.initiative} i ${where.region}`, exact: true });
      await history.locator('table.rs-history tbody tr').first().waitFor();

      const rows = await tableRows(history.locator('table.rs-history'));
      // Columns with one region chosen: När, Vem, Vad, Före, Efter, Åtgärd. The newest entry comes first.
      const newest = rows.filter((r) => r[0] === rows[0]![0] && r[1] === rows[0]![1]);
      const statusLine = newest.find((r) => r[2] === 'Status');
      assert.ok(statusLine, `the newest entry records the status: ${JSON.stringify(rows.slice(0, 3))}`);
      assert.deepEqual(statusLine.slice(1, 5), ['Eva Redaktör', 'Status', sv(from), sv(to)]);
      const noteLine = newest.find((r) => r[2] === 'Anteckning');
      // A note is typed text, so it can be removed from the history (a status cannot: it holds no personal data).
      assert.equal(noteLine?.[4], `${note}\nTa bort ur historiken`, 'the same entry records the note, with its redaction button');
      assert.doesNotMatch(statusLine[4]!, /Ta bort ur historiken/);
    });
  });
});

describe('two editors on the same cell', () => {
  it('shows the conflict with "Ditt värde" and the current value, and "keep mine" saves mine', async () => {
    const initiative = 'Video i 1177 på telefon';
    const region = 'Region Gotland';
    let mine!: RolloutStatus;
    const pageA = await openHostPage(env.browser, env.host, { user: 'demo-editor' });
    try {
      const frameA = await rolloutFrame(pageA);
      await enterEditMode(frameA);
      const start = await cellStatus(rolloutCell(frameA, initiative, region));
      await click(rolloutCell(frameA, initiative, region));
      const form = cellForm(frameA, initiative, region);
      await form.waitFor();

      // Meanwhile, another editor saves a different status for the same cell.
      const theirs = otherStatus(start);
      await withPage({ user: 'demo-editor' }, async (_pageB, frameB) => {
        await enterEditMode(frameB);
        await editCellStatus(frameB, initiative, region, () => theirs);
      });

      mine = otherStatus(start, theirs);
      await form.getByRole('radio', { name: sv(mine), exact: true }).check();
      await click(form.getByRole('button', { name: 'Spara', exact: true }));

      const conflict = frameA.getByRole('dialog', { name: 'Någon annan har ändrat samma uppgifter' });
      await conflict.waitFor();
      const table = conflict.getByRole('table');
      const headers = await table.locator('thead th').allInnerTexts();
      assert.deepEqual(headers, ['Fält', 'Ditt värde', 'Nuvarande värde (ändrat av någon annan)']);
      assert.deepEqual(await tableRows(table), [['Status', sv(mine), sv(theirs)]]);
      // Who changed it meanwhile (the other window was the same demo editor) and when.
      assert.match(await conflict.locator('.rs-conflict__changed').innerText(), /^Ändrat av Eva Redaktör, .*\d{4}.*\.$/);

      await click(conflict.getByRole('button', { name: 'Spara mitt värde' }));
      await waitForAnnouncement(frameA, `Sparat: ${initiative} i ${region}.`);
      await rolloutCell(frameA, initiative, region, mine).waitFor();
    } finally {
      await pageA.context().close();
    }
    await withPage({ user: 'demo-viewer' }, async (_page, frame) => {
      assert.equal(await cellStatus(rolloutCell(frame, initiative, region)), mine, 'a fresh page shows my value');
    });
  });
});

describe('a failed save', () => {
  it('rolls the cell back, says nothing was saved, keeps what was typed, and saves on retry', async () => {
    const initiative = 'Egen provhantering (hemprovtagning)';
    const region = 'Region Gotland';
    await withPage({ user: 'demo-editor' }, async (page, frame) => {
      await enterEditMode(frame);
      const start = await cellStatus(rolloutCell(frame, initiative, region));
      const mine = otherStatus(start);
      await click(rolloutCell(frame, initiative, region));
      const form = cellForm(frame, initiative, region);
      await form.waitFor();
      await form.getByRole('radio', { name: sv(mine), exact: true }).check();
      await form.getByLabel('Anteckning').fill('Beställning av provkit klar');

      // The backend fails this one save (as a crashed function would); everything else goes through.
      await page.route('**/api/invoke', (route) =>
        route.request().postData()?.includes('"functionKey":"updateCell"')
          ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { message: 'There was an error invoking the function' } }) })
          : route.continue(),
      );
      await click(form.getByRole('button', { name: 'Spara', exact: true }));
      await waitForAnnouncement(frame, 'Inte sparat.');
      await form.getByRole('alert').filter({ hasText: 'Något gick fel, och ingenting har sparats.' }).waitFor();
      assert.equal(await form.getByLabel('Anteckning').inputValue(), 'Beställning av provkit klar', 'the typed note is kept');
      assert.ok(await form.getByRole('radio', { name: sv(mine), exact: true }).isChecked(), 'the chosen status is kept');
      await rolloutCell(frame, initiative, region, start).waitFor();

      await page.unroute('**/api/invoke');
      await click(form.getByRole('button', { name: 'Spara', exact: true }));
      await waitForAnnouncement(frame, `Sparat: ${initiative} i ${region}.`);
      await rolloutCell(frame, initiative, region, mine).waitFor();
    });
  });
});

describe('bulk edit', () => {
  it('sets one status for several regions of an initiative, and the history records each region', async () => {
    const initiative = 'Webbtidbok – ombokning';
    const regions = ['Region Blekinge', 'Region Halland', 'Region Västernorrland'];
    await withPage({ user: 'demo-editor' }, async (_page, frame) => {
      await enterEditMode(frame);
      const before = await Promise.all(regions.map((r) => cellStatus(rolloutCell(frame, initiative, r))));
      const status = otherStatus(...before);

      await click(frame.getByRole('button', { name: 'Ändra flera regioner' }));
      const dialog = frame.getByRole('dialog', { name: 'Ändra status för flera regioner' });
      await dialog.getByLabel('Införande', { exact: true }).selectOption({ label: initiative });
      for (const r of regions) await dialog.getByRole('checkbox', { name: new RegExp(`^${r} `) }).check();
      await dialog.getByRole('radio', { name: sv(status), exact: true }).check();
      await click(dialog.getByRole('button', { name: 'Ändra 3 regioner' }));

      await waitForAnnouncement(frame, `Status ”${sv(status)}” sparad i 3 regioner.`);
      await dialog.waitFor({ state: 'detached' });
      for (const r of regions) await rolloutCell(frame, initiative, r, status).waitFor();

      // The initiative's history (all regions) from "Hantera införanden".
      await click(frame.getByRole('button', { name: 'Hantera införanden' }));
      await click(frame.getByRole('button', { name: `Visa historik: ${initiative}` }));
      const history = frame.getByRole('dialog', { name: `Historik: ${initiative}`, exact: true });
      await history.locator('table.rs-history tbody tr').first().waitFor();
      const rows = await tableRows(history.locator('table.rs-history'));
      // Columns for all regions: När, Vem, Region, Vad, Före, Efter, Åtgärd.
      regions.forEach((r, i) => {
        const line = rows.find((row) => row[2] === r && row[3] === 'Status' && row[5] === sv(status));
        assert.ok(line, `the history records ${r}: ${JSON.stringify(rows.slice(0, 5))}`);
        assert.deepEqual(line.slice(1, 6), ['Eva Redaktör', r, 'Status', sv(before[i]!), sv(status)]);
      });
    });
  });
});

describe('English UI', () => {
  it('labels the edit flow in English', async () => {
    await withPage({ user: 'demo-editor', locale: 'en' }, async (_page, frame) => {
      await enterEditMode(frame, 'Edit');
      await frame.getByRole('button', { name: 'Change several regions' }).waitFor();
      // The cells are edit buttons, named in English.
      const cell = frame.getByRole('button', { name: /^Edit Region .+, .+: / }).first();
      await click(cell);
      const form = frame.getByRole('dialog', { name: /^Edit .+ in Region / });
      await form.waitFor();
      // The form fills in once the cell's details are read.
      await form.getByRole('radio', { name: 'Live', exact: true }).waitFor();
      assert.equal(await form.getByRole('group', { name: 'Status' }).getByRole('radio').count(), ROLLOUT_STATUSES.length);
      await form.getByRole('textbox', { name: 'Note' }).waitFor();
      await form.getByRole('button', { name: 'Save', exact: true }).waitFor();
      await click(form.getByRole('button', { name: 'Cancel', exact: true }));
      await form.waitFor({ state: 'detached' });
    });
  });
});

describe('anonymous reader', () => {
  const initiative = '1177 inkorg – digitala kallelser';
  const region = 'Region Stockholm';

  /** The details popover's "Senast uppdaterad" value for a cell, as the given reader sees it. */
  async function updatedLine(user: 'anonymous' | 'demo-viewer'): Promise<string> {
    return withPage({ user }, async (_page, frame) => {
      await click(rolloutCell(frame, initiative, region));
      // Who updated the cell is a detail, read when the popover opens (for signed-in readers only).
      const popover = await cellDetails(frame, initiative, region);
      return (await popover.locator('dt:text-is("Senast uppdaterad") + dd').innerText()).trim();
    });
  }

  it('sees no edit controls, and a cell opens its details, not a form', async () => {
    await withPage({ user: 'anonymous' }, async (_page, frame) => {
      assert.equal(await frame.getByRole('button', { name: 'Redigera' }).count(), 0, 'no "Redigera" toggle');
      assert.equal(await frame.getByRole('button', { name: /Ändra flera|Hantera införanden/ }).count(), 0);
      await click(rolloutCell(frame, initiative, region));
      const popover = frame.getByRole('dialog', { name: `${initiative} i ${region}`, exact: true });
      await popover.waitFor();
      assert.equal(await frame.getByRole('radio').count(), 0, 'no form opened');
      assert.equal(await popover.getByRole('button', { name: /Ändra|Visa historik/ }).count(), 0, 'the details offer no edit or history');
    });
  });

  it('gets details without the name of who updated them', async () => {
    // The same cell as a signed-in reader names the person ("9 sep. 2026 av Anna Lindqvist"), so the
    // check below can fail.
    const signedIn = await updatedLine('demo-viewer');
    const named = EDITOR_NAMES.find((n) => signedIn.endsWith(` av ${n}`));
    assert.ok(named, `a signed-in reader sees who updated the cell: "${signedIn}"`);
    const anonymous = await updatedLine('anonymous');
    assert.equal(anonymous, signedIn.slice(0, -` av ${named}`.length), 'anonymous readers see the date only');
  });
});

describe('details that cannot be read', () => {
  it('the popover and the form say so, offer to try again, and then show the details', async () => {
    const initiative = '1177 inkorg – digitala kallelser';
    const region = 'Region Stockholm';
    await withPage({ user: 'demo-editor' }, async (page, frame) => {
      let failures = 0;
      const failGetDetails = (count: number) => (failures = count);
      await page.route('**/api/invoke', (route) => {
        if (failures > 0 && route.request().postData()?.includes('"functionKey":"getDetails"')) {
          failures -= 1;
          return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { message: 'There was an error invoking the function' } }) });
        }
        return route.continue();
      });

      failGetDetails(1);
      await click(rolloutCell(frame, initiative, region));
      const popover = frame.getByRole('dialog', { name: `${initiative} i ${region}`, exact: true });
      await popover.getByText('Anteckning och kontakter kunde inte hämtas.').waitFor();
      // The plan is in the view and stays.
      await popover.locator('dt:text-is("Planerad pilot (tidigt införande)")').waitFor();
      const violations = await runAxe(frame);
      assert.equal(violations.length, 0, `popover with a failed read: ${describeViolations(violations)}`);
      await click(popover.getByRole('button', { name: 'Försök igen' }));
      const loaded = await cellDetails(frame, initiative, region);
      await loaded.locator('dt:text-is("Regional kontakt")').waitFor();
      await page.keyboard.press('Escape');

      failGetDetails(1);
      await enterEditMode(frame);
      await click(rolloutCell(frame, initiative, region));
      const dialog = frame.getByRole('dialog', { name: `Ändra ${initiative} i ${region}`, exact: true });
      const failed = dialog.getByRole('alert').filter({ hasText: 'Cellens nuvarande uppgifter kunde inte hämtas' });
      await failed.waitFor();
      assert.equal(await dialog.getByRole('button', { name: 'Spara', exact: true }).isDisabled(), true, 'nothing to save without the form');
      await click(failed.getByRole('button', { name: 'Försök igen' }));
      const form = cellForm(frame, initiative, region);
      await form.waitFor();
      assert.notEqual(await form.getByLabel('Regional kontakt').inputValue(), '', 'the form has the stored regional contact');
      assert.equal((await focusedIn(frame)).type, 'radio', 'focus goes to the status once the form is there');
    });
  });
});

describe('accessibility of the editing dialogs (axe-core, WCAG 2.1 AA)', () => {
  const initiative = 'Digital vårdtjänst – chatt';
  const cases = [
    { theme: 'light', region: 'Region Uppsala' },
    { theme: 'dark', region: 'Region Kalmar län' },
  ] as const;
  for (const { theme, region } of cases) {
    it(`edit form, conflict dialog and history have no violations, ${theme} theme`, async () => {
      const check = async (frame: Frame, what: string) => {
        const violations = await runAxe(frame);
        assert.equal(violations.length, 0, `${what} (${theme}): ${describeViolations(violations)}`);
      };
      await withPage({ user: 'demo-editor', theme }, async (_page, frame) => {
        await enterEditMode(frame);
        const start = await cellStatus(rolloutCell(frame, initiative, region));
        await click(rolloutCell(frame, initiative, region));
        const form = cellForm(frame, initiative, region);
        await form.waitFor();
        await check(frame, 'edit form');

        const theirs = otherStatus(start);
        await withPage({ user: 'demo-editor' }, async (_pageB, frameB) => {
          await enterEditMode(frameB);
          await editCellStatus(frameB, initiative, region, () => theirs);
        });
        await form.getByRole('radio', { name: sv(otherStatus(start, theirs)), exact: true }).check();
        await click(form.getByRole('button', { name: 'Spara', exact: true }));
        const conflict = frame.getByRole('dialog', { name: 'Någon annan har ändrat samma uppgifter' });
        await conflict.waitFor();
        await check(frame, 'conflict dialog');

        // "Use the current value" closes the dialog and shows the other editor's status.
        await click(conflict.getByRole('button', { name: 'Använd det nuvarande värdet' }));
        await waitForAnnouncement(frame, 'Det nuvarande värdet gäller');
        await rolloutCell(frame, initiative, region, theirs).waitFor();

        await click(frame.getByRole('button', { name: 'Redigera', pressed: true }));
        const history = await openCellHistory(frame, initiative, region);
        const rows = await tableRows(history.locator('table.rs-history'));
        assert.deepEqual(rows[0]!.slice(1, 5), ['Eva Redaktör', 'Status', sv(start), sv(theirs)]);
        await check(frame, 'history');
      });
    });
  }
});
