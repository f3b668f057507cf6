/**
 * The real adfExport functions against the real @forge/kvs SDK and the strict local KVS, with the demo
 * programme: what Confluence gets back when a page is exported to PDF.
 */
import { buildDemoProgramme, DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import { runInInvocation } from '../../dev/forge-runtime';
import { exportRoadmap, exportRolloutStatus, exportSupportPlan, exportTechnicalNeeds } from '../../src/export';
import { seedProgramme } from '../../src/storage';
import { createHarness, macroContext } from '../helpers/forge-harness';
import { programme } from '../domain/fixtures';
import { adfErrors, allText } from './adf-schema';

const NOW = new Date();
const HANDLERS = {
  'rollout-status': exportRolloutStatus,
  'technical-needs': exportTechnicalNeeds,
  'support-plan': exportSupportPlan,
  roadmap: exportRoadmap,
} as const;

/** The export event as the local host (dev/invoke-runner) builds it from Confluence's layout. */
function exportEvent(moduleKey: string, pageId: string, config?: Record<string, unknown>) {
  const context = macroContext('anonymous', { pageId, moduleKey, config });
  return { exportType: 'pdf', context, extensionPayload: { config } };
}

async function runExport(moduleKey: keyof typeof HANDLERS, pageId: string, config?: Record<string, unknown>): Promise<unknown> {
  return runInInvocation({ accountId: undefined }, () => HANDLERS[moduleKey](exportEvent(moduleKey, pageId, config)));
}

const text = (doc: unknown) => allText(doc).join('\n');

describe('adfExport through storage', () => {
  beforeEach(async () => {
    createHarness();
    const demo = buildDemoProgramme(NOW);
    await seedProgramme(demo.programme, demo.initiatives);
    await seedProgramme(programme({ id: 'internal', spaceKey: 'INF', name: 'Internt program', published: false, createdAt: NOW.toISOString() }), []);
  });

  it.each(Object.keys(HANDLERS) as Array<keyof typeof HANDLERS>)('%s: exports the demo programme as valid ADF', async (macro) => {
    const doc = await runExport(macro, '1001');
    expect(adfErrors(doc)).toEqual([]);
    expect(text(doc)).toContain('Första linjens digitala vård');
    expect(text(doc)).toContain('Exempeldata');
  });

  it('exports the published programme from a page in another space', async () => {
    expect(text(await runExport('roadmap', '2001', { programmeId: DEMO_PROGRAMME_ID }))).toContain('Första linjens digitala vård');
  });

  it('does not export an unpublished programme from another space', async () => {
    const doc = await runExport('rollout-status', '2001', { programmeId: 'internal' });
    expect(text(doc)).toContain('Översikten kan inte visas på den här sidan.');
    expect(JSON.stringify(doc)).not.toContain('Internt program');
  });

  it('says there is nothing yet on a page of a space without a programme', async () => {
    expect(text(await runExport('support-plan', '3001'))).toContain('Det finns ingen översikt att visa här ännu.');
  });
});
