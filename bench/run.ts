/**
 * `npm run bench`: the performance targets of quality.md, measured on this machine.
 *  1. KVS read units per view (cold and warm) for the S, M and L datasets, counted by the strict local KVS
 *     as Forge bills them, through the real handler and the real @forge/kvs.
 *  2. Resolver CPU time: building each view model at L, and a whole warm getView call.
 *  3. Custom UI initial JavaScript per view, gzipped (from the Vite build).
 *  4. Time from iframe load to the ready event in headless Chromium for M, side by side with a static
 *     HTML table of the same data in one run.
 *  5. Backup → restore of a whole programme at L-max (bench/backup-restore.ts): calls, largest request and
 *     response, KVS units, and whether every overview comes back exactly.
 * Prints a Markdown report; docs/performance.md records the numbers.
 */
import { APP_SCOPES } from '../dev/app-manifest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConfluenceStub } from '../dev/confluence-stub';
import { DEMO_PROGRAMME_ID } from '../dev/demo-data';
import { DEMO_USERS } from '../dev/demo-users';
import { installForgeRuntime } from '../dev/forge-runtime';
import { InvokeRunner } from '../dev/invoke-runner';
import { LocalKvs, loadEntityDefinitions } from '../dev/kvs';
import { startServer } from '../dev/server';
import { buildView } from '../src/domain/build-view';
import { parseMacroConfig } from '../src/shared/schemas';
import { MACRO_KEYS, ROLLOUT_STATUS_LABELS, type MacroKey } from '../src/shared/vocabulary';
import { resetReadCache, seedProgramme } from '../src/storage';
import { encodeDetails, encodeInitiative } from '../src/storage/codec';
import { splitDetails } from '../src/shared/model';
import { buildDataset, DATASETS, type DatasetSize } from './datasets';
import { CHROMIUM_ARGS } from '../test/e2e/support';
import { chromium } from 'playwright-core';
import { backupRestore } from './backup-restore';

const ROOT = join(__dirname, '..');
const NOW = new Date();
const out: string[] = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Measured values the targets of quality.md are checked against, printed at the end. */
const measured: Record<string, number> = {};
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function kvsAndCpu(): Promise<void> {
  const runner = new InvokeRunner({ appRoot: ROOT });
  const summary: string[] = [];
  log('## 1. Per view: response size and KVS cost (Forge units: 10 KB per request, rounded up)');
  log();
  log('Cold: the first read after the read cache is emptied, as in a fresh Forge process. Warm: the same view read again.');
  log();
  log('| dataset | macro | response | cold read units | warm read units | cold getView ms | warm getView ms |');
  log('|---|---|---:|---:|---:|---:|---:|');
  for (const size of Object.keys(DATASETS) as DatasetSize[]) {
    const kvs = new LocalKvs({ entities: loadEntityDefinitions(join(ROOT, 'manifest.yml')) });
    installForgeRuntime({ kvs, confluence: createConfluenceStub({ baseUrl: 'http://localhost:4700' }), scopes: APP_SCOPES });
    const { programme, initiatives } = buildDataset(size, 'INF', NOW);
    await kvs.withoutRateLimits(() => seedProgramme(programme, initiatives));
    const label = `${size} (${DATASETS[size].initiatives} × ${DATASETS[size].participants})`;
    const invoke = (functionKey: string, payload: unknown, moduleKey: MacroKey, user = DEMO_USERS.anonymous) =>
      runner.invokeFunction({ functionKey, payload, macroInstance: { pageId: '1001', localId: `bench-${moduleKey}`, moduleKey }, user }) as Promise<{
        ok: boolean;
        data?: Record<string, unknown>;
        error?: unknown;
      }>;
    let pageCold = 0;
    let largestResponse = 0;
    for (const macro of MACRO_KEYS) {
      resetReadCache();
      kvs.resetUnits();
      let t = performance.now();
      const cold = await invoke('getView', {}, macro);
      const coldMs = performance.now() - t;
      if (!cold.ok) throw new Error(`getView failed: ${JSON.stringify(cold)}`);
      const coldUnits = kvs.units().readRequestUnits;
      pageCold += coldUnits;
      const response = bytesOf(cold);
      largestResponse = Math.max(largestResponse, response);
      kvs.resetUnits();
      const warmTimes: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        await invoke('getView', {}, macro);
        warmTimes.push(performance.now() - t);
      }
      const warmUnits = kvs.units().readRequestUnits / 5;
      measured.warmUnits = Math.max(measured.warmUnits ?? 0, warmUnits);
      measured[`response-${size}`] = Math.max(measured[`response-${size}`] ?? 0, response);
      log(`| ${label} | ${macro} | ${kb(response)} | ${coldUnits} | ${warmUnits} | ${coldMs.toFixed(1)} | ${median(warmTimes).toFixed(1)} |`);
    }

    // Details on demand: one cell (popover, form), and the whole programme paged (the CSV export).
    const first = initiatives[0];
    const code = programme.participants[0].code;
    kvs.resetUnits();
    const cell = await invoke('getDetails', { initiativeId: first.id, regionCode: code }, 'rollout-status', DEMO_USERS['demo-viewer']);
    const cellUnits = kvs.units().readRequestUnits;
    let cursor: string | undefined;
    let pages = 0;
    let largestPage = 0;
    kvs.resetUnits();
    // The export of every detail is paced by the rate limit on a real site; here it is measured unthrottled.
    await kvs.withoutRateLimits(async () => {
      do {
        const page = await invoke('getDetails', cursor ? { cursor } : {}, 'rollout-status');
        if (!page.ok) throw new Error(`getDetails failed: ${JSON.stringify(page.error)}`);
        pages += 1;
        largestPage = Math.max(largestPage, bytesOf(page));
        cursor = (page.data as { cursor: string | null }).cursor ?? undefined;
      } while (cursor);
    });
    const exportUnits = kvs.units().readRequestUnits;

    // One edit as an editor: a note and a status, as the cell form saves them.
    kvs.resetUnits();
    const before = kvs.units();
    const saved = await invoke(
      'updateCell',
      { initiativeId: first.id, regionCode: code, patch: { note: 'Bänkprov' }, expected: { note: first.cells[code].note } },
      'rollout-status',
      DEMO_USERS['demo-editor'],
    );
    if (!saved.ok) throw new Error(`updateCell failed: ${JSON.stringify(saved.error)}`);
    const edit = kvs.units();
    const stored = initiatives.map((i) => splitDetails(i));
    const largestInitiative = Math.max(...stored.map(({ initiative }) => bytesOf(encodeInitiative(initiative))));
    const largestDetail = Math.max(
      0,
      ...stored.flatMap(({ initiative, details }) => [...details].map(([c, d]) => bytesOf(encodeDetails(programme.id, initiative.id, c, d)))),
    );
    const exportDoc = await runner.exportMacro({
      macroInstance: { pageId: '1001', localId: 'bench-export', moduleKey: 'rollout-status' },
      user: DEMO_USERS.anonymous,
    });
    measured[`page-${size}`] = pageCold;
    summary.push(
      `| ${label} | ${pageCold} | ${kb(largestResponse)} | ${cellUnits} (${kb(bytesOf(cell))}) | ${pages} pages, largest ${kb(largestPage)}, ${exportUnits} units | ${edit.writeUnits - before.writeUnits} write units, ${edit.requests - before.requests} requests | ${kb(largestInitiative)} / ${kb(largestDetail)} | ${kb(bytesOf(exportDoc))} |`,
    );
  }
  log();
  log('Per dataset: a cold page of all four macros (each macro in its own cold process, summed), details on demand, one edit, the largest stored records (of 240 KiB) and the PDF/Word export of rollout-status.');
  log();
  log('| dataset | cold four-macro page, read units | largest view response | one cell\'s details: units (response) | CSV: all details | one edit (note) | largest initiative / detail record | ADF export |');
  log('|---|---:|---:|---:|---|---|---|---:|');
  for (const line of summary) log(line);
  log();

  log('## 2. Resolver CPU time for a view model at L (50 × 290), median of 30');
  log();
  log('| macro | buildView ms (median) | p95 ms |');
  log('|---|---:|---:|');
  const { programme, initiatives: full } = buildDataset('L', 'INF', NOW);
  const initiatives = full.map((i) => splitDetails(i).initiative);
  for (const macro of MACRO_KEYS as readonly MacroKey[]) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      buildView({ macro, programme, initiatives, config: parseMacroConfig({}), now: NOW, audience: 'public' });
      times.push(performance.now() - t);
    }
    const sorted = [...times].sort((a, b) => a - b);
    measured.cpu = Math.max(measured.cpu ?? 0, median(times));
    log(`| ${macro} | ${median(times).toFixed(2)} | ${sorted[Math.floor(sorted.length * 0.95) - 1].toFixed(2)} |`);
  }
  log();
}

function bundle(): void {
  log('## 3. Custom UI initial JavaScript per view (gzip)');
  log();
  log('```');
  try {
    const text = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'static/app/scripts/bundle-size.ts')], { encoding: 'utf8' });
    log(text.trimEnd());
  } catch (e) {
    // The script exits 1 when a view is over its budget; its table is still the measurement.
    const stdout = (e as { stdout?: unknown }).stdout;
    if (typeof stdout === 'string' && stdout.trim() !== '') log(stdout.trimEnd());
    else log(`bundle-size failed (did you run npm run build?): ${(e as Error).message}`);
  }
  log('```');
  log();
}

/** A static HTML table of the same M data, in a sandboxed iframe, that posts "ready" when parsed. */
function staticTableHtml(size: DatasetSize, readyScript = '/ready.js'): string {
  const { programme, initiatives } = buildDataset(size, 'INF', NOW);
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const head = programme.participants.map((p) => `<th scope="col">${esc(p.short)}</th>`).join('');
  const rows = initiatives
    .map(
      (i) =>
        `<tr><th scope="row">${esc(i.name)}</th>${programme.participants
          .map((p) => `<td>${esc(ROLLOUT_STATUS_LABELS[i.cells[p.code].status].sv)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Static</title></head><body><table><caption>${esc(programme.name)}</caption><thead><tr><th scope="col">Införande</th>${head}</tr></thead><tbody>${rows}</tbody></table><script src="${readyScript}"></script></body></html>`;
}

const BASELINE_HOST = `<!doctype html><html><head><meta charset="utf-8"><title>Baseline</title><script src="/host.js"></script></head><body></body></html>`;
const BASELINE_HOST_JS = `window.__ready = null; window.addEventListener('message', function (e) { if (e.data && e.data.type === 'ready') window.__ready = { navigationStart: e.data.timeOrigin - performance.timeOrigin, ready: performance.now() }; });
window.addEventListener('DOMContentLoaded', function () { var f = document.createElement('iframe'); f.setAttribute('sandbox', 'allow-scripts allow-same-origin'); f.src = location.search === '?painted' ? '/table-painted.html' : '/table.html'; f.width = 1400; f.height = 900; document.body.appendChild(f); });`;
const BASELINE_READY_JS = `parent.postMessage({ type: 'ready', timeOrigin: performance.timeOrigin }, '*');`;
/**
 * For reference only: the same table, ready once its first frame has been laid out and painted. The app's
 * ready event comes after React's commit (its effects run after paint), the plain baseline's as soon as the
 * HTML is parsed, before any layout; this row shows how much of the gap is that difference.
 */
const BASELINE_READY_PAINTED_JS = `requestAnimationFrame(function () { setTimeout(function () { parent.postMessage({ type: 'ready', timeOrigin: performance.timeOrigin }, '*'); }, 0); });`;

/**
 * Builds bench/floor (a framework-free page that shows the same table through the bridge) with the app's
 * Vite config, so it gets the same bridge aliases and the same production settings.
 */
async function buildFloor(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'io-floor-'));
  await build({
    configFile: join(ROOT, 'static', 'app', 'vite.config.ts'),
    root: join(ROOT, 'bench', 'floor'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: false },
  });
  return outDir;
}

async function readyTime(runs: number): Promise<void> {
  log(`## 4. Iframe load → ready event, M (50 × 21), headless Chromium, median of ${runs}`);
  log();
  const table = staticTableHtml('M');
  const paintedTable = staticTableHtml('M', '/ready-painted.js');
  const files: Record<string, string> = {
    '/table.html': table,
    '/table-painted.html': paintedTable,
    '/host.js': BASELINE_HOST_JS,
    '/ready.js': BASELINE_READY_JS,
    '/ready-painted.js': BASELINE_READY_PAINTED_JS,
  };
  const baseline = createServer((req, res) => {
    const body = files[req.url ?? ''] ?? BASELINE_HOST;
    res.writeHead(200, { 'content-type': req.url?.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((r) => baseline.listen(0, '127.0.0.1', () => r()));
  const baselinePort = (baseline.address() as { port: number }).port;

  const floorDir = await buildFloor();
  const resourceOverrides = new Map<string, string>();
  const host = await startServer({ port: 0, memory: true, resourceOverrides });
  host.kvs.clear();
  // Under the demo programme's id, so page 2001 (which embeds that programme) shows M as well.
  const m = buildDataset('M', 'INF', NOW);
  await host.kvs.withoutRateLimits(() =>
    seedProgramme(
      { ...m.programme, id: DEMO_PROGRAMME_ID },
      m.initiatives.map((i) => ({ ...i, programmeId: DEMO_PROGRAMME_ID })),
    ),
  );
  resetReadCache();

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app: number[] = [];
  const alone: number[] = [];
  const stat: number[] = [];
  const painted: number[] = [];
  const floor: number[] = [];
  const floorAll: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await ctx.newPage();
      for (const [pageId, into, resource] of [['1001', app, null], ['2001', alone, null], ['2001', floor, floorDir], ['1001', floorAll, floorDir]] as const) {
        if (resource) resourceOverrides.set('main', resource);
        else resourceOverrides.delete('main');
        await page.goto(`${host.url}?user=anonymous&page=${pageId}&locale=sv&theme=light`);
        const timing = await page.waitForFunction(() => {
          const frame = document.querySelector('iframe.macro-frame[data-module-key="rollout-status"]');
          const id = frame?.getAttribute('data-local-id');
          const t = id ? (window as unknown as { __macroTiming?: Record<string, { navigationStart: number; ready: number }> }).__macroTiming?.[id] : undefined;
          return t ?? null;
        }, undefined, { timeout: 60_000 });
        const t = (await timing.jsonValue()) as { navigationStart: number; ready: number };
        into.push(t.ready - t.navigationStart);
      }
      for (const [query, into] of [['', stat], ['?painted', painted]] as const) {
        await page.goto(`http://127.0.0.1:${baselinePort}/${query}`);
        const b = await page.waitForFunction(() => (window as unknown as { __ready: unknown }).__ready, undefined, { timeout: 60_000 });
        const bt = (await b.jsonValue()) as { navigationStart: number; ready: number };
        into.push(bt.ready - bt.navigationStart);
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
    await host.close();
    baseline.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
  const ratio = median(app) / median(stat);
  measured.readyAll = ratio;
  measured.readyAlone = median(alone) / median(stat);
  log('| page | median ms | min ms | max ms |');
  log('|---|---:|---:|---:|');
  log(`| app (rollout-status macro, on a page with all four) | ${median(app).toFixed(0)} | ${Math.min(...app).toFixed(0)} | ${Math.max(...app).toFixed(0)} |`);
  log(`| app (rollout-status macro alone on its page) | ${median(alone).toFixed(0)} | ${Math.min(...alone).toFixed(0)} | ${Math.max(...alone).toFixed(0)} |`);
  log(`| floor, on a page with four such macros | ${median(floorAll).toFixed(0)} | ${Math.min(...floorAll).toFixed(0)} | ${Math.max(...floorAll).toFixed(0)} |`);
  log(`| floor, alone: the same table through Forge's bridge (getContext and getView at once, innerHTML, no framework) | ${median(floor).toFixed(0)} | ${Math.min(...floor).toFixed(0)} | ${Math.max(...floor).toFixed(0)} |`);
  log(`| static HTML table of the same data | ${median(stat).toFixed(0)} | ${Math.min(...stat).toFixed(0)} | ${Math.max(...stat).toFixed(0)} |`);
  log(`| (reference) the same table, ready after its first paint | ${median(painted).toFixed(0)} | ${Math.min(...painted).toFixed(0)} | ${Math.max(...painted).toFixed(0)} |`);
  log();
  log(`Ratio app / static: **${ratio.toFixed(2)}×** with four macros on the page, **${(median(alone) / median(stat)).toFixed(2)}×** alone (target ≤ 2×).`);
  log(
    `Floor / static: **${(median(floor) / median(stat)).toFixed(2)}×** alone, **${(median(floorAll) / median(stat)).toFixed(2)}×** with four: what any Custom UI pays before it can draw this table. ` +
      `App / floor: ${(median(alone) / median(floor)).toFixed(2)}× alone, ${(median(app) / median(floorAll)).toFixed(2)}× with four: what the app's own code adds.`,
  );
  log(`Against the painted reference: ${(median(app) / median(painted)).toFixed(2)}× with four macros, ${(median(alone) / median(painted)).toFixed(2)}× alone (for reading the gap; the target is against the plain table).`);
  log();
}

function targets(): void {
  const row = (name: string, target: string, value: number | undefined, show: (v: number) => string, ok: (v: number) => boolean) =>
    value === undefined ? null : log(`| ${name} | ${target} | ${show(value)} | ${ok(value) ? 'met' : '**not met**'} |`);
  log('## Targets (quality.md) against this run');
  log();
  log('| target | bound | measured | |');
  log('|---|---|---:|---|');
  const kib = (v: number) => kb(v);
  row('largest view response at M', '≤ 100 KB', measured['response-M'], kib, (v) => v <= 100 * 1024);
  row('largest view response at L', '≤ 1 MB', measured['response-L'], kib, (v) => v <= 1024 * 1024);
  row('largest view response at L-max', '< 5 MB (Forge)', measured['response-L-max'], kib, (v) => v < 5 * 1024 * 1024);
  row('warm view', '≤ 1 read unit', measured.warmUnits, String, (v) => v <= 1);
  row('cold page of four macros at L', '≤ 100 read units', measured['page-L'], String, (v) => v <= 100);
  row('buildView at L (worst macro, median)', '< 50 ms', measured.cpu, (v) => `${v.toFixed(1)} ms`, (v) => v < 50);
  row('ready at M, macro alone', '≤ 2× static table', measured.readyAlone, (v) => `${v.toFixed(2)}×`, (v) => v <= 2);
  row('ready at M, four macros on the page', '≤ 4× static table', measured.readyAll, (v) => `${v.toFixed(2)}×`, (v) => v <= 4);
  log();
}

async function main(): Promise<void> {
  log(`# Benchmark run ${NOW.toISOString()}`);
  log();
  log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  log();
  // BENCH_ONLY=ready runs only the browser timing (for iterating on the UI; never for the recorded file).
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'kvs') await kvsAndCpu();
  if (!only || only === 'bundle') bundle();
  if (!only || only === 'ready') await readyTime(Number(process.env.BENCH_RUNS ?? 10));
  if (!only || only === 'backup') {
    log('## 5. Backup → restore of a whole programme at L-max, as the space page drives it (rate limits off; units counted)');
    log();
    for (const line of await backupRestore('L-max')) log(line);
    log();
  }
  targets();
  if (process.env.BENCH_WRITE !== '0' && !only) {
    writeFileSync(join(ROOT, 'docs', 'performance.md'), `${PERFORMANCE_INTRO}\n${out.join('\n').replace(/^# /, '## ').replace(/\n## /g, '\n### ')}\n`);
    console.log('\nWrote docs/performance.md');
  }
}

/** The part of docs/performance.md that explains the targets and the method; the numbers follow it. */
const PERFORMANCE_INTRO = `# Performance

Measured by \`npm run bench\` (bench/run.ts), which rewrites this file with the numbers of its latest
run, on the machine named below. The targets come from the project's quality bar; the last table of the
run checks each one.

| target | how it is measured |
|---|---|
| every response < 5 MB, request < 500 KB, record < 240 KiB, at S, M, L and L-max | the local host refuses what Forge refuses (dev/invoke-limits.ts, dev/kvs); record bounds with every text at its maximum: test/storage/record-bounds.test.ts |
| view response ≤ 100 KB at M, ≤ 1 MB at L | the JSON of each macro's getView response, through the real handler |
| warm view ≤ 1 read unit; cold page of four macros at L ≤ 100 units | Forge's 10 KB request units (per request, rounded up), counted by the strict local KVS through the real @forge/kvs; cold = each macro's first read after the read cache is emptied, as in a fresh process, summed over the four |
| resolver CPU for a view model at L < 50 ms | \`buildView\` timed 30 times per macro |
| initial JavaScript per view ≤ 100 KB gzip | the Vite manifest: entry, its static imports and the view's chunk |
| iframe load → ready at M within 2× a static table (alone), 4× (four macros on the page) | headless Chromium, the rollout-status macro alone on a page and on the page with all four, and a static HTML table of the same data in a sandboxed iframe, alternately, in one run |

Datasets (bench/datasets.ts) fill every cell with a status, a note, a link, planned months and a contact:
S = 10 initiatives × 21 regions, M = 50 × 21, L = 50 × 290 participants, L-max = L with every text field
at its maximum length. Plans and updated days are random, which compresses worse than real data. Set
BENCH_RUNS for the number of browser runs (default 10), BENCH_WRITE=0 to leave this file alone, and
BENCH_ONLY=kvs, bundle, ready or backup to run one section (the file is then not written).

**Since the last full run (2026-12-02, second session; sections 1–3 re-run with BENCH_ONLY on commit
0e2a918 while the CI suite ran on the same 2-CPU machine, so their times are inflated; sizes, units and
bundles do not depend on load).**
- View responses: every column of the compact wire form is now one base-64 string instead of an array
  of indexes (decision 0017). Technical-needs at M 114.3 → 90.5 KB (target ≤ 100 KB: **met**),
  rollout-status at M 75 → 56.7 KB, roadmap at M 42 → 38.1 KB (it now also carries each region's
  contact and open needs for the window form's preview); at L technical-needs 752 → 485.5 KB, at L-max
  1,541 → 1,274.7 KB. A unit test keeps every packed view at M under 100 KB (test/shared/view-wire.test.ts).
  Cold page of four macros at L: 93 read units (met); warm view 1 unit (met).
- buildView at L, worst macro median: 64.9 ms (rollout-status; technical-needs 56.0 ms) under CI load,
  over the 50 ms target; not re-measured on a quiet machine.
- Initial JavaScript (gzip): rollout-status 104.4 KB, support-plan 103.5 KB, technical-needs 105.8 KB,
  roadmap 99.8 KB; entry 88.4 KB. **Not met**, and worse than before for support-plan and
  technical-needs: the session added history redaction, translated validation texts (the shell's error
  message lists each issue, src/shared/issue-texts.ts, 3 KB raw) and milestone, connection-process and
  warning-preview editing. The cell popover and filter panel of rollout-status and the unreadable-record
  notice now load after the first screen (−2.4 KB for rollout-status). Next: the issue texts and the
  technical-needs view's in-place editing texts (editor-messages.ts, 5.5 KB raw) out of the first download.

**Regressions measured in the last full run (left open; see the closing note of the session).** The work that
added the to-do list, the warnings that look ahead, the region chooser and the editors of all four
macros costs, against the previous run:
- technical-needs view at M: 114.3 KB (was 83.6 KB), over the 100 KB target. The view now sends each
  participant's status, planned pilot and consistency warnings (\`plans\`) so the to-do list and the
  warnings can be drawn for any chosen region without another call; rollout-status grew 67 → 75 KB and
  roadmap 33 → 42 KB from the new warnings. Sending the warnings' need titles only where needed, and a
  per-view choice of warnings, are the next steps.
- buildView at L, technical-needs: 68.6 ms (was 25 ms), over 50 ms: \`plans\` computes the warnings for
  every participant a second time. This run was measured while the full CI suite ran on the same
  2-CPU machine, which inflates every time in sections 1, 2 and 4.
- initial JavaScript: rollout-status 104.2 KB and technical-needs 101.8 KB gzip, over 100 KB: the shell
  now carries the region chooser, the view refresher and the page events (entry 85.5 KB, was ~82 KB),
  and the editable views load the shared cell button and editor host up front. (The bench recorded
  this table as a failure because the script exits 1 over budget; the table below is the script's
  output for the same build, and the bench now keeps it.)

**Known gap: ready time at M, and why it cannot be met as stated.** The ready-time targets are not met
(the app is about 5–7× the static table alone and 9–18× with four macros on this 2-CPU machine; the
static table's own time varies from run to run). Section 4 also measures a **floor**: bench/floor, a page
with no framework, no styles and no interactivity that loads through the same bridge as the app, asks
for its context and its data at once and writes the same table with innerHTML. Already that floor is
above both targets (about 2.2–3.3× alone and 5× with four), because a Custom UI macro cannot have its
data in its HTML: Forge serves the resource as static files, so every macro needs its iframe, a script,
a bridge round trip for its context and an invoke for its data before it draws anything, and on a real
site the invoke crosses the network, which this local host does not. The static table is the wrong yard
stick for a Custom UI; the app/floor ratio (about 2.2–2.3× alone, 3.5× with four) is what the app's own
code adds: React and the shell (a 74 KB gzip entry, ~85 ms to evaluate), its theme, its view's chunk
(loaded once the context names the macro), and laying out a matrix of real buttons rather than text.
A probe of one load (CPU trace of the iframe): module evaluation ~85 ms, React's first two renders
~200 ms, layout and paint of the first 16 rows ~170 ms, the rest waiting on round trips.
`;

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
