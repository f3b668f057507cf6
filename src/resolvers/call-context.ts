/**
 * What a resolver may trust: only `req.context`, as Forge builds it. Ids that decide access (account, page,
 * space, configured programme) are read from here and never from the payload.
 */
import type { Capabilities } from '../shared/contract';
import { parseMacroConfig, type MacroConfig } from '../shared/schemas';
import { MACRO_KEYS, type Locale, type MacroKey } from '../shared/vocabulary';

export interface CallContext {
  /** Null for anonymous visitors (Forge says 'unidentified', or gives no account at all). */
  accountId: string | null;
  accountType: Capabilities['accountType'];
  /** The page the macro sits on; null when not called from a macro. */
  pageId: string | null;
  spaceKey: string | null;
  /** The space's numeric id (Confluence REST v2 addresses spaces by id); null when the context has none. */
  spaceId: string | null;
  /** The macro's module key; null when called from anything else. */
  macro: MacroKey | null;
  config: MacroConfig;
  locale: Locale;
  /**
   * The installation (Forge's installContext). Warm processes are shared across installations, so anything
   * kept in memory is partitioned by it.
   */
  installation: string;
}

const ACCOUNT_TYPES: ReadonlyArray<Capabilities['accountType']> = ['licensed', 'unlicensed', 'customer', 'anonymous'];

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function readCallContext(context: Record<string, unknown> | undefined): CallContext {
  const ctx = context ?? {};
  const extension = (ctx.extension ?? {}) as {
    content?: { id?: unknown };
    space?: { key?: unknown; id?: unknown };
    config?: unknown;
  };
  const rawAccountId = text(ctx.accountId);
  const claimedType = ACCOUNT_TYPES.find((t) => t === ctx.accountType);
  const anonymous = claimedType === 'anonymous' || rawAccountId === null || rawAccountId === 'unidentified';
  const moduleKey = MACRO_KEYS.find((k) => k === ctx.moduleKey);
  return {
    accountId: anonymous ? null : rawAccountId,
    accountType: anonymous ? 'anonymous' : (claimedType ?? 'licensed'),
    pageId: text(extension.content?.id),
    spaceKey: text(extension.space?.key),
    spaceId: typeof extension.space?.id === 'number' ? String(extension.space.id) : text(extension.space?.id),
    macro: moduleKey ?? null,
    config: parseMacroConfig(extension.config),
    locale: typeof ctx.locale === 'string' && ctx.locale.toLowerCase().startsWith('en') ? 'en' : 'sv',
    installation: text(ctx.installContext) ?? 'unknown-installation',
  };
}
