import type { Participant } from '@shared/model';
import { chooserGroups, chooserOptions, chosenFirst, chosenParticipant } from '../../../static/app/src/shell/region-order';

const regions: Participant[] = [
  { code: '01', name: 'Region Stockholm', short: 'Stockholm' },
  { code: '03', name: 'Region Uppsala', short: 'Uppsala' },
  { code: '12', name: 'Region Skåne', short: 'Skåne' },
  { code: '14', name: 'Västra Götalandsregionen', short: 'Västra Götaland' },
  { code: '10', name: 'Region Blekinge', short: 'Blekinge' },
];
const code = (p: Participant) => p.code;

describe('chosenFirst', () => {
  it('moves the chosen participant to the front and keeps the others in their order', () => {
    expect(chosenFirst(regions, '12', code).map(code)).toEqual(['12', '01', '03', '14', '10']);
    expect(chosenFirst(regions, '10', code).map(code)).toEqual(['10', '01', '03', '12', '14']);
  });

  it('answers the same array when nothing moves, so memoised rows keep their identity', () => {
    expect(chosenFirst(regions, null, code)).toBe(regions);
    expect(chosenFirst(regions, '01', code)).toBe(regions);
    expect(chosenFirst(regions, '99', code)).toBe(regions);
  });

  it('does not change the array it is given', () => {
    const before = regions.map(code);
    chosenFirst(regions, '14', code);
    expect(regions.map(code)).toEqual(before);
  });
});

describe('chosenParticipant', () => {
  it('applies only a code the programme has', () => {
    expect(chosenParticipant(regions, '12')?.name).toBe('Region Skåne');
    expect(chosenParticipant(regions, '0180')).toBeNull();
    expect(chosenParticipant(regions, null)).toBeNull();
    expect(chosenParticipant(regions, '')).toBeNull();
  });
});

describe('chooserOptions', () => {
  it('lists the participants alphabetically in the reader’s language (å, ä, ö last in Swedish)', () => {
    const names = chooserOptions(regions, 'sv').map((p) => p.name);
    expect(names).toEqual(['Region Blekinge', 'Region Skåne', 'Region Stockholm', 'Region Uppsala', 'Västra Götalandsregionen']);
    const aring = chooserOptions(
      [
        { code: 'a', name: 'Ödeshög', short: '' },
        { code: 'b', name: 'Åre', short: '' },
        { code: 'c', name: 'Älmhult', short: '' },
        { code: 'd', name: 'Alingsås', short: '' },
      ],
      'sv',
    ).map((p) => p.name);
    expect(aring).toEqual(['Alingsås', 'Åre', 'Älmhult', 'Ödeshög']);
  });
});

describe('chooserGroups (decision 0027)', () => {
  it('is null when no participant has a group, so regions stay one flat list', () => {
    expect(chooserGroups(regions, 'sv')).toBeNull();
  });

  it('groups municipalities by county, counties and names alphabetical, the ungrouped last', () => {
    const municipalities: Participant[] = [
      { code: '1280', name: 'Malmö', short: 'Malmö', group: '12' },
      { code: '0180', name: 'Stockholm', short: 'Stockholm', group: '01' },
      { code: '1214', name: 'Svalöv', short: 'Svalöv', group: '12' },
      { code: '1281', name: 'Lund', short: 'Lund', group: '12' },
      { code: 'X', name: 'Annan', short: 'Annan' },
    ];
    const groups = chooserGroups(municipalities, 'sv')!;
    expect(groups.map((g) => [g.code, g.name, g.participants.map((p) => p.name)])).toEqual([
      ['12', 'Skåne', ['Lund', 'Malmö', 'Svalöv']],
      ['01', 'Stockholm', ['Stockholm']],
      ['', '', ['Annan']],
    ]);
  });
});

describe('chosenFirst with a county (decision 0027)', () => {
  const municipalities: Participant[] = [
    { code: '0114', name: 'Upplands Väsby', short: 'Upplands Väsby', group: '01' },
    { code: '0305', name: 'Håbo', short: 'Håbo', group: '03' },
    { code: '0180', name: 'Stockholm', short: 'Stockholm', group: '01' },
    { code: '0380', name: 'Uppsala', short: 'Uppsala', group: '03' },
  ];

  it('moves every chosen code to the front, each part in its order', () => {
    expect(chosenFirst(municipalities, ['0305', '0380'], code).map(code)).toEqual(['0305', '0380', '0114', '0180']);
    expect(chosenFirst(municipalities, ['0114', '0180'], code).map(code)).toEqual(['0114', '0180', '0305', '0380']);
  });

  it('answers the same array when the chosen ones already lead, are absent or none', () => {
    expect(chosenFirst(municipalities, ['0114'], code)).toBe(municipalities);
    expect(chosenFirst(municipalities, ['9999'], code)).toBe(municipalities);
    expect(chosenFirst(municipalities, [], code)).toBe(municipalities);
  });
});
