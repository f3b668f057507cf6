/**
 * The exports of a programme with more participants than a document can list one by one (290
 * municipalities): the grouped form, checked against the benchmark datasets (bench/datasets.ts) for
 * schema validity, size and whether a reader finds each participant where it belongs.
 */
import { buildDataset, type DatasetSize } from '../../bench/datasets';
import { buildView, summariseProgramme } from '../../src/domain/build-view';
import { monthToQuarter } from '../../src/domain/quarters';
import { MAX_PARTICIPANTS_ONE_BY_ONE } from '../../src/export/document-parts';
import { createExportHandler, viewToAdf, type ExportStorage } from '../../src/export/export-handler';
import type { AdfDoc } from '../../src/export/adf';
import { splitDetails, type Initiative, type InitiativeWithDetails, type Programme } from '../../src/shared/model';
import type { MacroConfig } from '../../src/shared/schemas';
import { MACRO_KEYS, NEED_PROGRESS, NEED_PROGRESS_LABELS, ROLLOUT_STATUSES, ROLLOUT_STATUS_LABELS, type Locale, type MacroKey } from '../../src/shared/vocabulary';
import { NOW, cell, config, initiative, need, programme } from '../domain/fixtures';
import { adfErrors, allNodes, allText } from './adf-schema';

// ---------------------------------------------------------------- data and export

interface Dataset {
  programme: Programme;
  /** With every note, link and contact: the oracle the tests compare the document with. */
  full: InitiativeWithDetails[];
  /** What storage hands the export (decision 0017). */
  lean: Initiative[];
}

function dataset(size: DatasetSize): Dataset {
  const { programme: p, initiatives } = buildDataset(size, 'INF', NOW);
  return { programme: p, full: initiatives, lean: initiatives.map((i) => splitDetails(i).initiative) };
}

function exportOf(data: Dataset, macro: MacroKey, locale: Locale = 'sv', raw: Partial<MacroConfig> = {}): AdfDoc {
  const c = config(raw);
  const view = buildView({ macro, programme: data.programme, initiatives: data.lean, config: c, now: NOW, audience: 'public' });
  return viewToAdf(view, summariseProgramme(data.programme, data.lean), locale, {
    timeZone: 'Europe/Stockholm',
    layout: c.layout,
    perspective: c.perspective,
  });
}

const bytes = (d: unknown) => Buffer.byteLength(JSON.stringify(d), 'utf8');
const KiB = 1024;

// ---------------------------------------------------------------- reading the document back

type Node = { type: string; attrs?: { level?: number }; content?: Node[]; text?: string; marks?: Array<{ type: string }> };
const textOf = (n: Node) => allText(n).join('');
const isHeading = (n: Node, level: number) => n.type === 'heading' && n.attrs?.level === level;
const STALE = / \*$/;

/** The nodes from the first heading of `level` whose text is `title` (stale mark aside) to the next heading of that level or higher. */
function under(nodes: Node[], level: number, title: string): Node[] {
  const start = nodes.findIndex((n) => isHeading(n, level) && textOf(n).replace(STALE, '') === title);
  if (start < 0) throw new Error(`No heading ${level} “${title}”`);
  const end = nodes.findIndex((n, i) => i > start && n.type === 'heading' && (n.attrs?.level ?? 9) <= level);
  return nodes.slice(start + 1, end < 0 ? undefined : end);
}

/** The nodes before the first heading. */
function beforeHeading(nodes: Node[]): Node[] {
  const end = nodes.findIndex((n) => n.type === 'heading');
  return end < 0 ? nodes : nodes.slice(0, end);
}

interface Group {
  count: number;
  of: number;
  /** Short names without the stale mark; empty for a group that is only counted. */
  names: string[];
}

/** The paragraphs "**Title**: 53 av 290 – Ale, Alingsås *, …" among `nodes`, by title. */
function groupsIn(nodes: Node[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const n of nodes) {
    const [first, ...rest] = n.type === 'paragraph' ? (n.content ?? []) : [];
    if (!first?.marks?.some((m) => m.type === 'strong')) continue;
    const match = /^: (\d+) (?:av|of) (\d+)(?: – (.*))?$/.exec(rest.map(textOf).join(''));
    if (!match) throw new Error(`Not a group: ${textOf(n)}`);
    const names = match[3] ? match[3].split(', ').map((name) => name.replace(STALE, '')) : [];
    groups.set(first.text as string, { count: Number(match[1]), of: Number(match[2]), names });
  }
  return groups;
}

/** The participants (short names) for which `pick` gives each key, in programme order. */
function expected<K>(data: Dataset, pick: (code: string) => K): Map<K, string[]> {
  const out = new Map<K, string[]>();
  for (const p of data.programme.participants) {
    const key = pick(p.code);
    out.set(key, [...(out.get(key) ?? []), p.short]);
  }
  return out;
}

const tables = (d: unknown) => allNodes(d as never).filter((n) => n.type === 'table') as unknown as Node[];

// ---------------------------------------------------------------- sizes

/**
 * Bytes of the ADF JSON (UTF-8) with the benchmark datasets, in KiB, before the grouped form → after it
 * (measured with NOW from test/domain/fixtures; S and M are unchanged, byte for byte):
 *
 *                    S      M      L             L-max
 *   rollout-status   69.6   254.0  1835.6 → 326  1967.2 → 442
 *   technical-needs  132.4  659.8  6517.5 → 527  7120.7 → 1130
 *   support-plan     188.2  939.3  6709.8 → 393  6984.2 → 667
 *   roadmap          143.0  731.5  8428.1 → 557  9846.8 → 662
 *   (rollout-status, one initiative: L 218.2 → 23.4, L-max 246.2 → 25.5; one region: 45.0 and 159.4, unchanged)
 *
 * S and M include the participants' details, as the handler exports them up to 50 × 21 cells. At L most of
 * the bytes are the participants' names (≈ 16 bytes each with ", " and the stale mark): 290 per initiative
 * in the rollout status, the open ones per need in the technical needs, twice 290 (pilot and broad quarter)
 * in the roadmap. What L-max adds is the initiatives' and needs' own texts at their maximum (2,000-character
 * links, 1,000-character need descriptions, 300-character milestones), which does not grow with the
 * participants: the technical-needs table of needs alone is 596 KiB there, as it would be with 21 regions.
 * The bounds leave about 15 % for wording changes; a per-participant table would break them several times.
 */
const MAX_KIB: Record<'L' | 'L-max', Record<MacroKey, number>> = {
  L: { 'rollout-status': 380, 'technical-needs': 600, 'support-plan': 450, roadmap: 640 },
  'L-max': { 'rollout-status': 510, 'technical-needs': 1300, 'support-plan': 770, roadmap: 760 },
};

const L = dataset('L');
const N = L.programme.participants.length;

describe.each(['L', 'L-max'] as const)('at %s (50 initiatives × 290 participants)', (size) => {
  const data = size === 'L' ? L : dataset(size);

  it.each(MACRO_KEYS)('%s: valid ADF, grouped, and within its bound', (macro) => {
    const d = exportOf(data, macro);
    expect(adfErrors(d)).toEqual([]);
    expect(bytes(d)).toBeLessThan(MAX_KIB[size][macro] * KiB);
    expect(allText(d).join('\n')).toContain(`Översikten har ${N} deltagare.`);
    // No table has a row or a column per participant.
    for (const t of tables(d)) {
      expect(t.content!.length).toBeLessThanOrEqual(data.lean.length + 1);
      for (const row of t.content!) expect(row.content!.length).toBeLessThanOrEqual(ROLLOUT_STATUSES.length + 2);
    }
  });
});

// ---------------------------------------------------------------- what a reader finds, at L

describe('rollout-status at L', () => {
  const byInitiative = exportOf(L, 'rollout-status');

  it('gives one table of status counts, one row per initiative, the same in either layout', () => {
    const [overview, ...more] = tables(byInitiative);
    expect(more).toEqual([]);
    const rows = overview.content!.map((row) => row.content!.map(textOf));
    expect(rows[0]).toEqual(['Införande', ...ROLLOUT_STATUSES.map((s) => ROLLOUT_STATUS_LABELS[s].sv), 'Sammanfattning']);
    expect(rows).toHaveLength(L.full.length + 1);
    L.full.forEach((init, i) => {
      const counts = ROLLOUT_STATUSES.map((s) => String(Object.values(init.cells).filter((c) => c.status === s).length));
      const live = Object.values(init.cells).filter((c) => c.status === 'live').length;
      expect(rows[i + 1]).toEqual([expect.stringMatching(new RegExp(`^${init.name}( \\*)?$`)), ...counts, `Infört i ${live} av ${N}`]);
    });
    expect(exportOf(L, 'rollout-status', 'sv', { layout: 'regions-as-rows' })).toEqual(byInitiative);
  });

  it('names every participant once per initiative, under its own status', () => {
    for (const init of L.full) {
      const section = under(byInitiative.content as Node[], 3, init.name);
      const want = expected(L, (code) => ROLLOUT_STATUS_LABELS[init.cells[code].status].sv);
      const groups = Object.fromEntries(groupsIn(beforeHeading(section)));
      expect(groups).toEqual(Object.fromEntries([...want].map(([status, names]) => [status, { count: names.length, of: N, names }])));
      expect(textOf(section[0])).toBe(`Infört i ${want.get('Infört')?.length ?? 0} av ${N}.`);
    }
  });

  it('marks stale entries next to the name and explains the mark', () => {
    const all = allText(byInitiative).join('\n');
    expect(all).toMatch(/Kommun \d{4} \*/);
    expect(all).toContain('* Behöver ses över: inte uppdaterad på mer än 90 dagar.');
  });

  it('counts the points to note per initiative instead of listing thousands of sentences', () => {
    const init = L.full[0];
    const notes = groupsIn(under(under(byInitiative.content as Node[], 3, init.name), 4, 'Att uppmärksamma'));
    const withoutContact = Object.values(init.cells).filter((c) => (c.status === 'pilot' || c.status === 'rollout') && !c.contactEstablished).length;
    expect(withoutContact).toBeGreaterThan(0);
    expect(notes.get('Pilot eller breddinförande utan etablerad kontakt')).toEqual({ count: withoutContact, of: N, names: [] });
  });

  it('is in English for an English reader', () => {
    const en = exportOf(L, 'rollout-status', 'en');
    expect(adfErrors(en)).toEqual([]);
    const groups = groupsIn(under(en.content as Node[], 3, L.full[0].name));
    const notStarted = expected(L, (code) => L.full[0].cells[code].status).get('not-started')!;
    expect(groups.get('Not started')).toEqual({ count: notStarted.length, of: N, names: notStarted });
    expect(allText(en).join('\n')).toContain(`The overview has ${N} participants.`);
  });

  it('groups the single-initiative perspective the same way, with plans, contact and open needs', () => {
    const init = L.full[3];
    const one = exportOf(L, 'rollout-status', 'sv', { perspective: 'initiative', initiativeId: init.id });
    expect(adfErrors(one)).toEqual([]);
    expect(bytes(one)).toBeLessThan(40 * KiB); // measured 23.4 KiB; the list was 218.2 KiB
    expect(tables(one)).toEqual([]);
    const section = under(one.content as Node[], 3, init.name);
    const statuses = groupsIn(beforeHeading(section));
    for (const [status, names] of expected(L, (code) => ROLLOUT_STATUS_LABELS[init.cells[code].status].sv)) {
      expect(statuses.get(status)?.names).toEqual(names);
    }
    const pilots = groupsIn(under(section, 4, 'Planerad pilotstart per kvartal'));
    for (const [quarter, names] of expected(L, (code) => monthToQuarter(init.cells[code].pilotStart!)!)) expect(pilots.get(quarter)?.names).toEqual(names);
    const contact = groupsIn(under(section, 4, 'Kontakt etablerad'));
    expect(contact.get('Nej')?.names).toEqual(expected(L, (code) => init.cells[code].contactEstablished).get(false));
  });

  it('keeps the region perspective as the list, one row per initiative', () => {
    const region = exportOf(L, 'rollout-status', 'sv', { perspective: 'region', regionCode: L.programme.participants[7].code });
    expect(adfErrors(region)).toEqual([]);
    const [list] = tables(region);
    expect(list.content).toHaveLength(L.full.length + 1);
    expect(allText(region).join('\n')).not.toContain('Översikten har');
  });
});

describe('technical-needs at L', () => {
  const d = exportOf(L, 'technical-needs');

  it('per need: the open participants by name under their progress, the others counted', () => {
    for (const init of [L.full[0], L.full[24], L.full[49]]) {
      const section = under(d.content as Node[], 3, init.name);
      for (const n of init.needs) {
        const groups = groupsIn(under(section, 4, n.title));
        const want = expected(L, (code) => n.progress[code].progress);
        for (const progress of NEED_PROGRESS) {
          const names = want.get(progress) ?? [];
          const open = progress === 'not-started' || progress === 'in-progress';
          expect(groups.get(NEED_PROGRESS_LABELS[progress].sv)).toEqual({ count: names.length, of: N, names: open ? names : [] });
        }
      }
    }
  });

  it('keeps the table of needs, without a column or row per participant', () => {
    const section = under(d.content as Node[], 3, L.full[0].name);
    const needTable = section.find((n) => n.type === 'table')!;
    expect(needTable.content).toHaveLength(L.full[0].needs.length + 1);
  });
});

describe('support-plan at L', () => {
  const d = exportOf(L, 'support-plan');

  it('says with how many contact is established and names the participants without', () => {
    for (const init of [L.full[0], L.full[31]]) {
      const section = under(d.content as Node[], 3, init.name);
      const without = expected(L, (code) => init.cells[code].contactEstablished).get(false)!;
      expect(textOf(section[0])).toContain(`Kontakt etablerad: ${N - without.length} av ${N}.`);
      expect(groupsIn(section).get('Kontakt inte etablerad')).toEqual({ count: without.length, of: N, names: without });
      // The milestones stay a table, as for the regions.
      expect(section.filter((n) => n.type === 'table').map((t) => t.content!.length)).toEqual([init.milestones.length + 1]);
    }
  });
});

describe('roadmap at L', () => {
  const d = exportOf(L, 'roadmap');

  it('gives the national windows and the participants by quarter of planned pilot and broad start', () => {
    for (const init of [L.full[0], L.full[12]]) {
      const section = under(d.content as Node[], 3, init.name);
      expect(textOf(section[0])).toBe(
        'Nationellt pilotfönster: 2026-01 – 2026-06 (2026-Q1 – 2026-Q2). Nationellt fönster för breddinförande: 2026-09 – 2027-12 (2026-Q3 – 2027-Q4).',
      );
      const pilots = groupsIn(under(section, 4, 'Planerad pilotstart per kvartal'));
      const broads = groupsIn(under(section, 4, 'Planerad start för breddinförande per kvartal'));
      const wantPilots = expected(L, (code) => monthToQuarter(init.cells[code].pilotStart!)!);
      const wantBroads = expected(L, (code) => monthToQuarter(init.cells[code].broadStart!)!);
      expect([...pilots.keys()]).toEqual([...wantPilots.keys()].sort());
      for (const [quarter, names] of wantPilots) expect(pilots.get(quarter)).toEqual({ count: names.length, of: N, names });
      for (const [quarter, names] of wantBroads) expect(broads.get(quarter)).toEqual({ count: names.length, of: N, names });
    }
  });

  it('names the participants planned before the national window, and counts the other points to note', () => {
    const init = L.full[0];
    const notes = groupsIn(under(under(d.content as Node[], 3, init.name), 4, 'Att uppmärksamma'));
    const early = expected(L, (code) => init.cells[code].broadStart! < init.nationalBroadStart!).get(true)!;
    expect(early.length).toBeGreaterThan(0);
    expect(notes.get('Planerad start för breddinförande före det nationella fönstret')).toEqual({ count: early.length, of: N, names: early });
    expect(notes.get('Obligatoriska tekniska behov som inte är klara')?.names).toEqual([]);
  });

  it('puts a participant without a planned start under “Inte planerad”', () => {
    const p = programme({ participants: Array.from({ length: 40 }, (_, k) => ({ code: `k${k}`, name: `Kommun ${k}`, short: `K${k}` })) });
    const init = initiative({ cells: { k0: cell({ pilotStart: '2026-05' }) } });
    const view = buildView({ macro: 'roadmap', programme: p, initiatives: [init], config: config(), now: NOW, audience: 'public' });
    const groups = groupsIn(under(viewToAdf(view, summariseProgramme(p, [init]), 'sv', {}).content as Node[], 4, 'Planerad pilotstart per kvartal'));
    expect(groups.get('2026-Q2')).toEqual({ count: 1, of: 40, names: ['K0'] });
    expect(groups.get('Inte planerad')?.count).toBe(39);
  });
});

// ---------------------------------------------------------------- the threshold

describe(`the threshold: ${MAX_PARTICIPANTS_ONE_BY_ONE} participants one by one, more grouped`, () => {
  const withParticipants = (count: number) => {
    const p = programme({ participants: Array.from({ length: count }, (_, k) => ({ code: `p${k}`, name: `Deltagare ${k}`, short: `D${k}` })) });
    const init = initiative({
      cells: { p0: cell({ status: 'live', contactEstablished: true }) },
      needs: [need({ progress: { p0: { progress: 'done', hasNote: false, updatedAt: NOW.toISOString() } } })],
      milestones: [{ id: 'm', phase: 'planering', title: 'Införandeplan framtagen', done: true, dueMonth: null, doneOn: null }],
    });
    return (macro: MacroKey) => {
      const view = buildView({ macro, programme: p, initiatives: [init], config: config(), now: NOW, audience: 'public' });
      return viewToAdf(view, summariseProgramme(p, [init]), 'sv', {});
    };
  };

  it.each(MACRO_KEYS)('%s', (macro) => {
    const atLimit = withParticipants(MAX_PARTICIPANTS_ONE_BY_ONE)(macro);
    const beyond = withParticipants(MAX_PARTICIPANTS_ONE_BY_ONE + 1)(macro);
    expect(adfErrors(atLimit)).toEqual([]);
    expect(adfErrors(beyond)).toEqual([]);
    const rowsOrColumns = (d: AdfDoc) => Math.max(...tables(d).flatMap((t) => [t.content!.length, t.content![0].content!.length]));
    expect(rowsOrColumns(atLimit)).toBeGreaterThan(MAX_PARTICIPANTS_ONE_BY_ONE);
    expect(rowsOrColumns(beyond)).toBeLessThan(10);
    expect(allText(atLimit).join('\n')).not.toContain('deltagare. För att rymmas på papper');
    expect(allText(beyond).join('\n')).toContain(`Översikten har ${MAX_PARTICIPANTS_ONE_BY_ONE + 1} deltagare.`);
  });

  it('keeps the regions (21) as the matrix', () => {
    const M = dataset('M');
    const [matrix] = tables(exportOf(M, 'rollout-status'));
    expect(matrix.content![0].content).toHaveLength(21 + 2);
  });
});

// ---------------------------------------------------------------- hostile data

describe('the grouped form with hostile data', () => {
  const SCRIPT = '<script>alert("x")</script>';
  const FORMULA = '=HYPERLINK("http://evil.example","klicka")';
  const p = programme({
    participants: Array.from({ length: MAX_PARTICIPANTS_ONE_BY_ONE + 1 }, (_, k) => ({ code: `h${k}`, name: FORMULA, short: `${SCRIPT}${k}` })),
  });
  const hostile = initiative({
    name: SCRIPT,
    infoLink: 'javascript:alert(1)',
    nationalBroadStart: '2027-01',
    cells: { h0: cell({ status: 'pilot', pilotStart: '2026-01', broadStart: '2026-06' }) },
    needs: [need({ title: FORMULA, link: 'data:text/html,x', progress: { h1: { progress: 'in-progress', hasNote: false, updatedAt: NOW.toISOString() } } })],
    milestones: [{ id: 'm', phase: 'planering', title: SCRIPT, done: false, dueMonth: null, doneOn: null }],
  });

  it.each(MACRO_KEYS)('%s: valid, names verbatim and only inside text nodes, no unsafe link', (macro) => {
    const view = buildView({ macro, programme: p, initiatives: [hostile], config: config(), now: NOW, audience: 'public' });
    const d = viewToAdf(view, summariseProgramme(p, [hostile]), 'sv', {});
    expect(adfErrors(d)).toEqual([]);
    expect(allText(d).join('\n')).toContain(`${SCRIPT}1`);
    for (const node of allNodes(d as never)) {
      if (node.type === 'text') continue;
      const { content: _children, ...own } = node as unknown as Record<string, unknown>;
      expect(JSON.stringify(own)).not.toMatch(/<script>|HYPERLINK/);
    }
    expect(JSON.stringify(d)).not.toMatch(/javascript:|data:text/i);
  });
});

// ---------------------------------------------------------------- through the handler

describe('adfExport handler with many participants', () => {
  // 3 × 290 cells: few enough that the details would be read (EXPORT_DETAILS_MAX_CELLS) …
  const small = { programme: L.programme, initiatives: L.lean.slice(0, 3) };
  const storage = (readDetailsPage: ExportStorage['readDetailsPage']): ExportStorage => ({
    readProgrammeSnapshot: async () => small,
    readDefaultProgrammeSnapshot: async () => small,
    withNeedProgress: async (_programmeId, initiatives) => initiatives,
    readDetailsPage,
  });
  const run = (macro: MacroKey, macroConfig: Record<string, unknown> | undefined, readDetailsPage: ExportStorage['readDetailsPage']) =>
    createExportHandler(macro, { storage: storage(readDetailsPage), now: () => NOW })({
      extensionPayload: macroConfig ? { config: macroConfig } : {},
      context: { locale: 'sv-SE', extension: { space: { key: 'INF' } } },
    });

  it('… but the grouped form draws none, so they are not read', async () => {
    for (const macro of MACRO_KEYS) {
      const readDetailsPage = jest.fn(async () => ({ entries: [], cursor: null }));
      const out = await run(macro, undefined, readDetailsPage);
      expect(adfErrors(out)).toEqual([]);
      expect(allText(out).join('\n')).toContain(`Översikten har ${N} deltagare.`);
      expect(readDetailsPage).not.toHaveBeenCalled();
    }
  });

  it('the region perspective (one participant) still lists, with its details', async () => {
    const code = L.programme.participants[0].code;
    const readDetailsPage = jest.fn(async () => ({
      // Marked public: an export carries only public contacts (decision 0020).
      entries: [{ initiativeId: small.initiatives[0].id, code, details: { ...splitDetails(L.full[0]).details.get(code)!, publicContacts: { regional: true, national: true } } }],
      cursor: null,
    }));
    const out = await run('rollout-status', { perspective: 'region', regionCode: code }, readDetailsPage);
    expect(readDetailsPage).toHaveBeenCalled();
    expect(allText(out).join('\n')).toContain(L.full[0].cells[code].regionalContact);
  });
});
