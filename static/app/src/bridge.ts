/**
 * The parts of @forge/bridge this app uses, imported file by file. @forge/bridge ships CommonJS only, so
 * importing its index pulls every API (object store, Rovo, feature flags, …) into the first download:
 * about 8 KB gzip of the 100 KB budget. Every UI module imports the bridge from here, never directly.
 * The deep paths are resolved by the alias in vite.config.ts and the paths in tsconfig.json.
 */
import { emitReadyEvent } from '@forge/bridge/out/view/emitReadyEvent';
import { getContext } from '@forge/bridge/out/view/getContext';
import { theme } from '@forge/bridge/out/view/theme';

export { invoke } from '@forge/bridge/out/invoke/invoke';
export { router } from '@forge/bridge/out/router/router';
export { events } from '@forge/bridge/out/events/events';
export type { FullContext } from '@forge/bridge/out/types';

// Only the config dialog submits or closes: that code loads when it is used, not with every macro.
// (Importing a CommonJS file keeps all of it, used or not.)
const submit = async (payload?: unknown): Promise<void> => (await import('@forge/bridge/out/view/submit')).submit(payload);
const close = async (payload?: unknown): Promise<void> => (await import('@forge/bridge/out/view/close')).close(payload);

export const view = { getContext, submit, close, theme, emitReadyEvent };
