import { SWEDISH_MUNICIPALITIES } from '@shared/municipalities';
import { groupParticipants } from '@shared/participant-groups';
import { ROADMAP_REGION_DEFAULTS } from '@shared/view-wire';
import { countyRollUp, type RegionPlan } from '@shared/roadmap-county';
import { pageGroups } from '../../../static/app/src/views/group-disclosure';

const municipalities = [...SWEDISH_MUNICIPALITIES];
const stockholm = municipalities.filter((p) => p.group === '01');

function plan(regionCode: string, extra: Partial<RegionPlan> = {}): RegionPlan {
  return { regionCode, ...ROADMAP_REGION_DEFAULTS, ...extra };
}

describe("a county's roll-up in the roadmap", () => {
  it('spans the earliest start to the latest end, and counts the municipalities with a plan', () => {
    const plans = new Map<string, RegionPlan>([
      [stockholm[0]!.code, plan(stockholm[0]!.code, { pilotStart: '2026-05', pilotEnd: '2026-09', status: 'live' })],
      [stockholm[1]!.code, plan(stockholm[1]!.code, { pilotStart: '2026-03', pilotEnd: '2026-06', broadStart: '2027-01', broadEnd: '2027-12' })],
      [stockholm[2]!.code, plan(stockholm[2]!.code, { warnings: [{ kind: 'pilot-outside-national-window' } as never] })],
    ]);
    const rollUp = countyRollUp(stockholm, (code) => plans.get(code) ?? plan(code));
    expect(rollUp).toEqual({ pilot: ['2026-03', '2026-09'], broad: ['2027-01', '2027-12'], pilotPlanned: 2, broadPlanned: 1, live: 1, warned: 1, total: 26 });
  });

  it('is open-ended when only starts are known, and never ends before a member starts', () => {
    const starts = countyRollUp(stockholm.slice(0, 2), (code) => plan(code, { pilotStart: code === stockholm[0]!.code ? '2026-01' : '2026-04' }));
    expect(starts.pilot).toEqual(['2026-01', '2026-04']);
    const one = countyRollUp(stockholm.slice(0, 1), (code) => plan(code, { broadStart: '2027-02' }));
    expect(one.broad).toEqual(['2027-02', null]);
    const late = countyRollUp(stockholm.slice(0, 2), (code) =>
      code === stockholm[0]!.code ? plan(code, { pilotStart: '2026-01', pilotEnd: '2026-03' }) : plan(code, { pilotStart: '2026-08' }),
    );
    expect(late.pilot).toEqual(['2026-01', '2026-08']);
  });

  it('leaves out members the view has no plan for', () => {
    const rollUp = countyRollUp(stockholm, (code) => (code === stockholm[0]!.code ? plan(code, { pilotStart: '2026-01' }) : undefined));
    expect(rollUp.total).toBe(1);
    expect(rollUp.pilotPlanned).toBe(1);
  });
});

describe('pages of whole counties (group-disclosure.ts)', () => {
  const groups = groupParticipants(municipalities)!;

  it('fits the 21 counties closed on one page', () => {
    const { lines, page } = pageGroups(groups, () => false, 0);
    expect(page).toBeNull();
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatchObject({ kind: 'group', key: 'group:01', expanded: false });
  });

  it('follows an open county with its municipalities and pages the rest whole', () => {
    const { lines, page } = pageGroups(groups, (code) => code === '01', 0);
    expect(lines.slice(1, 27).map((l) => l.key)).toEqual(stockholm.map((p) => p.code));
    expect(page).toEqual({ start: 0, end: 4, total: 21, index: 0, count: 2 });
    expect(pageGroups(groups, (code) => code === '01', 1).page).toEqual({ start: 4, end: 21, total: 21, index: 1, count: 2 });
  });

  it('never splits a county from its municipalities, all of them open', () => {
    const keys: string[] = [];
    for (let index = 0; ; index++) {
      const { lines, page } = pageGroups(groups, () => true, index);
      keys.push(...lines.map((l) => l.key));
      for (const line of lines) if (line.kind === 'member') expect(lines.some((l) => l.kind === 'group' && l.group.code === line.participant.group)).toBe(true);
      if (!page || page.index >= page.count - 1) break;
    }
    expect(keys).toHaveLength(21 + 290);
  });
});
