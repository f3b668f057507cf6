/**
 * The limits the local host puts on @forge/bridge `events` (emit / on, emitPublic / onPublic), in one
 * place: the host page reads them from a meta tag (render-host-page.ts) and refuses an event over them.
 *
 * Forge documents no limit for events (developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/events/
 * gives the signatures only), so these are chosen here (docs/decisions/0019):
 * - the payload is measured as invoke payloads are (dev/invoke-limits.ts): the UTF-8 bytes of its JSON
 *   text, after @forge/bridge has turned any Blob into base64 ({ data, type, __isBlobData }); the bound is
 *   the one documented number for a message from a Custom UI iframe through the bridge, the 500 KB invoke
 *   payload limit;
 * - the payload must be plain JSON (null, booleans, finite numbers, strings, arrays, plain objects): a
 *   Date, Map, class instance, function, NaN or a cycle is refused rather than silently changed;
 * - an event name is a non-empty string of at most 256 characters.
 */
import { FORGE_INVOKE_LIMITS } from '../invoke-limits';

export interface EventLimits {
  /** The JSON text of one event's payload, in UTF-8 bytes. */
  payloadBytes: number;
  /** The event name, in UTF-16 code units (string length). */
  nameLength: number;
}

export const FORGE_EVENT_LIMITS: Readonly<EventLimits> = Object.freeze({
  payloadBytes: FORGE_INVOKE_LIMITS.payloadBytes,
  nameLength: 256,
});
