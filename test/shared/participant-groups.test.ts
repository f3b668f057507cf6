import type { Participant } from '@shared/model';
import { SWEDISH_MUNICIPALITIES } from '@shared/municipalities';
import { chosenCodes, chosenGroup, groupParticipants, hasGroups, pageWholeGroups, resolveChoice, rollUp } from '@shared/participant-groups';
import { SWEDISH_REGIONS } from '@shared/regions';
import { ROLLOUT_STATUSES, type RolloutStatus } from '@shared/vocabulary';
import { REGION_CHOICE_STORAGE_KEY, RegionChoiceStore } from '../../static/app/src/page-events/region-choice';
import { memoryStorage } from '../static/page-events/fake-events';

const municipalities = [...SWEDISH_MUNICIPALITIES];
const code = (p: Participant) => p.code;

describe('groupParticipants', () => {
  it('folds the 290 municipalities into the 21 counties, named as their regions', () => {
    const groups = groupParticipants(municipalities)!;
    expect(groups).toHaveLength(21);
    expect(groups.map((g) => g.code)).toEqual(SWEDISH_REGIONS.map((r) => r.code));
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(290);
    const stockholm = groups[0]!;
    expect(stockholm.name).toBe('Stockholm');
    expect(stockholm.members).toHaveLength(26);
    expect(groups.find((g) => g.code === '14')!.members).toHaveLength(49);
  });

  it('keeps the order it is given: the group of the first participant first, members in order', () => {
    const ordered = [municipalities.find((p) => p.code === '1280')!, ...municipalities.filter((p) => p.code !== '1280')];
    const groups = groupParticipants(ordered)!;
    expect(groups[0]!.code).toBe('12');
    expect(groups[0]!.members[0]!.name).toBe('Malmö');
    expect(groups[1]!.code).toBe('01');
  });

  it('is null for regions and custom lists, and puts participants without a group last', () => {
    expect(groupParticipants(SWEDISH_REGIONS)).toBeNull();
    expect(hasGroups(SWEDISH_REGIONS)).toBe(false);
    const mixed: Participant[] = [{ code: 'X', name: 'Extra', short: 'Extra' }, municipalities[0]!];
    const groups = groupParticipants(mixed)!;
    expect(groups.map((g) => g.code)).toEqual(['01', '']);
    expect(groups[1]!.members.map(code)).toEqual(['X']);
  });
});

describe('rollUp', () => {
  const stockholm = municipalities.filter((p) => p.group === '01');

  it('counts the members per status: "Infört i 3 av 26 kommuner"', () => {
    const status = new Map<string, RolloutStatus>(stockholm.map((p, i) => [p.code, i < 3 ? 'live' : i < 5 ? 'pilot' : 'not-started']));
    const r = rollUp(stockholm, ROLLOUT_STATUSES, (p) => status.get(p.code));
    expect(r.total).toBe(26);
    expect(r.counts).toEqual({ 'not-started': 21, planning: 0, pilot: 2, rollout: 0, live: 3, declined: 0 });
  });

  it('leaves out members without a value (no cell), and counts any vocabulary: contact made or not', () => {
    const r = rollUp(stockholm, ['yes', 'no'] as const, (p) => (p.code === '0180' ? 'yes' : p.code === '0114' ? 'no' : undefined));
    expect(r).toEqual({ total: 2, counts: { yes: 1, no: 1 } });
    expect(rollUp([], ROLLOUT_STATUSES, () => 'live').total).toBe(0);
  });
});

describe('resolveChoice', () => {
  it('a participant code chooses the participant, in either kind of programme', () => {
    expect(resolveChoice(SWEDISH_REGIONS, '01')).toMatchObject({ kind: 'participant', code: '01' });
    const malmo = resolveChoice(municipalities, '1280');
    expect(malmo).toMatchObject({ kind: 'participant', code: '1280' });
    expect(chosenCodes(malmo)).toEqual(['1280']);
    expect(chosenGroup(malmo)).toBe('12');
  });

  it('a county code in a municipality programme chooses the county and its municipalities in order', () => {
    const skane = resolveChoice(municipalities, '12');
    expect(skane).toMatchObject({ kind: 'group', code: '12', name: 'Skåne' });
    expect(chosenCodes(skane)).toEqual(municipalities.filter((p) => p.group === '12').map(code));
    expect(chosenGroup(skane)).toBe('12');
  });

  it('nothing for a code the programme has neither as participant nor as group', () => {
    expect(resolveChoice(municipalities, '99')).toBeNull();
    expect(resolveChoice(SWEDISH_REGIONS, '0180')).toBeNull();
    expect(resolveChoice(municipalities, null)).toBeNull();
    expect(chosenCodes(null)).toBeNull();
    expect(chosenGroup(resolveChoice(SWEDISH_REGIONS, '01'))).toBeNull();
  });
});

describe('the stored choice keeps its form (decision 0019 → 0027)', () => {
  it('a region stored before counties could be chosen means that county on a municipalities page', () => {
    const storage = memoryStorage({ [REGION_CHOICE_STORAGE_KEY]: JSON.stringify({ v: 1, code: '12', at: 10 }) });
    const store = new RegionChoiceStore({ storage });
    expect(resolveChoice(SWEDISH_REGIONS, store.get())).toMatchObject({ kind: 'participant', code: '12' });
    expect(resolveChoice(municipalities, store.get())).toMatchObject({ kind: 'group', code: '12', name: 'Skåne' });
    // A county chosen on a municipalities page is stored exactly as a region always was.
    store.set('01');
    expect(JSON.parse(storage.map.get(REGION_CHOICE_STORAGE_KEY)!)).toMatchObject({ v: 1, code: '01' });
  });
});

describe('pageWholeGroups', () => {
  const blocks = [['a'], ['b', 'b1', 'b2'], ['c'], ['d', 'd1', 'd2', 'd3', 'd4', 'd5'], ['e']];

  it('answers no page when every block fits', () => {
    expect(pageWholeGroups(blocks, 0, 100)).toEqual({ lines: blocks.flat(), page: null });
  });

  it('keeps each block whole, and gives a block larger than a page a page of its own', () => {
    const pages = [0, 1, 2].map((i) => pageWholeGroups(blocks, i, 4));
    expect(pages.map((p) => p.lines)).toEqual([['a', 'b', 'b1', 'b2'], ['c'], ['d', 'd1', 'd2', 'd3', 'd4', 'd5']]);
    expect(pages.map((p) => p.page && [p.page.start, p.page.end, p.page.count])).toEqual([
      [0, 2, 4],
      [2, 3, 4],
      [3, 4, 4],
    ]);
    expect(pageWholeGroups(blocks, 3, 4)).toEqual({ lines: ['e'], page: { start: 4, end: 5, total: 5, index: 3, count: 4 } });
  });

  it('clamps a page past the end to the last page', () => {
    expect(pageWholeGroups(blocks, 99, 4).page?.index).toBe(3);
    expect(pageWholeGroups(blocks, -1, 4).page?.index).toBe(0);
  });
});
