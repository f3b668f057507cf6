import { buildView, summariseProgramme } from '../../src/domain/build-view';
import { technicalNeedsToAdf } from '../../src/export/technical-needs-adf';
import type { TechnicalNeedsView } from '../../src/shared/contract';
import { DEFAULT_CELL_DETAILS } from '../../src/shared/model';
import { parseMacroConfig } from '../../src/shared/schemas';
import { NOW, cell, initiative, need, programme } from '../domain/fixtures';
import { adfErrors, allText } from './adf-schema';

const prog = programme();
const initiatives = [
  initiative({ id: 'a', name: 'Inkorg', order: 1, nationalPilotStart: '2027-06', needs: [need({ id: 'n1', title: 'SITHS', required: true })] }),
  initiative({
    id: 'b',
    name: 'Video',
    order: 2,
    cells: { '03': cell({ pilotStart: '2027-02' }) },
    needs: [need({ id: 'n2', title: 'HSA', required: true, progress: { '03': { progress: 'in-progress', hasNote: true, updatedAt: null } } })],
  }),
];

function regionView(code: string): TechnicalNeedsView {
  const view = buildView({ macro: 'technical-needs', programme: prog, initiatives, config: parseMacroConfig({ perspective: 'region', regionCode: code }), now: NOW, audience: 'public' });
  if (view.macro !== 'technical-needs') throw new Error('expected technical-needs');
  return view;
}

describe('technical-needs export in the region perspective', () => {
  it("is the participant's to-do list, soonest pilot first, with notes from the details", () => {
    const view = regionView('03');
    const details = (initiativeId: string, code: string) =>
      initiativeId === 'b' && code === '03' ? { cell: { ...DEFAULT_CELL_DETAILS }, needNotes: { n2: 'Beställt hos leverantören' } } : undefined;
    const adf = technicalNeedsToAdf(view, summariseProgramme(prog, initiatives), 'sv', { perspective: 'region', details });
    expect(adfErrors(adf)).toEqual([]);
    const words = allText(adf);
    expect(words).toContain('Att göra för Region Uppsala');
    expect(words).toContain('0 av 2 obligatoriska klara');
    // HSA is needed by the region's own pilot (2027-02), before SITHS (national window 2027-06).
    expect(words.indexOf('HSA')).toBeLessThan(words.indexOf('SITHS'));
    expect(words).toContain('2027-02 (egen pilot)');
    expect(words).toContain('2027-06 (nationellt pilotfönster)');
    expect(words).toContain('Beställt hos leverantören');
  });

  it('keeps the per-initiative tables for the whole programme', () => {
    const view = buildView({ macro: 'technical-needs', programme: prog, initiatives, config: parseMacroConfig({}), now: NOW, audience: 'public' }) as TechnicalNeedsView;
    const adf = technicalNeedsToAdf(view, summariseProgramme(prog, initiatives), 'en', { perspective: 'programme' });
    expect(adfErrors(adf)).toEqual([]);
    expect(allText(adf).some((w) => w.startsWith('To do for'))).toBe(false);
  });
});
