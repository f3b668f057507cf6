import { DENIAL_REASONS, ERROR_CODES, type AppError } from '../../../src/shared/errors';
import { describeDenial, describeError } from '../../../static/app/src/i18n/error-messages';

describe('describeError', () => {
  it.each(ERROR_CODES)('explains %s in both languages with what to do', (code) => {
    const error: AppError = { code, message: 'developer text' };
    const sv = describeError(error, 'sv');
    const en = describeError(error, 'en');
    expect(sv.title).not.toBe('');
    expect(sv.action).not.toBe('');
    expect(sv.title).not.toBe(en.title);
    expect(`${sv.title} ${sv.action}`).not.toContain('developer text');
  });

  it('prefers the denial reason over the bare code, so a reader learns why', () => {
    const text = describeError({ code: 'PERMISSION', message: 'x', reason: 'no-page-edit' }, 'sv');
    expect(text.title).toBe('Du har inte behörighet att redigera den här sidan.');
    expect(text.action).toBe('Be sidans ägare om redigeringsbehörighet.');
    expect(describeError({ code: 'PERMISSION', message: 'x', reason: 'other-space' }, 'en').title).toMatch(/another space/);
  });

  it('tells the editor their input is kept on a conflict', () => {
    expect(describeError({ code: 'CONFLICT', message: 'x' }, 'sv').action).toMatch(/Det du skrev finns kvar/);
  });

  it('gives every denial reason its own text', () => {
    const titles = DENIAL_REASONS.map((r) => describeDenial(r, 'sv').title);
    expect(new Set(titles).size).toBe(DENIAL_REASONS.length);
  });

  it('falls back to the internal-error text for a code it does not know', () => {
    const text = describeError({ code: 'BOGUS' as never, message: 'x' }, 'en');
    expect(text.title).toMatch(/Something went wrong/);
  });
});
