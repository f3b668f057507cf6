/**
 * `npm start` loads the demo programme only into an empty store (issue 12, finding 1). A data file that holds
 * edited initiatives whose programme record went missing (deleted by hand, a partial restore) is left as it
 * is, with a message, instead of being overwritten by the demo.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../dev/server';
import { DEMO_PROGRAMME_ID } from '../../dev/demo-data';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-seed-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const storedText = (file: string) => readFileSync(file, 'utf8');

describe('demo seeding', () => {
  it('loads the demo into an empty store', async () => {
    const file = join(dir, 'kvs.json');
    const server = await startServer({ port: 0, kvsFile: file });
    await server.close();
    expect(storedText(file)).toContain(DEMO_PROGRAMME_ID);
  }, 30_000);

  it('never overwrites: a store without the programme record but with edits keeps them, and says why', async () => {
    const file = join(dir, 'kvs.json');
    // First start: the demo. Then "someone" edits, and the programme record disappears from the file.
    let server = await startServer({ port: 0, kvsFile: file });
    await server.close();
    const snapshot = JSON.parse(storedText(file)) as { spaces: Record<string, Record<string, unknown>> };
    const programmes = Object.keys(snapshot.spaces).find((ns) => ns.includes('programme'))!;
    delete snapshot.spaces[programmes];
    const marker = 'REDIGERAT-AV-EN-MÄNNISKA';
    const initiatives = Object.keys(snapshot.spaces).find((ns) => ns.includes('initiative'))!;
    const [firstKey] = Object.keys(snapshot.spaces[initiatives]!);
    (snapshot.spaces[initiatives]![firstKey!] as Record<string, unknown>).marker = marker;
    writeFileSync(file, JSON.stringify(snapshot));

    const warnings: string[] = [];
    const warn = jest.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(String(message)));
    try {
      server = await startServer({ port: 0, kvsFile: file });
      await server.close();
    } finally {
      warn.mockRestore();
    }
    const after = JSON.parse(storedText(file)) as typeof snapshot;
    // The edit is kept, and no programme record was written back over the store.
    expect(JSON.stringify(after.spaces[initiatives]).includes(marker)).toBe(true);
    expect(after.spaces[programmes]).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/not loaded/);
  }, 30_000);
});
