/**
 * Forge's invocation limits for a Custom UI `invoke`, in one place: the invoke runner enforces them, the
 * server reports them, and tests lower them (InvokeRunnerOptions.limits) so they need not wait 25 s.
 *
 * Sources: developer.atlassian.com "Invocation limits" (runtime 25 s for UI modules, "Maximum runtime
 * permitted before the app is stopped") and architecture.md's table of Forge's documented numbers
 * (request payload 500 KB, response 5 MB).
 *
 * Not documented, so chosen here (docs/decisions/0018):
 * - KB and MB are binary (1,024 and 1,048,576 bytes), as elsewhere in this host (the KVS's 10 KB unit,
 *   its 4 MB transaction limit) and as the one byte count on record for the response limit (Forge's
 *   GraphQL gateway refuses responses over 5,242,880 bytes, reported on the Atlassian developer
 *   community);
 * - a size is the UTF-8 bytes of the JSON text (JSON.stringify) of the payload, or of the value the
 *   function returned;
 * - what the Custom UI caller sees: Forge does not say, so the bridge's invoke promise rejects with an
 *   Error whose message names the limit.
 */

export interface InvokeLimits {
  /** The `payload` of one invoke, as JSON in UTF-8. */
  payloadBytes: number;
  /** What the resolver function returns, as JSON in UTF-8. */
  responseBytes: number;
  /** How long the function may run before Forge stops it. */
  timeoutMs: number;
}

export const FORGE_INVOKE_LIMITS: Readonly<InvokeLimits> = Object.freeze({
  payloadBytes: 500 * 1024,
  responseBytes: 5 * 1024 * 1024,
  timeoutMs: 25_000,
});

/** The size Forge's limits are measured in: the UTF-8 bytes of the JSON text. */
export function jsonUtf8Bytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
}

/** Which limit an invocation broke; the server passes it on next to the message. */
export type InvokeLimitCode = 'INVOKE_PAYLOAD_TOO_LARGE' | 'INVOKE_RESPONSE_TOO_LARGE' | 'INVOCATION_TIMEOUT';

const kb = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`);
const mb = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`);
const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

export const invokeLimitMessages = {
  /** `atLeast`: the host stopped reading at `bytes`, so the payload is larger still. */
  payload: (bytes: number, limit: number, atLeast = false) =>
    `Forge invoke payload limit: the payload is ${atLeast ? 'more than ' : ''}${bytes} bytes, over the ${kb(limit)} (${limit} bytes) limit for one invoke. The function was not called.`,
  response: (bytes: number, limit: number) =>
    `Forge invoke response limit: the function returned ${bytes} bytes, over the ${mb(limit)} (${limit} bytes) limit for one invoke. The function ran, but its answer cannot be delivered.`,
  timeout: (limitMs: number) =>
    `Forge invocation time limit: the function ran for more than ${seconds(limitMs)} and was stopped. What it had done by then stays done; anything after it was refused.`,
};
