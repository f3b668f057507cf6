import type { AppError } from '../../../src/shared/errors';
import type { UpdateCellInput } from '../../../src/shared/schemas';
import { conflictFields, keepMine, withoutConflicting } from '../../../static/app/src/editing/conflict';

const sent: UpdateCellInput = {
  initiativeId: 'kbt',
  regionCode: '01',
  patch: { status: 'pilot', note: 'Startar i mars' },
  expected: { status: 'planning', note: '' },
};
const error: AppError = {
  code: 'CONFLICT',
  message: 'changed meanwhile',
  conflictingFields: ['status'],
  current: { status: 'rollout' },
};

describe('conflict handling', () => {
  it('lists each conflicting field with my value and the stored one', () => {
    expect(conflictFields(error, sent)).toEqual([{ field: 'status', mine: 'pilot', current: 'rollout' }]);
  });

  it('"keep mine" resends my patch, now expecting the stored value for the conflicting field only', () => {
    expect(keepMine(error, sent)).toEqual({
      initiativeId: 'kbt',
      regionCode: '01',
      patch: { status: 'pilot', note: 'Startar i mars' },
      expected: { status: 'rollout', note: '' },
    });
  });

  it('falls back to the fields in `current` when the server does not name them', () => {
    const bare: AppError = { code: 'CONFLICT', message: 'x', current: { note: 'Annan text' } };
    expect(conflictFields(bare, sent)).toEqual([{ field: 'note', mine: 'Startar i mars', current: 'Annan text' }]);
  });
});

describe('"use the current value"', () => {
  it('keeps my other, non-conflicting changes', () => {
    expect(withoutConflicting(error, sent)).toEqual({
      initiativeId: 'kbt',
      regionCode: '01',
      patch: { note: 'Startar i mars' },
      expected: { note: '' },
    });
  });

  it('has nothing left to send when every changed field conflicted', () => {
    const all: AppError = { ...error, conflictingFields: ['status', 'note'], current: { status: 'rollout', note: 'x' } };
    expect(withoutConflicting(all, sent)).toBeNull();
  });
});
