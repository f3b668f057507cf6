/**
 * What a reader or editor notices when the installation is over Forge's KVS rate limit: a refused request
 * is retried briefly inside the invocation, then the call answers RATE_LIMITED (which the UI explains),
 * and an edit that could not be saved wrote nothing.
 */
import { createHarness, dataOf, type Harness } from '../helpers/forge-harness';
import { createInfProgramme, type InfProgramme } from './resolver-fixtures';

let h: Harness;
let inf: InfProgramme;
beforeEach(async () => {
  h = createHarness();
  inf = await createInfProgramme(h, { initiatives: 1 });
});

const edit = () =>
  h.invoke('demo-editor', 'updateCell', {
    initiativeId: inf.initiativeIds[0],
    regionCode: '01',
    patch: { status: 'pilot', note: 'Start i mars' },
    expected: { status: 'not-started', note: '' },
  });

describe('KVS rate limit (429)', () => {
  it('a short burst is retried inside the invocation and the view still answers', async () => {
    h.kvs.rateLimitNext(2);
    const view = await h.invoke('anonymous', 'getView', {});
    expect(view.ok).toBe(true);
    expect(h.kvs.pendingInjectedRateLimits()).toBe(0);
  });

  it('a lasting refusal answers RATE_LIMITED, not INTERNAL', async () => {
    h.kvs.rateLimitNext(50);
    const view = await h.invoke('anonymous', 'getView', {});
    expect(view.ok).toBe(false);
    if (!view.ok) expect(view.error.code).toBe('RATE_LIMITED');
    h.kvs.clearInjectedRateLimits();
  }, 20_000);

  it('an edit refused at its transaction writes nothing and can be saved again', async () => {
    const before = h.writeUnits();
    h.kvs.rateLimitNext(50, { path: '/api/v1/transaction' });
    const refused = await edit();
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('RATE_LIMITED');
    expect(h.writeUnits()).toBe(before);
    h.kvs.clearInjectedRateLimits();

    const saved = dataOf(await edit());
    expect(saved.cell.status).toBe('pilot');
    const details = dataOf(await h.invoke('demo-editor', 'getDetails', { initiativeId: inf.initiativeIds[0], regionCode: '01' }));
    expect(details.entries[0].cell.note).toBe('Start i mars');
  }, 20_000);
});
