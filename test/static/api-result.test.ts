import { toResult, transportError } from '../../static/app/src/api-result';

describe('toResult', () => {
  it('passes a success through', () => {
    expect(toResult({ ok: true, data: { a: 1 } })).toEqual({ ok: true, data: { a: 1 } });
  });

  it('passes a typed error through unchanged, so the UI can translate its code and reason', () => {
    const error = { code: 'PERMISSION', message: 'no', reason: 'anonymous' };
    expect(toResult({ ok: false, error })).toEqual({ ok: false, error });
  });

  it.each([undefined, null, 'oops', 42, {}, { ok: false }, { ok: false, error: 'boom' }, { ok: 'yes' }])(
    'turns the malformed answer %p into an INTERNAL error instead of crashing',
    (raw) => {
      const result = toResult(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INTERNAL');
    },
  );
});

describe('transportError', () => {
  it('calls a rate-limited invoke RATE_LIMITED, whose text says to try again in a minute', () => {
    for (const cause of [new Error('Rate limit exceeded'), new Error('HTTP 429'), 'Too Many Requests']) {
      expect(transportError('invoke getDetails', cause).error.code).toBe('RATE_LIMITED');
    }
  });

  it('calls any other failed invoke INTERNAL, keeping the cause for developers', () => {
    const result = transportError('invoke getDetails', new Error('There was an error invoking the function'));
    expect(result.error).toEqual({ code: 'INTERNAL', message: 'invoke getDetails failed: There was an error invoking the function' });
  });
});
