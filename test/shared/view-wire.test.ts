import { ROLLOUT_STATUSES } from '../../src/shared/vocabulary';
import { buildDataset } from '../../bench/datasets';
import { buildView } from '../../src/domain/build-view';
import type { MacroView, RolloutStatusView, ViewResponse } from '../../src/shared/contract';
import { splitDetails } from '../../src/shared/model';
import { parseMacroConfig } from '../../src/shared/schemas';
import {
  CELL_VIEW_DEFAULTS,
  CONTACT_DEFAULTS,
  NEED_PROGRESS_DEFAULTS,
  ROADMAP_REGION_DEFAULTS,
  decodeColumn,
  encodeColumn,
  packResponse,
  packView,
  unpackResponse,
  unpackView,
  type WireRolloutStatusView,
} from '../../src/shared/view-wire';
import { MACRO_KEYS, type MacroKey } from '../../src/shared/vocabulary';
import { NOW, cell, daysAgo, initiative, need, programme } from '../domain/fixtures';

/** What the UI gets: packed by the resolver, through JSON, unpacked by the api layer. */
const overTheWire = (view: MacroView) => unpackView(JSON.parse(JSON.stringify(packView(view))));

const bench = buildDataset('M', 'INF', NOW);
/** What the views are built from: the initiative records, without the participants' details. */
const benchInitiatives = bench.initiatives.map((i) => splitDetails(i).initiative);
const benchView = (macro: MacroKey, audience: 'signed-in' | 'public' = 'signed-in') =>
  buildView({ macro, programme: bench.programme, initiatives: benchInitiatives, config: parseMacroConfig({}), now: NOW, audience });

// A sparse programme: mostly untouched cells, so most columns are all-default and left out of the wire.
const sparseProgramme = programme();
const sparseInitiatives = [
  initiative({
    id: 'a',
    order: 1,
    nationalPilotStart: '2026-03',
    nationalBroadStart: '2026-09',
    cells: { '03': cell({ status: 'pilot', pilotStart: '2026-01', updatedAt: daysAgo(200) }) },
    needs: [need({ id: 'n', progress: { '04': { progress: 'done', hasNote: false, updatedAt: daysAgo(2) } } })],
    milestones: [{ id: 'm', phase: 'planering', title: 'Plan', done: false, dueMonth: null, doneOn: null }],
  }),
  initiative({ id: 'b', order: 2, updatedAt: daysAgo(300) }),
];
const sparseView = (macro: MacroKey) =>
  buildView({ macro, programme: sparseProgramme, initiatives: sparseInitiatives, config: parseMacroConfig({}), now: NOW, audience: 'signed-in' });

/** The per-region items of a view, whichever macro it is. */
function regionItems(view: MacroView): object[] {
  switch (view.macro) {
    case 'rollout-status':
      return view.rows.flatMap((r) => r.cells);
    case 'technical-needs':
      return view.initiatives.flatMap((i) => i.needs.flatMap((n) => n.progress));
    case 'support-plan':
      return view.initiatives.flatMap((i) => i.contacts);
    case 'roadmap':
      return view.initiatives.flatMap((i) => i.regions);
  }
}
const DEFAULTS: Record<MacroKey, object> = {
  'rollout-status': CELL_VIEW_DEFAULTS,
  'technical-needs': NEED_PROGRESS_DEFAULTS,
  'support-plan': CONTACT_DEFAULTS,
  roadmap: ROADMAP_REGION_DEFAULTS,
};

describe('getView wire form', () => {
  it.each([...MACRO_KEYS])('%s: a fully filled programme arrives exactly as the domain built it', (macro) => {
    for (const audience of ['signed-in', 'public'] as const) {
      const view = benchView(macro, audience);
      expect(overTheWire(view)).toStrictEqual(view);
    }
  });

  it.each([...MACRO_KEYS])('%s: a mostly empty programme arrives exactly as the domain built it', (macro) => {
    const view = sparseView(macro);
    expect(regionItems(view).length).toBeGreaterThan(0);
    expect(overTheWire(view)).toStrictEqual(view);
  });

  it.each([...MACRO_KEYS])('%s: every per-region field has a documented default, so none is dropped on the wire', (macro) => {
    // A field the domain adds without a default would not be packed; this names it.
    for (const item of regionItems(benchView(macro))) {
      expect(Object.keys(item).sort()).toEqual(['regionCode', ...Object.keys(DEFAULTS[macro])].sort());
    }
  });

  it('restores every field of a cell whose values all differ from the defaults', () => {
    const view = benchView('rollout-status') as RolloutStatusView;
    const full = {
      ...view.rows[0]!.cells[0]!,
      stale: true,
      warnings: [{ code: 'active-without-contact' as const, params: {} }],
      openRequiredNeeds: 2,
    };
    for (const [key, fallback] of Object.entries(CELL_VIEW_DEFAULTS)) expect([key, full[key as keyof typeof full]]).not.toEqual([key, fallback]);
    const one: RolloutStatusView = { ...view, rows: [{ ...view.rows[0]!, cells: [full] }] };
    expect((overTheWire(one) as RolloutStatusView).rows[0]!.cells[0]).toStrictEqual(full);
  });

  it('leaves out region codes per cell, all-default columns and the derived stale list', () => {
    const wire = JSON.parse(JSON.stringify(packView(sparseView('rollout-status')))) as WireRolloutStatusView;
    expect(wire.regionCodes).toEqual(['01', '03', '04']);
    expect(JSON.stringify(wire.rows)).not.toContain('regionCode');
    expect(wire).not.toHaveProperty('stale');
    // Initiative b has no cells at all (untouched for long, so stale): only that column travels.
    // Three equal values: the value once in the view's table, and an index per region.
    const stale = decodeColumn(wire.rows[1]!.cells.stale!, 3);
    expect(stale).toHaveLength(3);
    expect(new Set(stale).size).toBe(1);
    expect(wire.values[stale[0]!]).toBe(true);
    expect(Object.keys(wire.rows[0]!.cells).sort()).toEqual(
      expect.arrayContaining(['status', 'pilotStart', 'updatedAt', 'stale', 'openRequiredNeeds']),
    );
    // No cell of the sparse programme has details: the flag's column stays home too.
    expect(wire.rows[0]!.cells).not.toHaveProperty('hasDetails');
  });

  it('sends a repeated value once per view: columns index one table of distinct values', () => {
    const view = benchView('rollout-status');
    const wire = packView(view) as WireRolloutStatusView;
    const statuses = wire.values.filter((v) => typeof v === 'string' && (ROLLOUT_STATUSES as readonly string[]).includes(v));
    // Six statuses over 50 initiatives × 21 regions: each is in the table once.
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(wire.rows.every((r) => decodeColumn(r.cells.status!, wire.regionCodes.length).every((i) => typeof wire.values[i] === 'string'))).toBe(true);
    // And it comes back as the very same view.
    expect(overTheWire(view)).toEqual(view);
  });

  it.each([...MACRO_KEYS])('%s: carries no details and no names of who changed a cell, only the has-details flags', (macro) => {
    const wire = JSON.stringify(packView(benchView(macro)));
    // Every bench cell has a note, a link and contacts, and every need entry a note.
    const full = bench.initiatives[0]!.cells[bench.programme.participants[0]!.code]!;
    for (const text of [full.note, full.link!, full.regionalContact, 'Beställt']) expect(wire).not.toContain(text);
    for (const item of regionItems(overTheWire(benchView(macro)))) {
      for (const field of ['note', 'link', 'regionalContact', 'nationalContact', 'updatedBy', 'updatedByName']) expect(item).not.toHaveProperty(field);
    }
    const flag = { 'rollout-status': 'hasDetails', 'technical-needs': 'hasNote', 'support-plan': 'hasDetails', roadmap: null }[macro];
    if (flag) expect(wire).toContain(`"${flag}"`);
  });

  it('rebuilds the stale list in the order the domain lists it', () => {
    const view = sparseView('rollout-status') as RolloutStatusView;
    expect(view.stale.length).toBeGreaterThan(1);
    expect((overTheWire(view) as RolloutStatusView).stale).toStrictEqual(view.stale);
  });

  it('unpacked default arrays are not shared between cells', () => {
    const cells = (overTheWire(sparseView('rollout-status')) as RolloutStatusView).rows[1]!.cells;
    cells[0]!.warnings.push({ code: 'active-without-contact', params: {} });
    expect(cells[1]!.warnings).toEqual([]);
    expect(CELL_VIEW_DEFAULTS.warnings).toEqual([]);
  });

  it('is markedly smaller than the view it carries', () => {
    for (const macro of MACRO_KEYS) {
      const view = benchView(macro);
      expect(JSON.stringify(packView(view)).length).toBeLessThan(JSON.stringify(view).length * 0.7);
    }
  });

  it('packs only getView; other responses and a missing programme travel as they are', () => {
    const none: ViewResponse = { state: 'no-programme', macro: 'roadmap', config: parseMacroConfig({}), revision: null };
    expect(packResponse('getView', none)).toStrictEqual(none);
    expect(unpackResponse('getView', none)).toStrictEqual(none);
    const caps = { accountType: 'licensed' as const, canEdit: true, canCreateProgramme: false, reason: null, canAdminister: false };
    expect(packResponse('getCapabilities', caps)).toBe(caps);
    expect(unpackResponse('getCapabilities', caps)).toBe(caps);
  });
});

describe('columns as strings', () => {
  it.each([
    [[0, 1, 63], '1'],
    [[64, 0], '2'],
    [[4095, 7], '2'],
    [[4096, 0, 262_143], '3'],
  ])('round-trips %j at width %s', (indexes, width) => {
    const column = encodeColumn(indexes);
    expect(column[0]).toBe(width);
    expect(column).toHaveLength(1 + Number(width) * indexes.length);
    // Nothing JSON would escape.
    expect(JSON.stringify(column)).toBe(`"${column}"`);
    expect(decodeColumn(column, indexes.length)).toEqual(indexes);
  });

  it('refuses a column of the wrong length, width or alphabet', () => {
    expect(() => decodeColumn('1AB', 3)).toThrow(/Malformed/);
    expect(() => decodeColumn('9AB', 2)).toThrow(/Malformed/);
    expect(() => decodeColumn('1A!', 2)).toThrow(/Malformed/);
  });

  it('keeps every packed view at M under the 100 KB response target of quality.md (technical-needs was 114 KB with arrays)', () => {
    for (const macro of MACRO_KEYS) {
      const bytes = Buffer.byteLength(JSON.stringify(packView(benchView(macro))), 'utf8');
      expect([macro, bytes < 100 * 1024]).toEqual([macro, true]);
    }
  });
});
