/** A call that must be refused: its typed error, after checking that the store is exactly as it was (a KVS snapshot). */
import type { DemoUserId } from '../../dev/demo-users';
import type { ResolverName } from '../../src/shared/contract';
import type { AppError } from '../../src/shared/errors';
import type { Harness, InvokeOptions } from './forge-harness';

export async function refusedCall(h: Harness, user: DemoUserId, name: ResolverName, payload: unknown, options?: InvokeOptions): Promise<AppError> {
  const before = h.kvs.snapshot();
  const response = await h.invoke(user, name, payload, options);
  expect(h.kvs.snapshot()).toEqual(before);
  if (response.ok) throw new Error(`Expected ${name} to be refused`);
  return response.error;
}
