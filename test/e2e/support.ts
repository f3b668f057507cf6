/**
 * Browser-test support: the local Forge host started in-process with fresh in-memory data, Debian's
 * Chromium driven by playwright-core, and axe-core run inside each macro's (cross-origin) iframe.
 */
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import { startServer, type RunningServer, type StartServerOptions } from '../../dev/server';
import type { InitiativeWithDetails, Programme } from '../../src/shared/model';
import { resetReadCache, seedProgramme } from '../../src/storage';
import { ROLLOUT_STATUSES, ROLLOUT_STATUS_LABELS, type RolloutStatus } from '../../src/shared/vocabulary';

export type DemoUser = 'anonymous' | 'demo-viewer' | 'demo-editor' | 'demo-editor-other';
export interface PageOptions {
  user: DemoUser;
  locale?: 'sv' | 'en';
  theme?: 'light' | 'dark';
  page?: '1001' | '2001' | '3001';
  width?: number;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * One host (fresh in-memory data) and one browser for a whole test file, started before its first test
 * and closed after its last. Read `env.browser` and `env.host` inside tests, not at the top level.
 */
export function sharedHostAndBrowser(replaceDemoWith?: SeedData): { readonly browser: Browser; readonly host: RunningServer } {
  let browser: Browser | undefined;
  let host: RunningServer | undefined;
  before(async () => {
    host = await startHost();
    if (replaceDemoWith) await replaceDemoProgramme(host, replaceDemoWith);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await host?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('The browser is started in before(): use it inside a test');
      return browser;
    },
    get host() {
      if (!host) throw new Error('The host is started in before(): use it inside a test');
      return host;
    },
  };
}

/** A programme (e.g. a bench dataset) that takes the demo programme's place, so page 1001 shows it. */
export interface SeedData {
  programme: Programme;
  initiatives: InitiativeWithDetails[];
}

/**
 * Empties the host's in-memory KVS and seeds `data` under the demo programme's id (outside the rate limits,
 * as a bulk load is). A file that does this runs in its own process, so it never changes another's data.
 */
export async function replaceDemoProgramme(host: RunningServer, data: SeedData): Promise<void> {
  host.kvs.clear();
  await host.kvs.withoutRateLimits(() =>
    seedProgramme(
      { ...data.programme, id: DEMO_PROGRAMME_ID },
      data.initiatives.map((i) => ({ ...i, programmeId: DEMO_PROGRAMME_ID })),
    ),
  );
  resetReadCache();
}

/** In-memory data unless the options name a `kvsFile` (then the data persists there). */
export async function startHost(options: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, memory: options.kvsFile === undefined, ...options });
}

/** Opens the host page as a demo user and waits until every macro on it has emitted its ready event. */
export async function openHostPage(browser: Browser, host: RunningServer, options: PageOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1400, height: 1000 } });
  const page = await context.newPage();
  const url = new URL(host.url);
  url.searchParams.set('user', options.user);
  url.searchParams.set('locale', options.locale ?? 'sv');
  url.searchParams.set('theme', options.theme ?? 'light');
  url.searchParams.set('page', options.page ?? '1001');
  await page.goto(url.toString());
  await waitForMacrosReady(page);
  await waitForLayoutStable(page);
  return page;
}

/**
 * Clicks a locator inside a macro's iframe. Macro iframes are cross-origin, as on Forge, so Chromium runs
 * them out of process and routes a click by hit-test data that trails a scroll of the host page. Playwright
 * scrolls the target into view and clicks at once; under load the click then goes to the host page's
 * <iframe> element and the macro never sees it (the lost edit-toggle presses seen in CI). So: scroll, let
 * the host page draw two frames, then click.
 */
export async function click(locator: Locator, options?: Parameters<Locator['click']>[0]): Promise<void> {
  // The element's own scrollIntoView: Playwright's waits for a frame of the iframe, and an iframe out of
  // view draws none.
  await locator.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
  await locator.page().evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await locator.click(options);
}

/**
 * Waits until no macro iframe moves or resizes for a few checks in a row. A macro is ready when its first
 * screen is drawn; the rest of its list, and the edit controls that come with getCapabilities, follow and
 * grow its iframe, which moves every macro below it. Playwright's own stability check looks inside a frame
 * only, so a mouse click computed before such a move lands beside its target (the lost edit-toggle clicks
 * seen under CI load). Keyboard-driven tests are immune; this makes mouse-driven ones so too.
 */
export async function waitForLayoutStable(page: Page, { checks = 3, intervalMs = 150, timeoutMs = 15_000 } = {}): Promise<void> {
  const layout = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('iframe.macro-frame')]
        .map((f) => {
          const r = f.getBoundingClientRect();
          return `${Math.round(r.top)}:${Math.round(r.height)}`;
        })
        .join(','),
    );
  const deadline = Date.now() + timeoutMs;
  let last = await layout();
  let same = 0;
  while (same < checks) {
    if (Date.now() > deadline) throw new Error(`The page's macros kept moving for ${timeoutMs} ms: ${last}`);
    await page.waitForTimeout(intervalMs);
    const now = await layout();
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

export async function waitForMacrosReady(page: Page): Promise<void> {
  const expected = await page.locator('iframe.macro-frame').count();
  await page.waitForFunction(
    (n) => Object.keys((window as unknown as { __macroReady?: Record<string, number> }).__macroReady ?? {}).length >= n,
    expected,
    { timeout: 30_000 },
  );
}

/** The macro iframes' frames, keyed by the module key in their title or data attribute. */
export async function macroFrames(page: Page): Promise<Frame[]> {
  const handles = await page.locator('iframe.macro-frame').elementHandles();
  const frames: Frame[] = [];
  for (const h of handles) {
    const f = await h.contentFrame();
    if (f) frames.push(f);
  }
  return frames;
}

export async function macroFrame(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.locator(`iframe.macro-frame[data-module-key="${moduleKey}"]`).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`No macro frame for ${moduleKey}`);
  return frame;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Runs axe-core in a frame. Injected through the DevTools protocol (evaluate), which is not subject to
 * the frame's CSP, so the app's strict CSP stays as Forge serves it.
 */
export async function runAxe(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return result;
}

export interface SpacePageOptions {
  user: string;
  /** The space whose app page opens: INF holds the demo programme, EMPTY none. */
  space?: string;
  locale?: 'sv' | 'en';
  theme?: 'light' | 'dark';
  /** A selector inside the app's iframe that shows the page is ready. */
  ready?: string;
  acceptDownloads?: boolean;
}

/** The app's space page ("Införandeöversikt", the programme-admin module) as `user`, and its iframe. */
export async function openSpacePage(browser: Browser, host: RunningServer, options: SpacePageOptions): Promise<{ page: Page; frame: Frame }> {
  const { user, space = 'INF', locale = 'sv', theme = 'light', ready = 'h1', acceptDownloads = false } = options;
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, acceptDownloads });
  const page = await context.newPage();
  const url = new URL(`/spaces/${space}/apps/inforandeoversikt`, host.url);
  url.searchParams.set('user', user);
  url.searchParams.set('locale', locale);
  url.searchParams.set('theme', theme);
  await page.goto(url.toString());
  const element = await page.waitForSelector('iframe[data-module-key="programme-admin"]');
  const frame = (await element.contentFrame())!;
  await frame.locator(ready).first().waitFor();
  return { page, frame };
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

// ------------------------------------------------------------------ rollout-status helpers

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matrix cell's button by its accessible name ("Region Uppsala, Digital KBT: Pilot …", with "Ändra "
 * or "Edit " in front in edit mode). With a status, only a button that names that status matches.
 */
export function rolloutCell(frame: Frame, initiative: string, region: string, status?: RolloutStatus, locale: 'sv' | 'en' = 'sv'): Locator {
  // After the status may come markers (". Behöver ses över"), with or without a space before the dot.
  const label = status ? `${escapeRegExp(ROLLOUT_STATUS_LABELS[status][locale])}\\s*(\\.|$)` : '';
  return frame.getByRole('button', { name: new RegExp(`^((Ändra|Edit) )?${escapeRegExp(region)}, ${escapeRegExp(initiative)}:\\s*${label}`) });
}

/** The status a cell button shows (its lozenge's status). */
export async function cellStatus(cell: Locator): Promise<RolloutStatus> {
  const status = await cell.locator('[data-status]').getAttribute('data-status');
  if (!status || !(ROLLOUT_STATUSES as readonly string[]).includes(status)) throw new Error(`No status in cell: ${status}`);
  return status as RolloutStatus;
}

/** A status other than all of the given ones, the next in vocabulary order after the first. */
export function otherStatus(...avoid: RolloutStatus[]): RolloutStatus {
  const start = ROLLOUT_STATUSES.indexOf(avoid[0]!);
  for (let i = 1; i <= ROLLOUT_STATUSES.length; i++) {
    const s = ROLLOUT_STATUSES[(start + i) % ROLLOUT_STATUSES.length]!;
    if (!avoid.includes(s)) return s;
  }
  throw new Error('No other status');
}

/** The app's polite live region (one per macro), whatever it currently says. */
export function liveRegion(frame: Frame): Locator {
  return frame.locator('[role="status"][aria-live="polite"]');
}

/** Waits until the live region has announced text matching `text`. */
export async function waitForAnnouncement(frame: Frame, text: RegExp | string, timeout = 10_000): Promise<string> {
  const region = liveRegion(frame).filter({ hasText: text });
  await region.waitFor({ state: 'attached', timeout });
  return (await region.textContent()) ?? '';
}

/** What has focus inside a frame, as a user would hear it: tag, role-ish class and text. */
export interface FocusInfo {
  inFrame: boolean;
  tag: string;
  text: string;
  /** aria-label when there is one, else the text. */
  name: string;
  className: string;
  type: string;
}

export async function focusedIn(frame: Frame): Promise<FocusInfo> {
  return frame.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      inFrame: document.hasFocus() && !!el && el !== document.body,
      tag: el?.tagName.toLowerCase() ?? '',
      text: (el?.innerText ?? '').trim(),
      name: (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim(),
      // An SVG element's className is an SVGAnimatedString: read the attribute, which is a string for both.
      className: el?.getAttribute('class') ?? '',
      type: el?.getAttribute('type') ?? '',
    };
  });
}

/** Presses Tab (on the page, so focus can travel from the host page into the iframe) until `done` holds. */
export async function tabUntil(page: Page, frame: Frame, done: (f: FocusInfo) => boolean, what: string, maxPresses = 60): Promise<FocusInfo> {
  const seen: string[] = [];
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const f = await focusedIn(frame);
    if (f.inFrame && done(f)) return f;
    seen.push(f.inFrame ? `${f.tag}:${f.text.slice(0, 30)}` : '(outside)');
  }
  throw new Error(`Tab never reached ${what}; focus went: ${seen.join(' → ')}`);
}

/** The visible text of each body row of a table, cell by cell (th and td). */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c as HTMLElement).innerText.trim())),
  );
}

/** Turns the rollout-status edit mode on (by mouse) and waits until the cells are edit buttons. */
export async function enterEditMode(frame: Frame, label = 'Redigera'): Promise<void> {
  const toggle = frame.getByRole('button', { name: label, exact: true });
  await click(toggle);
  await frame.locator('button.rs-cell-button--edit').first().waitFor();
}

/**
 * The open cell form ("Ändra {initiative} i {region}"), once it is filled in: the dialog opens at once and
 * shows the form when the cell's details (note, link, contacts) have been read.
 */
export function cellForm(frame: Frame, initiative: string, region: string): Locator {
  return frame.getByRole('dialog', { name: `Ändra ${initiative} i ${region}`, exact: true }).filter({ has: frame.getByRole('radio') });
}

/** A cell's details popover, once its note, contacts and "Senast uppdaterad" have been read. */
export async function cellDetails(frame: Frame, initiative: string, region: string): Promise<Locator> {
  const popover = frame.getByRole('dialog', { name: `${initiative} i ${region}`, exact: true });
  await popover.locator('.rs-popover__more:not([aria-busy])').waitFor();
  return popover;
}

/**
 * In edit mode: opens a cell's form, chooses a status and saves, then waits for the saved announcement
 * and the cell to show the status. Returns the status the cell had before.
 */
export async function editCellStatus(frame: Frame, initiative: string, region: string, pick: (current: RolloutStatus) => RolloutStatus): Promise<{ from: RolloutStatus; to: RolloutStatus }> {
  const cell = rolloutCell(frame, initiative, region);
  const from = await cellStatus(cell);
  const to = pick(from);
  await click(cell);
  const form = cellForm(frame, initiative, region);
  await form.getByRole('radio', { name: ROLLOUT_STATUS_LABELS[to].sv, exact: true }).check();
  await click(form.getByRole('button', { name: 'Spara', exact: true }));
  await waitForAnnouncement(frame, `Sparat: ${initiative} i ${region}.`);
  await rolloutCell(frame, initiative, region, to).waitFor();
  return { from, to };
}

/**
 * Out of edit mode: opens a cell's details and from there its history; returns the history dialog once
 * its table has loaded.
 */
export async function openCellHistory(frame: Frame, initiative: string, region: string): Promise<Locator> {
  await click(rolloutCell(frame, initiative, region));
  const popover = frame.getByRole('dialog', { name: `${initiative} i ${region}`, exact: true });
  await click(popover.getByRole('button', { name: 'Visa historik' }));
  const dialog = frame.getByRole('dialog', { name: `Historik: ${initiative} i ${region}`, exact: true });
  await dialog.locator('table.rs-history tbody tr').first().waitFor();
  return dialog;
}
