/** The server's issue kinds in the UI: a form shows them as its own field errors, with the bound. */
import { serverIssuesToFieldErrors } from '../../../static/app/src/editing/form-errors';
import { CELL_FIELD_SHAPES } from '../../../static/app/src/views/rollout-status/cell-form';

describe('server validation issues in a form', () => {
  it('keeps the kind and bound the server found, and falls back to the field shape without one', () => {
    expect(
      serverIssuesToFieldErrors(
        [
          { path: 'patch.note', kind: 'too-long', limit: 2000 },
          { path: 'patch.regionalContact', kind: 'characters' },
          { path: 'patch.pilotEnd', kind: 'year' },
          { path: 'patch.link' },
        ],
        CELL_FIELD_SHAPES,
      ),
    ).toEqual({ note: { kind: 'too-long', max: 2000 }, regionalContact: { kind: 'characters' }, pilotEnd: { kind: 'month' }, link: { kind: 'link' } });
  });
});
