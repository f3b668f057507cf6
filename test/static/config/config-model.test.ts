import type { InitiativeHeader, MacroView } from '../../../src/shared/contract';
import { DEFAULT_CONFIG, configFromForm, formFromConfig, initiativesOf, validateConfigForm } from '../../../static/app/src/config/config-model';
import { macroConfigSchema } from '../../../src/shared/schemas';

describe('macro config form', () => {
  it('round-trips a saved config', () => {
    const saved = { programmeId: 'p1', perspective: 'region' as const, regionCode: '01', layout: 'regions-as-rows' as const, showArchived: true };
    expect(configFromForm(formFromConfig(saved))).toEqual(saved);
  });

  it('stores only what the chosen perspective uses', () => {
    const form = { ...formFromConfig(DEFAULT_CONFIG), regionCode: '01', initiativeId: 'kbt' };
    expect(configFromForm({ ...form, perspective: 'programme' })).toEqual({ perspective: 'programme', layout: 'initiatives-as-rows', showArchived: false });
    expect(configFromForm({ ...form, perspective: 'region' })).toMatchObject({ regionCode: '01' });
    expect(configFromForm({ ...form, perspective: 'region' })).not.toHaveProperty('initiativeId');
    expect(configFromForm({ ...form, perspective: 'initiative' })).not.toHaveProperty('regionCode');
  });

  it('leaves the programme out for "this space", instead of saving an empty id', () => {
    expect(configFromForm(formFromConfig(DEFAULT_CONFIG))).not.toHaveProperty('programmeId');
  });

  it('produces configs the shared schema accepts as they are', () => {
    const config = configFromForm({ ...formFromConfig(DEFAULT_CONFIG), perspective: 'initiative', initiativeId: 'kbt', programmeId: 'p9' });
    expect(macroConfigSchema.parse(config)).toEqual(config);
  });

  it('requires the region or initiative its perspective needs', () => {
    const form = formFromConfig(DEFAULT_CONFIG);
    expect(validateConfigForm(form)).toEqual({});
    expect(validateConfigForm({ ...form, perspective: 'region' })).toEqual({ regionCode: 'required' });
    expect(validateConfigForm({ ...form, perspective: 'initiative' })).toEqual({ initiativeId: 'required' });
    expect(validateConfigForm({ ...form, perspective: 'initiative', initiativeId: 'x' })).toEqual({});
  });
});

describe('the roadmap range in the config form (decision 0023)', () => {
  const form = formFromConfig(DEFAULT_CONFIG);

  it('stores the years typed, and nothing when left empty', () => {
    expect(configFromForm({ ...form, rangeFromYear: '2026', rangeToYear: ' 2029 ' })).toMatchObject({ rangeFromYear: 2026, rangeToYear: 2029 });
    expect(configFromForm(form)).not.toHaveProperty('rangeFromYear');
    expect(configFromForm(formFromConfig({ ...DEFAULT_CONFIG, rangeFromYear: 2024, rangeToYear: 2025 }))).toMatchObject({ rangeFromYear: 2024, rangeToYear: 2025 });
    const config = configFromForm({ ...form, rangeFromYear: '2026' });
    expect(macroConfigSchema.parse(config)).toEqual(config);
  });

  it('names a malformed year, an end before the start and a range over six years', () => {
    expect(validateConfigForm({ ...form, rangeFromYear: '26' })).toEqual({ rangeFromYear: 'year' });
    expect(validateConfigForm({ ...form, rangeToYear: '2101' })).toEqual({ rangeToYear: 'year' });
    expect(validateConfigForm({ ...form, rangeFromYear: '2028', rangeToYear: '2027' })).toEqual({ rangeToYear: 'order' });
    expect(validateConfigForm({ ...form, rangeFromYear: '2025', rangeToYear: '2031' })).toEqual({ rangeToYear: 'span' });
    expect(validateConfigForm({ ...form, rangeFromYear: '2025', rangeToYear: '2030' })).toEqual({});
    // A refused range is never stored.
    expect(configFromForm({ ...form, rangeFromYear: '2025', rangeToYear: '2031' })).not.toHaveProperty('rangeToYear');
  });
});

describe('initiativesOf', () => {
  const header = (id: string) => ({ id, name: id }) as InitiativeHeader;

  it('lists the initiatives of any macro view', () => {
    expect(initiativesOf({ macro: 'rollout-status', rows: [{ initiative: header('a') }], statusTotals: {}, stale: [] } as unknown as MacroView).map((i) => i.id)).toEqual(['a']);
    expect(initiativesOf({ macro: 'roadmap', quarters: [], initiatives: [{ initiative: header('b'), regions: [] }] } as unknown as MacroView).map((i) => i.id)).toEqual(['b']);
  });
});
