/**
 * The initial JavaScript each macro downloads, gzipped: the entry, everything it imports statically,
 * and the macro's own view chunk with its static imports. Budget: 100 KB per view (quality.md).
 * Run after `npm run build`: `npx tsx static/app/scripts/bundle-size.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const BUDGET_KB = 100;
const buildDir = join(import.meta.dirname, '..', 'build');
const manifest = JSON.parse(readFileSync(join(buildDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
}

const gzipKb = (file: string) => gzipSync(readFileSync(join(buildDir, file))).length / 1024;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('No entry in the Vite manifest');
const entryFiles = closure(entryKey);

const targets = Object.keys(manifest).filter((k) => /(^|\/)src\/(views\/[^/]+\/index\.tsx|config\/index\.tsx)$/.test(k));
let over = false;
for (const key of targets.sort()) {
  const files = new Set([...entryFiles, ...closure(key)]);
  const kb = [...files].reduce((sum, k) => sum + gzipKb(manifest[k].file), 0);
  const name = key.replace(/^.*src\//, '').replace(/\/index\.tsx$/, '');
  if (kb > BUDGET_KB) over = true;
  console.log(`${name.padEnd(28)} ${kb.toFixed(1).padStart(6)} KB gzip${kb > BUDGET_KB ? '  OVER BUDGET' : ''}`);
}
console.log(`${'shell only (entry)'.padEnd(28)} ${[...entryFiles].reduce((s, k) => s + gzipKb(manifest[k].file), 0).toFixed(1).padStart(6)} KB gzip`);
if (over) process.exitCode = 1;
