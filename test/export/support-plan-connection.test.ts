/**
 * The connection process (decision 0026) in the support plan's export: a row per started participant, or at
 * L a summary and the overdue participants by name; valid ADF and bounded either way.
 */
import { buildDataset } from '../../bench/datasets';
import { buildView, summariseProgramme } from '../../src/domain/build-view';
import type { SupportPlanView } from '../../src/shared/contract';
import { splitDetails, type Initiative } from '../../src/shared/model';
import { supportPlanToAdf } from '../../src/export/support-plan-adf';
import { NOW, config, initiative, programme } from '../domain/fixtures';
import { adfErrors, allNodes, allText } from './adf-schema';

const TODAY = '2026-11-22';
const texts = (d: unknown) => allText(d as never).join('');

function viewOf(prog: ReturnType<typeof programme>, inits: Initiative[]): SupportPlanView {
  return buildView({ macro: 'support-plan', programme: prog, initiatives: inits, config: config(), now: NOW, audience: 'public' }) as SupportPlanView;
}

describe('support-plan export: the connection process', () => {
  const prog = programme();

  it('writes nothing about it when no participant has started', () => {
    const view = viewOf(prog, [initiative()]);
    expect(texts(supportPlanToAdf(view, summariseProgramme(prog, [initiative()]), 'sv', {}, TODAY))).not.toContain('Anslutningsprocessen');
  });

  it('gives start, steps done of total, the next step and its planned day, overdue when passed', () => {
    // Stockholm: steps 1–3 done, started 2026-10-01: step 4 is planned at week 3 (2026-10-22), passed on TODAY.
    // Uppsala: started today, nothing done: step 1 planned today, not overdue.
    const init = initiative({ connection: { '01': { start: '2026-10-01', done: 0b111 }, '03': { start: TODAY, done: 0 } } });
    const view = viewOf(prog, [init]);
    for (const locale of ['sv', 'en'] as const) {
      const d = supportPlanToAdf(view, summariseProgramme(prog, [init]), locale, {}, TODAY);
      expect(adfErrors(d)).toEqual([]);
      const table = allNodes(d as never).filter((n) => n.type === 'table').at(-1)!;
      const rows = (table.content as unknown[]).map((r) => allText(r as never));
      if (locale === 'sv') {
        expect(texts(d)).toContain('Anslutningsprocessen: har startat för 2 av 3, klar för 0.');
        expect(rows).toEqual([
          ['Deltagare', 'Start', 'Steg klara', 'Nästa steg', 'Planerat'],
          ['Region Stockholm', '2026-10-01', 'steg 3 av 12', '4. Avtalsarbetet startar; ledtider flaggas', '2026-10-22 (försenat)'],
          ['Region Uppsala', TODAY, 'steg 0 av 12', '1. Första kontakt', TODAY],
        ]);
      } else {
        expect(rows[1]).toEqual(['Region Stockholm', '2026-10-01', 'step 3 of 12', '4. Agreement work starts; lead-time items are flagged', '2026-10-22 (overdue)']);
      }
    }
  });

  it('says when every step is done', () => {
    const init = initiative({ connection: { '04': { start: '2026-01-05', done: 0xfff } } });
    const d = supportPlanToAdf(viewOf(prog, [init]), summariseProgramme(prog, [init]), 'sv', {}, TODAY);
    expect(texts(d)).toContain('klar för 1');
    expect(texts(d)).toContain('Alla steg klara');
    expect(texts(d)).not.toContain('försenat');
  });

  it('stays bounded at L: a summary and the overdue participants by name, no row per participant', () => {
    const { programme: p, initiatives } = buildDataset('L', 'INF', NOW);
    const lean = initiatives.map((i) => splitDetails(i).initiative);
    const codes = p.participants.map((x) => x.code);
    const without = supportPlanToAdf(viewOf(p, lean), summariseProgramme(p, lean), 'sv', {}, TODAY);
    // Every participant of every initiative started; every other one is behind (nothing done, started long ago).
    const started = lean.map((i) => ({
      ...i,
      connection: Object.fromEntries(codes.map((c, n) => [c, n % 2 === 0 ? { start: '2026-01-05', done: 0 } : { start: TODAY, done: 0b1 }])),
    }));
    const d = supportPlanToAdf(viewOf(p, started), summariseProgramme(p, started), 'sv', {}, TODAY);
    expect(adfErrors(d)).toEqual([]);
    const growth = Buffer.byteLength(JSON.stringify(d)) - Buffer.byteLength(JSON.stringify(without));
    // About the overdue names (145 short names) per initiative: far from a 290-row table per initiative.
    expect(growth / lean.length).toBeLessThan(4 * 1024);
    expect(allNodes(d as never).filter((n) => n.type === 'table')).toHaveLength(allNodes(without as never).filter((n) => n.type === 'table').length);
    const all = texts(d);
    expect(all).toContain(`har startat för ${codes.length} av ${codes.length}, klar för 0`);
    expect(all).toContain('Nästa anslutningssteg försenat');
  });
});
