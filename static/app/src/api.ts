import { invoke as bridgeInvoke } from './bridge';
import type { ResolverName, ResolverPayload, ResolverResponse, ResolverWire } from '@shared/contract';
import { toResult, transportError } from './api-result';
import { unpackResponse } from '@shared/view-wire';

/**
 * The one way the UI calls the backend: typed by the shared contract, and it never throws. A transport
 * failure resolves to { ok: false, error: { code: 'INTERNAL' } } (RATE_LIMITED when rate limited) so every caller
 * handles one shape.
 */
export async function invoke<N extends ResolverName>(name: N, payload: ResolverPayload<N>): Promise<ResolverResponse<N>> {
  try {
    const raw = await bridgeInvoke<unknown>(name, payload as Record<string, unknown>);
    const result = toResult<ResolverWire<N>>(raw);
    return (result.ok ? { ok: true, data: unpackResponse(name, result.data) } : result) as ResolverResponse<N>;
  } catch (e) {
    return transportError(`invoke ${name}`, e) as ResolverResponse<N>;
  }
}
