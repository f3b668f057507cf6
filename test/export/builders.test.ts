import { buildView, summariseProgramme } from '../../src/domain/build-view';
import type { DetailsLookup } from '../../src/export/document-parts';
import { viewToAdf } from '../../src/export/export-handler';
import { rolloutStatusToAdf } from '../../src/export/rollout-status-adf';
import { roadmapToAdf } from '../../src/export/roadmap-adf';
import { supportPlanToAdf } from '../../src/export/support-plan-adf';
import { technicalNeedsToAdf } from '../../src/export/technical-needs-adf';
import type { RoadmapView, RolloutStatusView, SupportPlanView, TechnicalNeedsView } from '../../src/shared/contract';
import type { ParticipantDetails } from '../../src/shared/model';
import { MACRO_KEYS, type MacroKey } from '../../src/shared/vocabulary';
import { NOW, cell, config, daysAgo, initiative, need, programme } from '../domain/fixtures';
import { adfErrors, allNodes, allText, linkHrefs } from './adf-schema';

const prog = programme({ isExample: true, stalenessDays: 365, updatedAt: '2026-06-30T22:30:00.000Z' });
const init = initiative({
  id: 'fldv',
  name: 'Digitalt vårdmöte',
  infoLink: 'https://www.inera.se/fldv',
  phase: 'genomforande',
  rolloutType: 'both',
  contact: 'Programkontoret',
  nationalPilotStart: '2026-03',
  nationalPilotEnd: '2026-08',
  nationalBroadStart: '2026-09',
  updatedAt: '2026-06-30T22:30:00.000Z',
  cells: {
    '01': cell({ status: 'live', contactEstablished: true, hasDetails: true, updatedAt: '2026-06-30T22:30:00.000Z' }),
    '03': cell({ status: 'pilot', contactEstablished: false, pilotStart: '2026-02', pilotEnd: '2026-06', updatedAt: daysAgo(400) }),
  },
  needs: [
    need({
      id: 'hsa',
      title: 'HSA-katalogen',
      required: true,
      link: 'https://www.inera.se/hsa',
      progress: { '01': { progress: 'in-progress', hasNote: true, updatedAt: '2026-06-30T22:30:00.000Z' } },
    }),
  ],
  milestones: [{ id: 'plan', phase: 'planering', title: 'Införandeplan framtagen', done: true, dueMonth: '2026-01', doneOn: '2026-01-15' }],
});

/** Stockholm's details, stored apart from what the view draws; the export gets them through ExportOptions.details. */
const STOCKHOLM: ParticipantDetails = {
  cell: { note: 'Infört i hela regionen', link: 'https://confluence.example/rollout/01', regionalContact: 'Införandeledare Stockholm', nationalContact: 'Inera kundansvarig' },
  needNotes: { hsa: 'Beställt i mars' },
};
const DETAILS: Record<string, ParticipantDetails> = { 'fldv:01': STOCKHOLM };
const details: DetailsLookup = (initiativeId, regionCode) => DETAILS[`${initiativeId}:${regionCode}`];

function adfFor(
  macro: MacroKey,
  locale: 'sv' | 'en' = 'sv',
  layout?: 'initiatives-as-rows' | 'regions-as-rows',
  initiatives = [init],
  p = prog,
  /** null: an export without details. */
  withDetails: DetailsLookup | null = details,
) {
  const view = buildView({ macro, programme: p, initiatives, config: config(), now: NOW, audience: 'public' });
  return viewToAdf(view, summariseProgramme(p, initiatives), locale, { timeZone: 'Europe/Stockholm', layout, details: withDetails ?? undefined });
}

const texts = (d: unknown) => allText(d).join('\n');

describe.each(MACRO_KEYS)('%s export', (macro) => {
  it('is a valid ADF document for Atlassian’s schema, in both languages and with no data', () => {
    expect(adfErrors(adfFor(macro, 'sv'))).toEqual([]);
    expect(adfErrors(adfFor(macro, 'en'))).toEqual([]);
    expect(adfErrors(adfFor(macro, 'sv', undefined, []))).toEqual([]);
  });

  it('starts with a heading naming the overview and the programme, then the last update in local time', () => {
    const d = adfFor(macro);
    expect(d.content[0].type).toBe('heading');
    expect(allText(d.content[0]).join('')).toContain(prog.name);
    // 22:30 UTC on 30 June is 00:30 on 1 July in Stockholm (summer time).
    expect(allText(d.content[1]).join('')).toBe('Senast uppdaterad: 2026-07-01 00:30');
  });

  it('marks example data, and only example data', () => {
    expect(texts(adfFor(macro))).toContain('Exempeldata');
    expect(texts(adfFor(macro, 'sv', undefined, [init], programme({ isExample: false })))).not.toContain('Exempeldata');
  });

  it('says so when there is nothing to show', () => {
    expect(texts(adfFor(macro, 'sv', undefined, []))).toContain('Det finns inga införanden att visa.');
    expect(texts(adfFor(macro, 'en', undefined, []))).toContain('There are no rollouts to show.');
  });

  it('links the initiative name to its information page', () => {
    expect(linkHrefs(adfFor(macro))).toContain('https://www.inera.se/fldv');
  });

  it('contains at least one table with header cells', () => {
    const nodes = allNodes(adfFor(macro) as never);
    expect(nodes.some((n) => n.type === 'table')).toBe(true);
    expect(nodes.some((n) => n.type === 'tableHeader')).toBe(true);
  });

  it('without details shows what the view draws only: no link, contact or note of a participant', () => {
    const bare = adfFor(macro, 'sv', undefined, [init], prog, null);
    expect(adfErrors(bare)).toEqual([]);
    expect(linkHrefs(bare)).not.toContain(STOCKHOLM.cell.link);
    const all = texts(bare);
    for (const text of [STOCKHOLM.cell.regionalContact, STOCKHOLM.cell.nationalContact, STOCKHOLM.needNotes.hsa!]) expect(all).not.toContain(text);
  });
});

describe('rollout-status export', () => {
  const view = () =>
    buildView({ macro: 'rollout-status', programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as RolloutStatusView;

  it('writes statuses in words, in the reader’s language', () => {
    const sv = texts(rolloutStatusToAdf(view(), summariseProgramme(prog, [init]), 'sv'));
    expect(sv).toContain('Infört');
    expect(sv).toContain('Pilot (tidigt införande)');
    expect(sv).toContain('Ej påbörjat');
    const en = texts(rolloutStatusToAdf(view(), summariseProgramme(prog, [init]), 'en'));
    expect(en).toContain('Live');
    expect(en).toContain('Not started');
  });

  it('has regions as columns by default and as rows when the macro is laid out that way', () => {
    type T = { type: string; content: Array<{ content: Array<{ content: unknown[] }> }> };
    const firstTable = (d: unknown) => allNodes(d as never).find((n) => n.type === 'table') as unknown as T;
    const byInitiative = firstTable(adfFor('rollout-status'));
    expect(allText(byInitiative.content[0])).toEqual(['Införande', 'Stockholm', 'Uppsala', 'Sörmland', 'Sammanfattning']);
    expect(allText(byInitiative.content[1]).at(-1)).toBe('Infört i 1 av 3');
    const byRegion = firstTable(adfFor('rollout-status', 'sv', 'regions-as-rows'));
    expect(allText(byRegion.content[0])).toEqual(['Region', 'Digitalt vårdmöte']);
    expect(byRegion.content).toHaveLength(5);
    expect(allText(byRegion.content[1])).toEqual(['Region Stockholm', 'Infört']);
    expect(allText(byRegion.content[2])).toEqual(['Region Uppsala', 'Pilot (tidigt införande)', ' *']);
    expect(allText(byRegion.content[4])).toEqual(['Sammanfattning', 'Infört i 1 av 3']);
  });

  it('exports the page’s list for the region and initiative perspectives, valid for Atlassian’s schema', () => {
    type T = { type: string; content: unknown[] };
    const listFor = (perspective: 'region' | 'initiative', extra: Record<string, string>) => {
      const view = buildView({ macro: 'rollout-status', programme: prog, initiatives: [init], config: config({ perspective, ...extra }), now: NOW, audience: 'public' });
      return viewToAdf(view, summariseProgramme(prog, [init]), 'sv', { timeZone: 'Europe/Stockholm', perspective, details });
    };
    const region = listFor('region', { regionCode: '03' });
    expect(adfErrors(region)).toEqual([]);
    const regionTable = allNodes(region).find((n) => n.type === 'table') as unknown as T;
    expect(texts(region)).toContain('Region Uppsala');
    expect(allText(regionTable.content[0] as never)).toEqual(['Införande', 'Status', 'Pilot (tidigt införande)', 'Breddinförande', 'Öppna obligatoriska behov', 'Kontakt etablerad']);
    expect(allText(regionTable.content[1] as never)).toEqual(['Digitalt vårdmöte', 'Pilot (tidigt införande)', ' *', '2026-02 – 2026-06', '1', 'Nej']);

    const one = listFor('initiative', { initiativeId: 'fldv' });
    expect(adfErrors(one)).toEqual([]);
    const oneTable = allNodes(one).find((n) => n.type === 'table') as unknown as T;
    expect(oneTable.content).toHaveLength(4);
    // Stockholm's regional contact is a detail: it comes from the details, next to "contact established".
    expect(allText(oneTable.content[1] as never)).toEqual(['Region Stockholm', 'Infört', '1', 'Ja (Införandeledare Stockholm)']);
    expect(linkHrefs(one)).toContain(STOCKHOLM.cell.link);
    expect(texts(one)).toContain('Digitalt vårdmöte: Infört i 1 av 3.');
  });

  it('links a cell’s status to the rollout detail, which comes from the details', () => {
    expect(linkHrefs(adfFor('rollout-status'))).toContain('https://confluence.example/rollout/01');
    expect(linkHrefs(adfFor('rollout-status', 'sv', 'regions-as-rows'))).toContain('https://confluence.example/rollout/01');
    expect(linkHrefs(adfFor('rollout-status', 'sv', undefined, [init], prog, null))).not.toContain('https://confluence.example/rollout/01');
  });

  it('marks stale cells and explains the mark with the programme’s threshold', () => {
    const all = texts(adfFor('rollout-status'));
    expect(all).toContain(' *');
    expect(all).toContain('* Behöver ses över: inte uppdaterad på mer än 365 dagar.');
  });

  it('lists the consistency warnings as sentences', () => {
    const all = texts(adfFor('rollout-status'));
    expect(all).toContain('Att uppmärksamma');
    expect(all).toContain('Digitalt vårdmöte – Region Uppsala: Planerad pilotstart (2026-02) är före det nationella pilotfönstret (2026-03).');
    expect(all).toContain('Digitalt vårdmöte – Region Uppsala: Status är ”Pilot (tidigt införande)”, men kontakt är inte etablerad.');
    expect(all).toContain('1 obligatoriska tekniska behov är inte klara: HSA-katalogen.');
  });

  it('gives the status totals', () => {
    expect(texts(adfFor('rollout-status'))).toContain('Totalt: Ej påbörjat 1, Pilot (tidigt införande) 1, Infört 1.');
  });
});

describe('technical-needs export', () => {
  it('lists each need with category, requirement and progress per region in words', () => {
    const view = buildView({ macro: 'technical-needs', programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as TechnicalNeedsView;
    const all = texts(technicalNeedsToAdf(view, summariseProgramme(prog, [init]), 'sv'));
    expect(all).toContain('Integration mot verksamhetssystem');
    expect(all).toContain('Obligatorisk');
    expect(all).toContain('0 av 3 klara');
    expect(all).toContain('Ej påbörjad');
    expect(linkHrefs(technicalNeedsToAdf(view, summariseProgramme(prog, [init]), 'sv'))).toContain('https://www.inera.se/hsa');
  });

  it('writes a region’s note after its progress, from the details, only where the view says there is one', () => {
    const view = buildView({ macro: 'technical-needs', programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as TechnicalNeedsView;
    expect(view.initiatives[0]!.needs[0]!.progress[0]).toMatchObject({ regionCode: '01', hasNote: true });
    expect(JSON.stringify(view)).not.toContain('Beställt i mars');
    expect(texts(technicalNeedsToAdf(view, summariseProgramme(prog, [init]), 'sv', { details }))).toContain('Pågår (Beställt i mars)');
    expect(texts(technicalNeedsToAdf(view, summariseProgramme(prog, [init]), 'sv'))).not.toContain('Beställt i mars');
    // A note the details hold for an entry the view has no note for is not written.
    const stray: DetailsLookup = (id, code) => (code === '03' ? { cell: STOCKHOLM.cell, needNotes: { hsa: 'Överbliven' } } : details(id, code));
    expect(texts(technicalNeedsToAdf(view, summariseProgramme(prog, [init]), 'sv', { details: stray }))).not.toContain('Överbliven');
  });
});

describe('support-plan export', () => {
  it('shows phase, milestones and contact per region', () => {
    const view = buildView({ macro: 'support-plan', programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as SupportPlanView;
    const all = texts(supportPlanToAdf(view, summariseProgramme(prog, [init]), 'sv'));
    expect(all).toContain('Fas: Genomförande');
    expect(all).toContain('Milstolpar klara: 1 av 1');
    expect(all).toContain('Kontakt etablerad: 1 av 3');
    expect(all).toContain('Införandeplan framtagen');
    expect(all).toContain('2026-01-15');
  });

  it('gives the contacts per region from the details; the view has only whether there are any', () => {
    const view = buildView({ macro: 'support-plan', programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as SupportPlanView;
    expect(view.initiatives[0]!.contacts.map((c) => [c.regionCode, c.hasDetails])).toEqual([
      ['01', true],
      ['03', false],
      ['04', false],
    ]);
    expect(JSON.stringify(view)).not.toContain('Införandeledare Stockholm');
    type Table = { content: unknown[] };
    const contactTable = (d: unknown) => allNodes(d as never).filter((n) => n.type === 'table').at(-1) as unknown as Table;
    const withDetails = supportPlanToAdf(view, summariseProgramme(prog, [init]), 'sv', { details });
    expect(allText(contactTable(withDetails).content[1] as never)).toEqual(['Region Stockholm', 'Ja', 'Införandeledare Stockholm', 'Inera kundansvarig']);
    const without = supportPlanToAdf(view, summariseProgramme(prog, [init]), 'sv');
    expect(allText(contactTable(without).content[1] as never)).toEqual(['Region Stockholm', 'Ja']);
  });
});

describe('roadmap export', () => {
  it('gives the national windows and each region’s plans with their quarters', () => {
    const view = buildView({ macro: 'roadmap', programme: prog, initiatives: [init], config: config(), now: NOW, audience: 'public' }) as RoadmapView;
    const all = texts(roadmapToAdf(view, summariseProgramme(prog, [init]), 'sv'));
    // The configured range (here the default: from the start of last year to the end of the year after next), decision 0023.
    expect(all).toContain('Tidslinje: 2025-Q1 – 2028-Q4');
    expect(all).toContain('Nationellt pilotfönster: 2026-03 – 2026-08 (2026-Q1 – 2026-Q3).');
    expect(all).toContain('2026-02 – 2026-06 (2026-Q1 – 2026-Q2)');
    expect(all).toContain('Region Uppsala: Planerad pilotstart (2026-02) är före det nationella pilotfönstret (2026-03).');
  });
});
