/**
 * The opaque tokens that tie an iframe to what the host page rendered it for: which macro on which page,
 * for which signed-in demo user, in which language and colour mode. The host page issues one per iframe;
 * the iframe can only hand it back. The user comes from the host session at render time, so nothing an
 * iframe sends can change who it acts as.
 */
import { randomBytes } from 'node:crypto';
import type { DemoUserId } from '../demo-users';
import type { ColorMode, HostLocale } from '../invoke-runner';

export interface IssuedInstance {
  token: string;
  pageId: string;
  localId: string;
  moduleKey: string;
  userId: DemoUserId;
  locale: HostLocale;
  colorMode: ColorMode;
  /** The config dialog rather than the macro itself. */
  isConfiguring: boolean;
  /** Set for a space page (confluence:spacePage) of this space instead of a macro; pageId and localId are then ''. */
  spaceKey?: string;
  /** The origin of the host page that embeds the iframe (postMessage target, frame-ancestors). */
  hostOrigin: string;
  siteUrl: string;
  issuedAt: number;
}

/** Enough for many page loads; the oldest tokens go first (their pages have long been reloaded). */
const MAX_INSTANCES = 10_000;

export class MacroInstanceRegistry {
  private readonly byToken = new Map<string, IssuedInstance>();

  issue(fields: Omit<IssuedInstance, 'token' | 'issuedAt'>): IssuedInstance {
    const token = randomBytes(18).toString('base64url');
    const instance: IssuedInstance = { ...fields, token, issuedAt: Date.now() };
    this.byToken.set(token, instance);
    if (this.byToken.size > MAX_INSTANCES) {
      const oldest = this.byToken.keys().next().value;
      if (oldest !== undefined) this.byToken.delete(oldest);
    }
    return instance;
  }

  get(token: unknown): IssuedInstance | undefined {
    return typeof token === 'string' ? this.byToken.get(token) : undefined;
  }
}
