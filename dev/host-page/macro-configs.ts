/**
 * The macro configs saved "in the pages", as Confluence keeps them in the page's ADF. Kept beside the
 * KVS file (never in the app's own storage, which Confluence data does not live in), written atomically,
 * or only in memory for tests.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEMO_PROGRAMME_ID } from '../demo-data';
import { pageById } from '../demo-users';

export type MacroConfig = Record<string, unknown>;
type Stored = Record<string, Record<string, MacroConfig>>;

/** Confluence's limit on a macro's parameters is generous; this keeps a runaway config visible. */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** Page 2001 in the OTHER space was "written" with the INF programme chosen in its config. */
const INITIAL: Stored = { '2001': { 'a2001-rollout-status': { programmeId: DEMO_PROGRAMME_ID } } };

export class MacroConfigStore {
  private data: Stored;

  constructor(private readonly file?: string) {
    this.data = structuredClone(INITIAL);
    if (file && existsSync(file)) {
      try {
        this.data = JSON.parse(readFileSync(file, 'utf8')) as Stored;
      } catch (e) {
        throw new Error(`Macro config file ${file} is not valid JSON (${(e as Error).message}); fix or delete it`);
      }
    }
  }

  get(pageId: string, localId: string): MacroConfig | undefined {
    const config = this.data[pageId]?.[localId];
    return config ? structuredClone(config) : undefined;
  }

  set(pageId: string, localId: string, config: MacroConfig): void {
    const page = pageById(pageId);
    if (!page || !page.macros.some((m) => m.localId === localId)) throw new Error(`No macro ${localId} on page ${pageId}`);
    (this.data[pageId] ??= {})[localId] = structuredClone(config);
    this.persist();
  }

  private persist(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
  }
}
