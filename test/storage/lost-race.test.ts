/**
 * Forge does not document how a transaction whose condition fails is answered. The app must recognise a
 * lost race whatever the status (issue 12, finding 7): concurrent edits of different cells all land, and an
 * ordinary refusal is not mistaken for a race.
 */
import path from 'node:path';
import { APP_SCOPES } from '../../dev/app-manifest';
import { createConfluenceStub } from '../../dev/confluence-stub';
import { installForgeRuntime } from '../../dev/forge-runtime';
import { LocalKvs, loadEntityDefinitions } from '../../dev/kvs';
import type { Initiative } from '../../src/shared/model';
import { getInitiative, resetReadCache, seedProgramme, updateInitiativeWith } from '../../src/storage';
import { initiative } from '../domain/fixtures';
import { historyAt, regionalProgramme, withoutDetails } from './storage-fixtures';

const MANIFEST = path.join(__dirname, '../../manifest.yml');

function setCell(code: string, n: number) {
  return (current: Initiative) => ({
    next: { ...current, cells: { ...current.cells, [code]: { ...(current.cells[code] ?? { status: 'not-started', pilotStart: null, pilotEnd: null, broadStart: null, broadEnd: null, contactEstablished: false, contactSince: null, updatedAt: null, hasDetails: false }), status: 'pilot' as const } } },
    history: [historyAt('prog-s', n, { id: `h-${code}`, initiativeId: current.id, regionCode: code })],
  });
}

describe.each([
  ['409, as the local host answers by default', undefined],
  ['400 with another code', { status: 400, code: 'TRANSACTION_CANCELLED' }],
])('a failed condition answered %s', (_what, conditionFailure) => {
  beforeEach(async () => {
    const kvs = new LocalKvs({ entities: loadEntityDefinitions(MANIFEST), conditionFailure, rateLimits: false });
    installForgeRuntime({ kvs, confluence: createConfluenceStub(), scopes: APP_SCOPES });
    resetReadCache();
    await seedProgramme(regionalProgramme(), [withoutDetails(initiative({ id: 'init-1', programmeId: 'prog-s' }))]);
  });

  it('twenty editors of twenty different cells at once: every edit lands', async () => {
    const codes = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24'];
    await Promise.all(codes.map((code, n) => updateInitiativeWith('init-1', setCell(code, n))));
    const stored = await getInitiative('init-1');
    expect(codes.map((code) => stored?.cells[code]?.status)).toEqual(codes.map(() => 'pilot'));
    expect(stored?.version).toBe(3 + codes.length);
  });

  it('a refusal that is not a race (a bad key) is not retried as one', async () => {
    const broken = (current: Initiative) => ({ next: { ...current, name: 'x' }, history: [historyAt('prog-s', 1, { id: 'bad/key' })] });
    await expect(updateInitiativeWith('init-1', broken)).rejects.toThrow();
    expect((await getInitiative('init-1'))?.version).toBe(3);
  });
});
