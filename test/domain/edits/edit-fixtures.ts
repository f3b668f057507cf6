/** An edit context with a fixed clock and predictable ids, so edit outcomes can be compared exactly. */
import type { EditContext } from '../../../src/domain/edits';

export function editContext(overrides: Partial<EditContext> = {}): EditContext {
  let n = 0;
  return {
    by: 'acc-editor',
    byName: 'Eva Redaktör',
    at: '2026-11-22T12:00:00.000Z',
    newId: () => `id-${++n}`,
    ...overrides,
  };
}
