/**
 * The cell forms' preview against the real thing: the domain builds the status view before and after the
 * change, and the form previews what the change adds to the cell's warnings there.
 */
import type { CellView, RolloutStatusView } from '../../../src/shared/contract';
import type { Initiative, RegionCell } from '../../../src/shared/model';
import { buildView } from '../../../src/domain/build-view';
import { createdWarnings, previewTime } from '../../../static/app/src/editing/warning-preview';
import { bulkStatusWarnings, cellFormWarnings, type PlanFormState } from '../../../static/app/src/views/rollout-status/cell-preview';
import { describeWarning } from '../../../static/app/src/i18n/warning-messages';
import { cell, config, initiative, need, NOW, programme } from '../../domain/fixtures';

const prog = programme({
  participants: [
    { code: '12', name: 'Region Skåne', short: 'Skåne' },
    { code: '01', name: 'Region Stockholm', short: 'Stockholm' },
  ],
});
const done = { progress: 'done' as const, updatedAt: null, hasNote: false };
const base = initiative({
  nationalPilotStart: '2026-12',
  nationalBroadStart: '2027-06',
  milestones: [{ id: 'm1', phase: 'planering', title: 'Avtal', done: false, order: 0 } as never],
  cells: {
    '12': cell({ status: 'planning', pilotStart: '2027-01', contactEstablished: true }),
    '01': cell({ status: 'planning', pilotStart: '2027-08', contactEstablished: true }),
  },
  needs: [need({ id: 'hsa', title: 'HSA', progress: { '01': done } }), need({ id: 'siths', title: 'SITHS', progress: { '01': done } })],
});

const row = (i: Initiative) => (buildView({ macro: 'rollout-status', programme: prog, initiatives: [i], config: config(), now: NOW, audience: 'signed-in' }) as RolloutStatusView).rows[0]!;
const cellOf = (i: Initiative, code: string): CellView => row(i).cells.find((c) => c.regionCode === code)!;
const changed = (code: string, patch: Partial<RegionCell>): Initiative => ({ ...base, cells: { ...base.cells, [code]: { ...base.cells[code]!, ...patch } } });
const domainAdds = (code: string, patch: Partial<RegionCell>) => createdWarnings(cellOf(base, code).warnings, cellOf(changed(code, patch), code).warnings);
const formOf = (c: CellView, patch: Partial<PlanFormState> = {}): PlanFormState => ({
  status: c.status,
  pilotStart: c.pilotStart ?? '',
  pilotEnd: c.pilotEnd ?? '',
  broadStart: c.broadStart ?? '',
  broadEnd: c.broadEnd ?? '',
  contactEstablished: c.contactEstablished,
  ...patch,
});

describe('the cell form’s warning preview', () => {
  const time = previewTime(NOW);
  const skane = cellOf(base, '12');
  const initiativeHeader = row(base).initiative;

  it('warns, when the status is set to pilot, that 2 required needs are open', () => {
    const preview = cellFormWarnings(initiativeHeader, skane, formOf(skane, { status: 'pilot' }), time);
    expect(preview).toEqual(domainAdds('12', { status: 'pilot' }));
    expect(preview.map((w) => describeWarning(w, 'sv'))).toEqual(['2 obligatoriska tekniska behov är inte klara (HSA, SITHS).']);
  });

  it('previews what the domain adds for plan and contact changes too', () => {
    const cases: Array<[string, Partial<RegionCell>]> = [
      ['12', { status: 'rollout', contactEstablished: false }],
      ['12', { pilotStart: '2026-11' }],
      ['12', { pilotStart: '2026-09' }],
      ['12', { pilotEnd: '2026-12' }],
      ['12', { broadStart: '2026-12', pilotEnd: '2027-03' }],
      ['12', { contactEstablished: false }],
      ['12', { status: 'live' }],
      ['12', { status: 'declined' }],
      // Stockholm's needs are done: moving its pilot near warns about contact only when contact is missing.
      ['01', { pilotStart: '2027-01' }],
      ['01', { pilotStart: '2027-01', contactEstablished: false }],
    ];
    let warned = 0;
    for (const [code, patch] of cases) {
      const c = cellOf(base, code);
      const form = formOf(c, patch as Partial<PlanFormState>);
      const preview = cellFormWarnings(initiativeHeader, c, form, time);
      const truth = domainAdds(code, patch);
      // Stockholm's view has no warning naming its planning milestones, so that one cannot be previewed;
      // every other warning the domain adds is.
      expect(preview).toEqual(code === '01' ? truth.filter((w) => w.code !== 'pilot-soon-planning-open') : truth);
      if (preview.length > 0) warned += 1;
    }
    expect(warned).toBeGreaterThanOrEqual(8);
  });

  it('leaves the needs’ names out when the view has no warning that names them', () => {
    // Skåne's pilot far ahead: no need warning yet, so the view knows only how many needs are open.
    const later = { ...base, cells: { ...base.cells, '12': { ...base.cells['12']!, pilotStart: '2027-08' } } };
    const c = cellOf(later, '12');
    expect(c.warnings).toEqual([]);
    const preview = cellFormWarnings(initiativeHeader, c, formOf(c, { status: 'pilot' }), time);
    expect(preview).toEqual([{ code: 'required-need-open', params: { count: 2, needs: '' } }]);
    expect(describeWarning(preview[0]!, 'sv')).toBe('2 obligatoriska tekniska behov är inte klara.');
    // The same sentence as the domain's, but for the names in brackets.
    const truth = createdWarnings(c.warnings, cellOf({ ...later, cells: { ...later.cells, '12': { ...later.cells['12']!, status: 'pilot' } } }, '12').warnings);
    expect(truth.map((w) => ({ ...w, params: { ...w.params, needs: '' } }))).toEqual(preview);
    // And a pilot moved near without open-need names gives a sentence without empty brackets.
    const near = cellFormWarnings(initiativeHeader, c, formOf(c, { pilotStart: '2027-01' }), time).find((w) => w.code === 'pilot-soon-needs-open')!;
    expect(describeWarning(near, 'sv')).toBe('Piloten börjar januari 2027, men 2 obligatoriska tekniska behov är inte klara. Följ upp dem i översikten Tekniska behov.');
  });

  it('says nothing for an untouched form or a month still being typed', () => {
    expect(cellFormWarnings(initiativeHeader, skane, formOf(skane), time)).toEqual([]);
    expect(cellFormWarnings(initiativeHeader, skane, formOf(skane, { pilotStart: '2026-1' }), time)).toEqual([]);
  });

  it('lists, for a bulk status change, the cells that would get a warning', () => {
    const cells = row(base).cells;
    const preview = bulkStatusWarnings(initiativeHeader, cells, 'pilot', time);
    expect(preview).toEqual([{ regionCode: '12', warnings: domainAdds('12', { status: 'pilot' }) }]);
    expect(bulkStatusWarnings(initiativeHeader, cells, 'planning', time)).toEqual([]);
  });
});
