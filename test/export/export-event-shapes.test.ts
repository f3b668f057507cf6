/**
 * The real adfExport functions, run by the local host's invoke runner with one event layout at a time
 * (issue 12, finding 7c): each test shows that the app reads the config and the space where that layout
 * puts them, and only there, instead of passing because the runner filled in every place at once.
 */
import { buildDemoProgramme, DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import { DEMO_USERS } from '../../dev/demo-users';
import { EXPORT_EVENT_SHAPES, InvokeRunner } from '../../dev/invoke-runner';
import { seedProgramme } from '../../src/storage';
import { programme } from '../domain/fixtures';
import { createHarness } from '../helpers/forge-harness';
import { allText } from './adf-schema';

const runner = new InvokeRunner();
const NOW = new Date();
const NOTHING_YET = 'Det finns ingen översikt att visa här ännu.';
const UNAVAILABLE = 'Översikten kan inte visas på den här sidan.';

beforeAll(async () => {
  createHarness();
  const demo = buildDemoProgramme(NOW);
  await seedProgramme(demo.programme, demo.initiatives);
  await seedProgramme(programme({ id: 'internal', spaceKey: 'INF', name: 'Internt program', published: false, createdAt: NOW.toISOString() }), []);
});

async function exportText(shape: (typeof EXPORT_EVENT_SHAPES)[number], pageId: string, config?: Record<string, unknown>): Promise<string> {
  const doc = await runner.exportMacro({
    macroInstance: { pageId, localId: `${pageId}-roadmap`, moduleKey: 'roadmap', config },
    user: DEMO_USERS.anonymous,
    shape,
  });
  return allText(doc).join('\n');
}

describe.each(EXPORT_EVENT_SHAPES)('an export event in the %s layout', (shape) => {
  it('the space is read from where the layout puts it: the page’s own programme is exported', async () => {
    const text = await exportText(shape, '1001');
    expect(text).toContain('Första linjens digitala vård');
    expect(text).not.toContain(NOTHING_YET);
  });

  it('the config is read from where the layout puts it: the configured programme is the one exported', async () => {
    expect(await exportText(shape, '2001', { programmeId: DEMO_PROGRAMME_ID })).toContain('Första linjens digitala vård');
    // Without the config, the page's own space (OTHER) has nothing: so the text above came from the config.
    expect(await exportText(shape, '2001')).toContain(NOTHING_YET);
  });

  it('the read rule holds: an unpublished programme of another space is not exported', async () => {
    const text = await exportText(shape, '2001', { programmeId: 'internal' });
    expect(text).toContain(UNAVAILABLE);
    expect(text).not.toContain('Internt program');
  });
});

it('a config that claims another space does not change where the page is', async () => {
  // The space comes from the platform's context only; the config's own fields are not trusted for it.
  const text = await exportText('documented', '2001', { programmeId: 'internal', space: { key: 'INF' }, spaceKey: 'INF' });
  expect(text).toContain(UNAVAILABLE);
});
