/**
 * Run by test/dev/invoke-fresh-process.test.ts as `node --import tsx <this file>`: the invoke runner's
 * fresh-process mode outside Jest, where it edits require.cache (as under `npm start` and `npm run bench`).
 * Prints one JSON line with what a warm and a fresh runner saw.
 */
import path from 'node:path';
import { APP_SCOPES } from '../../../dev/app-manifest';
import { DEMO_USERS } from '../../../dev/demo-users';
import { installForgeRuntime } from '../../../dev/forge-runtime';
import { InvokeRunner } from '../../../dev/invoke-runner';
import { LocalKvs } from '../../../dev/kvs';

async function main(): Promise<void> {
  installForgeRuntime({ kvs: new LocalKvs({ entities: [] }), confluence: async () => ({ status: 404, body: null }), scopes: APP_SCOPES });
  const appRoot = path.join(__dirname, '..', 'fixtures', 'limits-app');
  const call = (runner: InvokeRunner, functionKey: string, payload: unknown = {}) =>
    runner.invokeFunction({ functionKey, payload, macroInstance: { pageId: '1001', localId: 'l', moduleKey: 'limits-macro' }, user: DEMO_USERS['demo-editor'] });
  const warm = new InvokeRunner({ appRoot });
  const fresh = new InvokeRunner({ appRoot, freshProcess: true });
  const result = {
    warm: [await call(warm, 'count'), await call(warm, 'count')],
    fresh: [await call(fresh, 'count'), await call(fresh, 'count')],
    storedInFresh: (await call(fresh, 'setKey', { key: 'k', value: 7 }), await call(fresh, 'getKey', { key: 'k' })),
    apiFetch: await call(fresh, 'apiFetch'),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
