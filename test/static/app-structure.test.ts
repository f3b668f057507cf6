/**
 * Build-time rules of the Custom UI that no type checks: every macro has a view where the shell looks for
 * it, and nothing renders inline styles or raw HTML (Forge's CSP has no 'unsafe-inline').
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MACRO_KEYS } from '../../src/shared/vocabulary';

const appSrc = join(__dirname, '../../static/app/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

describe('static/app structure', () => {
  it.each(MACRO_KEYS)('has a lazily loaded view for the %s macro', (key) => {
    expect(existsSync(join(appSrc, 'views', key, 'index.tsx'))).toBe(true);
  });

  it('sets no inline style attribute anywhere (Forge CSP blocks them)', () => {
    const offenders = sourceFiles(appSrc).filter((f) => /\sstyle=\{|\sstyle="/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('has no inline script in index.html', () => {
    const html = readFileSync(join(appSrc, '..', 'index.html'), 'utf8');
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
  });

  it('imports @forge/bridge only through src/bridge.ts, which keeps the first download small', () => {
    const direct = sourceFiles(appSrc).filter((f) => !f.endsWith('bridge.ts') && /from '@forge\/bridge'/.test(readFileSync(f, 'utf8')));
    expect(direct).toEqual([]);
  });
});
