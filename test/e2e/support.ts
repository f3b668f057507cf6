/**
 * Browser-test support: the local Forge host started in-process with fresh in-memory data, Debian's
 * Chromium driven by playwright-core, and axe-core run inside each macro's (cross-origin) iframe.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../dev/server';

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

export async function startHost(): Promise<RunningServer> {
  return startServer({ port: 0, memory: true });
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
  return page;
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

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}
