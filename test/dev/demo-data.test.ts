import { buildDemoProgramme, DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import type { DetailsEntry, DetailsPage, RolloutStatusView } from '../../src/shared/contract';
import { CELL_DETAIL_FIELDS, CELL_FIELDS, splitDetails } from '../../src/shared/model';
import { decodeInitiative, encodeInitiative } from '../../src/storage/codec';
import { seedProgramme } from '../../src/storage';
import { createHarness, dataOf } from '../helpers/forge-harness';
import { SWEDISH_REGIONS } from '../../src/shared/regions';
import { cellFieldsSchema, initiativeFieldsSchema, isoDate, webLink, yearMonth } from '../../src/shared/schemas';
import { INITIATIVE_FIELDS, NEED_CATEGORIES, NEED_PROGRESS, PHASES, ROLLOUT_STATUSES } from '../../src/shared';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const DAY = 86_400_000;

function pickFields<T extends object>(obj: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (obj as Record<string, unknown>)[k]]));
}

describe('buildDemoProgramme', () => {
  const demo = buildDemoProgramme(NOW);
  const cells = demo.initiatives.flatMap((i) => Object.entries(i.cells).map(([code, cell]) => ({ initiative: i, code, cell })));

  it('publishes the regional contacts (roles) and never the national ones (names of people)', () => {
    const withContact = cells.filter(({ cell }) => cell.regionalContact !== '');
    expect(withContact.length).toBeGreaterThan(0);
    for (const { cell } of withContact) expect(cell.publicContacts).toEqual({ regional: true, national: false });
    const { details } = splitDetails(demo.initiatives[0]);
    const stored = [...details.values()].filter((d) => d.cell.regionalContact !== '');
    expect(stored.length).toBeGreaterThan(0);
    for (const d of stored) expect(d.publicContacts).toEqual({ regional: true, national: false });
  });

  it('is the published FLDV example programme in space INF with the 21 regions', () => {
    expect(demo.programme).toMatchObject({
      id: DEMO_PROGRAMME_ID,
      spaceKey: 'INF',
      name: 'Första linjens digitala vård (FLDV) – exempeldata',
      isExample: true,
      published: true,
      stalenessDays: 90,
    });
    expect(demo.programme.participants.map((p) => p.code)).toEqual(SWEDISH_REGIONS.map((r) => r.code));
    expect(demo.programme.milestoneTemplate.length).toBeGreaterThan(0);
  });

  it('is deterministic for the same instant, and moves with the clock', () => {
    expect(buildDemoProgramme(NOW)).toEqual(demo);
    const later = buildDemoProgramme(new Date(NOW.getTime() + 400 * DAY));
    expect(later.initiatives[0]!.nationalPilotStart).not.toEqual(demo.initiatives[0]!.nationalPilotStart);
  });

  it('has at least 8 initiatives whose fields pass the shared schema', () => {
    expect(demo.initiatives.length).toBeGreaterThanOrEqual(8);
    for (const initiative of demo.initiatives) {
      const parsed = initiativeFieldsSchema.safeParse(pickFields(initiative, INITIATIVE_FIELDS));
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(initiative.programmeId).toBe(DEMO_PROGRAMME_ID);
      expect(initiative.infoLink).toMatch(/^https:\/\/www\.inera\.se\//);
    }
    expect(new Set(demo.initiatives.map((i) => i.id)).size).toBe(demo.initiatives.length);
    expect(new Set(demo.initiatives.map((i) => i.order)).size).toBe(demo.initiatives.length);
  });

  it('puts national windows in 2026–2028 for a 2026 clock', () => {
    for (const i of demo.initiatives) {
      for (const ym of [i.nationalPilotStart, i.nationalPilotEnd, i.nationalBroadStart, i.nationalBroadEnd]) {
        expect(ym).not.toBeNull();
        expect(Number(ym!.slice(0, 4))).toBeGreaterThanOrEqual(2026);
        expect(Number(ym!.slice(0, 4))).toBeLessThanOrEqual(2028);
      }
      expect(i.nationalPilotStart! <= i.nationalPilotEnd!).toBe(true);
      expect(i.nationalBroadStart! <= i.nationalBroadEnd!).toBe(true);
    }
  });

  it('has cells that pass the shared cell schema, for known regions, each with an editor in the history', () => {
    const codes = new Set(SWEDISH_REGIONS.map((r) => r.code));
    for (const { initiative, code, cell } of cells) {
      expect(codes.has(code)).toBe(true);
      const parsed = cellFieldsSchema.safeParse(pickFields(cell, CELL_FIELDS));
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(Date.parse(cell.updatedAt!)).toBeLessThanOrEqual(NOW.getTime());
      // Who changed a cell is in its history (what getDetails' lastChange reads), not in the cell.
      expect(cell).not.toHaveProperty('updatedByName');
      const entry = demo.history.find((h) => h.target === 'cell' && h.initiativeId === initiative.id && h.regionCode === code);
      expect(entry).toMatchObject({ at: cell.updatedAt, by: expect.any(String), byName: expect.any(String) });
    }
  });

  it('has details to read on demand: notes, links, contacts and need notes', () => {
    const has = (field: (typeof CELL_DETAIL_FIELDS)[number]) => cells.filter((c) => c.cell[field] !== null && c.cell[field] !== '').length;
    for (const field of CELL_DETAIL_FIELDS) expect(has(field)).toBeGreaterThan(0);
    // Not every cell has details, so both kinds of cell show in the overviews.
    expect(has('note')).toBeLessThan(cells.length);
    const needNotes = demo.initiatives.flatMap((i) => i.needs.flatMap((n) => Object.values(n.progress).map((p) => p.note)));
    expect(needNotes.some((note) => note !== '')).toBe(true);
    expect(needNotes.some((note) => note === '')).toBe(true);
  });

  it('splits into records that draw the overviews without any detail, and the details apart', () => {
    for (const full of demo.initiatives) {
      const { initiative, details } = splitDetails(full);
      for (const [code, cell] of Object.entries(full.cells)) {
        expect(initiative.cells[code]).not.toHaveProperty('note');
        expect(initiative.cells[code]).not.toHaveProperty('regionalContact');
        const hasDetails = CELL_DETAIL_FIELDS.some((f) => cell[f] !== null && cell[f] !== '');
        expect(initiative.cells[code]!.hasDetails).toBe(hasDetails);
        if (hasDetails) expect(details.get(code)!.cell).toEqual(pickFields(cell, CELL_DETAIL_FIELDS));
      }
      for (const need of full.needs) {
        for (const [code, p] of Object.entries(need.progress)) {
          expect(initiative.needs.find((n) => n.id === need.id)!.progress[code]).toEqual({ progress: p.progress, updatedAt: p.updatedAt, hasNote: p.note !== '' });
          expect(details.get(code)?.needNotes[need.id] ?? '').toBe(p.note);
        }
      }
      // Neither what the views get nor what storage reads back for them holds any detail's text.
      const drawn = JSON.stringify([initiative, decodeInitiative(initiative.id, encodeInitiative(initiative))]);
      for (const d of details.values()) {
        for (const text of [d.cell.note, d.cell.link, d.cell.regionalContact, ...Object.values(d.needNotes)]) {
          if (text) expect(drawn).not.toContain(text);
        }
      }
    }
  });

  it('uses every rollout status, with some regions ahead and some behind', () => {
    const used = new Set(cells.map((c) => c.cell.status));
    expect([...used].sort()).toEqual([...ROLLOUT_STATUSES].sort());
    const live = (code: string) => cells.filter((c) => c.code === code && c.cell.status === 'live').length;
    // Stockholm is set to run ahead of Jämtland Härjedalen.
    expect(live('01')).toBeGreaterThan(live('23'));
  });

  it('has plans that read as plans: month ranges in order, contact dates in the past', () => {
    for (const { cell } of cells) {
      if (cell.pilotStart && cell.pilotEnd) expect(cell.pilotStart <= cell.pilotEnd).toBe(true);
      if (cell.broadStart && cell.broadEnd) expect(cell.broadStart <= cell.broadEnd).toBe(true);
      if (cell.contactSince) expect(cell.contactSince <= NOW.toISOString().slice(0, 10)).toBe(true);
      if (cell.status === 'pilot') expect(cell.pilotStart).not.toBeNull();
      if (cell.status === 'declined') expect(cell.pilotStart).toBeNull();
    }
    expect(cells.some((c) => c.cell.contactEstablished)).toBe(true);
  });

  it('spreads updates over about 200 days, so some entries are past the 90-day staleness threshold', () => {
    const ages = cells.map((c) => (NOW.getTime() - Date.parse(c.cell.updatedAt!)) / DAY);
    const stale = ages.filter((a) => a > 90).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(ages.length / 2);
    expect(Math.max(...ages)).toBeLessThanOrEqual(201);
  });

  it('gives each initiative 2–4 technical needs with valid categories and per-region progress', () => {
    for (const initiative of demo.initiatives) {
      expect(initiative.needs.length).toBeGreaterThanOrEqual(2);
      expect(initiative.needs.length).toBeLessThanOrEqual(4);
      for (const need of initiative.needs) {
        expect(NEED_CATEGORIES).toContain(need.category);
        if (need.link !== null) expect(webLink.safeParse(need.link).success).toBe(true);
        for (const [code, p] of Object.entries(need.progress)) {
          expect(initiative.cells[code] ?? SWEDISH_REGIONS.find((r) => r.code === code)).toBeDefined();
          expect(NEED_PROGRESS).toContain(p.progress);
        }
      }
    }
    const titles = demo.initiatives.flatMap((i) => i.needs.map((n) => n.title));
    expect(titles).toContain('Anslutning till tjänstekontrakt AddMessage 2.0');
    expect(titles).toContain('Brandväggsöppningar mot Sjunet');
  });

  it('has the template milestones per initiative, some done with a date', () => {
    for (const initiative of demo.initiatives) {
      expect(initiative.milestones.map((m) => m.id)).toEqual(demo.programme.milestoneTemplate.map((m) => m.id));
      for (const m of initiative.milestones) {
        expect(PHASES).toContain(m.phase);
        if (m.done) expect(isoDate.safeParse(m.doneOn).success).toBe(true);
        else if (m.dueMonth !== null) expect(yearMonth.safeParse(m.dueMonth).success).toBe(true);
      }
    }
    expect(demo.initiatives.flatMap((i) => i.milestones).some((m) => m.done)).toBe(true);
  });

  it('records a history entry for each cell it sets, in time order', () => {
    const cellEntries = demo.history.filter((h) => h.target === 'cell');
    expect(cellEntries.length).toBe(cells.length);
    const times = demo.history.map((h) => h.at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(demo.history.map((h) => h.id)).size).toBe(demo.history.length);
  });

  it('keeps every initiative record well under the Forge KVS value limit, even with the details inline', () => {
    for (const initiative of demo.initiatives) {
      expect(Buffer.byteLength(JSON.stringify(initiative))).toBeLessThan(240 * 1024);
      expect(Buffer.byteLength(JSON.stringify(encodeInitiative(splitDetails(initiative).initiative)))).toBeLessThan(24 * 1024);
    }
  });
});

describe('the demo programme, seeded', () => {
  const demo = buildDemoProgramme(NOW);

  it('serves its details through getDetails, each exactly once, and only flags in the view', async () => {
    const h = createHarness();
    await seedProgramme(demo.programme, demo.initiatives, demo.history);

    const entries: DetailsEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: DetailsPage = dataOf(await h.invoke('demo-viewer', 'getDetails', cursor === null ? {} : { cursor }));
      entries.push(...page.entries);
      cursor = page.cursor;
    } while (cursor !== null);
    const expected = demo.initiatives.flatMap((full) =>
      [...splitDetails(full).details].map(([code, d]) => ({ initiativeId: full.id, regionCode: code, cell: d.cell, needNotes: d.needNotes, ...(d.publicContacts ? { publicContacts: d.publicContacts } : {}) })),
    );
    const byKey = (list: DetailsEntry[]) => [...list].sort((a, b) => `${a.initiativeId}:${a.regionCode}`.localeCompare(`${b.initiativeId}:${b.regionCode}`));
    expect(byKey(entries)).toEqual(byKey(expected));

    const view = dataOf(await h.invoke('demo-viewer', 'getView', {}));
    if (view.state !== 'ready') throw new Error('no view');
    const withNote = demo.initiatives.flatMap((i) => Object.entries(i.cells).filter(([, c]) => c.note !== '').map(([code, c]) => ({ id: i.id, code, note: c.note })));
    const text = JSON.stringify(view);
    for (const { id, code, note } of withNote) {
      expect(text).not.toContain(note);
      const row = (view.view as RolloutStatusView).rows.find((r) => r.initiative.id === id);
      // Archived initiatives are not in the view.
      if (row) expect(row.cells.find((c) => c.regionCode === code)!.hasDetails).toBe(true);
    }

    // The seeded history says who changed a cell last.
    const [{ initiativeId, regionCode }] = entries;
    const one = dataOf(await h.invoke('demo-viewer', 'getDetails', { initiativeId, regionCode }));
    expect(one.lastChange).toEqual({ at: expect.any(String), byName: expect.any(String) });
  });
});
