import { buildDemoProgramme, DEMO_PROGRAMME_ID } from '../../dev/demo-data';
import { CELL_FIELDS, type RegionCell } from '../../src/shared/model';
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

  it('has cells that pass the shared cell schema, for known regions, with an editor stamp', () => {
    const codes = new Set(SWEDISH_REGIONS.map((r) => r.code));
    for (const { code, cell } of cells) {
      expect(codes.has(code)).toBe(true);
      const parsed = cellFieldsSchema.safeParse(pickFields(cell, CELL_FIELDS));
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(cell.updatedByName).toEqual(expect.any(String));
      expect(Date.parse(cell.updatedAt!)).toBeLessThanOrEqual(NOW.getTime());
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
    for (const { cell } of cells as Array<{ cell: RegionCell }>) {
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

  it('keeps every initiative record well under the Forge KVS value limit', () => {
    for (const initiative of demo.initiatives) {
      expect(Buffer.byteLength(JSON.stringify(initiative))).toBeLessThan(240 * 1024);
    }
  });
});
