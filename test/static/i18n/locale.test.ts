import { resolveLocale, safeTimeZone } from '../../../static/app/src/i18n/locale';

describe('resolveLocale', () => {
  it.each([
    ['sv-SE', 'sv'],
    ['sv', 'sv'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en_GB', 'en'],
    ['EN-us', 'en'],
  ])('reads %s as %s', (raw, expected) => {
    expect(resolveLocale(raw)).toBe(expected);
  });

  it.each(['de-DE', 'fi-FI', 'nb-NO', '', 'english'])('falls back to Swedish for %p', (raw) => {
    expect(resolveLocale(raw)).toBe('sv');
  });

  it('falls back to Swedish when the context has no locale', () => {
    expect(resolveLocale(undefined)).toBe('sv');
    expect(resolveLocale(null)).toBe('sv');
  });
});

describe('safeTimeZone', () => {
  it('keeps a real IANA zone and drops an unknown one', () => {
    expect(safeTimeZone('Europe/Stockholm')).toBe('Europe/Stockholm');
    expect(safeTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(safeTimeZone(undefined)).toBeUndefined();
  });
});
