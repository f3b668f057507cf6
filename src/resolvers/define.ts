/**
 * The one way to define a resolver: authorise → validate → run, always answering Result<T>.
 *
 * The payload schema's input type must match the contract's payload and `run` must return the contract's
 * response, so renaming a resolver or a field in src/shared/contract.ts breaks the build here. Expected
 * failures (AppFailure) become typed errors; anything else becomes INTERNAL without details, so no stack
 * trace or storage message reaches a public page. Large responses are packed for the wire (view-wire.ts).
 */
import Resolver from '@forge/resolver';
import type { z } from 'zod';
import { RESOLVER_NAMES, type ResolverContract, type ResolverName, type ResolverPayload, type ResolverWireResponse } from '../shared/contract';
import { AppFailure, fail } from '../shared/errors';
import { packResponse } from '../shared/view-wire';
import { readCallContext, type CallContext } from './call-context';
import { validationIssues } from './validation-issues';

export interface ResolverSpec<N extends ResolverName, Input, Access> {
  /** Runs first: decides from the call context alone whether the caller may do this here. */
  authorise: (call: CallContext) => Promise<Access>;
  payload: z.ZodType<Input, ResolverPayload<N>>;
  /**
   * `raw` is the payload as it came, before the schema trimmed or defaulted anything: only for checks over
   * the bytes the user sent (a backup's digests), never to read values from.
   */
  run: (input: Input, access: Access, call: CallContext, raw: unknown) => Promise<ResolverContract[N]['response']>;
}

export type ResolverFunction<N extends ResolverName> = (payload: unknown, context: Record<string, unknown> | undefined) => Promise<ResolverWireResponse<N>>;

function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    fail('VALIDATION', 'The request is not valid', { issues: validationIssues(parsed.error) });
  }
  return parsed.data;
}

export function defineResolver<N extends ResolverName, Input, Access>(name: N, spec: ResolverSpec<N, Input, Access>): ResolverFunction<N> {
  return async (payload, context) => {
    try {
      const call = readCallContext(context);
      const access = await spec.authorise(call);
      const input = parsePayload(spec.payload, payload);
      return { ok: true, data: packResponse(name, await spec.run(input, access, call, payload)) };
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.error };
      console.error(`Resolver ${name} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; please try again' } };
    }
  };
}

/** Every resolver of the contract, exactly once. */
export type ResolverTable = { [N in ResolverName]: ResolverFunction<N> };

export function toForgeHandler(table: ResolverTable) {
  const resolver = new Resolver();
  for (const name of RESOLVER_NAMES) {
    const run = table[name] as ResolverFunction<typeof name>;
    resolver.define(name, (req) => run(req.payload, req.context));
  }
  return resolver.getDefinitions();
}
