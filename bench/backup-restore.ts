/**
 * Backup → restore of a whole programme at L-max (50 initiatives × 290 participants, every text at its
 * maximum), through the real handler and the strict local KVS, as the space page drives it (decision 0029).
 * Measures what the jest round trip (test/resolvers/backup-restore.test.ts, M and L) cannot afford to run on
 * every CI: the number of calls, the largest request and response against Forge's limits, the KVS units
 * against the per-minute budget, and whether every overview comes back exactly as it was.
 * Run: `npx tsx bench/backup-restore.ts [size]` (default L-max); `npm run bench` includes it as section 5.
 * Rate limits are off while it runs (it would otherwise wait minutes for the budget, as the page does);
 * the units say how many minutes of budget a real site needs.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { DatasetSize } from './datasets';
import { checkBackupDocument } from '../src/shared/backup-format';
import { bytes, download, everything, restore, seedForBackup, sha256 } from '../test/helpers/backup-roundtrip';
import { createHarness } from '../test/helpers/forge-harness';

const REQUEST_LIMIT = 500 * 1024;
const RESPONSE_LIMIT = 5 * 1024 * 1024;
const UNITS_PER_MINUTE = 4000;

export async function backupRestore(size: DatasetSize = 'L-max'): Promise<string[]> {
  const lines: string[] = [];
  const source = createHarness();
  const programmeId = await seedForBackup(source, size);
  // Reading every detail at L-max is itself tens of thousands of units: the comparison runs outside the budget.
  const before = await source.kvs.withoutRateLimits(async () => ({ editor: await everything(source, 'demo-editor'), anonymous: await everything(source, 'anonymous') }));

  source.kvs.resetUnits();
  let started = performance.now();
  const { document, largestResponse, pages } = await source.kvs.withoutRateLimits(() => download(programmeId));
  const downloadMs = performance.now() - started;
  const downloadUnits = source.kvs.units();
  const fileBytes = bytes(document);
  const problems = (await checkBackupDocument(JSON.stringify(document), sha256)).problems;

  const target = createHarness();
  target.kvs.resetUnits();
  started = performance.now();
  const { largestRequest, calls } = await target.kvs.withoutRateLimits(() => restore(document));
  const restoreMs = performance.now() - started;
  const restoreUnits = target.kvs.units();
  const after = await target.kvs.withoutRateLimits(async () => ({ editor: await everything(target, 'demo-editor'), anonymous: await everything(target, 'anonymous') }));
  const same = isDeepStrictEqual(after, before);

  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const minutes = (units: number) => (units / UNITS_PER_MINUTE).toFixed(1);
  lines.push(`| step | calls | largest message | KVS read units | KVS write units | minutes of Forge's 4,000-unit budget | time here |`);
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  lines.push(`| download (${document.parts.length} parts, file ${mb(fileBytes)}) | ${pages} | response ${kb(largestResponse)} (limit 5 MB) | ${downloadUnits.readUnits} | ${downloadUnits.writeUnits} | ${minutes(downloadUnits.readUnits)} (reads) | ${(downloadMs / 1000).toFixed(1)} s |`);
  lines.push(`| restore (dry run + write + finish) | ${calls} | request ${kb(largestRequest)} (limit 500 KB) | ${restoreUnits.readUnits} | ${restoreUnits.writeUnits} | ${minutes(restoreUnits.writeUnits)} (writes) | ${(restoreMs / 1000).toFixed(1)} s |`);
  lines.push('');
  lines.push(
    `Dataset ${size}, ${document.counts.initiatives} initiatives, ${document.counts.history} history entries. ` +
      `The whole file checks clean in the browser's check: ${problems.length === 0 ? 'yes' : `no (${problems.length} problems)`}. ` +
      `Every overview (four macros × sv/en, as editor and as anonymous reader) and every detail page after the restore ${same ? 'equals' : '**differs from**'} the original. ` +
      `Within Forge's limits: ${largestResponse < RESPONSE_LIMIT && largestRequest < REQUEST_LIMIT ? 'yes' : '**no**'}.`,
  );
  if (!same || problems.length > 0 || largestResponse >= RESPONSE_LIMIT || largestRequest >= REQUEST_LIMIT) process.exitCode = 1;
  return lines;
}

if (require.main === module) {
  void backupRestore((process.argv[2] as DatasetSize | undefined) ?? 'L-max').then((lines) => console.log(lines.join('\n')));
}
