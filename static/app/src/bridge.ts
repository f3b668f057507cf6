/**
 * The parts of @forge/bridge this app uses, imported file by file. @forge/bridge ships CommonJS only, so
 * importing its index pulls every API (object store, Rovo, feature flags, …) into the first download:
 * about 8 KB gzip of the 100 KB budget. Every UI module imports the bridge from here, never directly.
 * The deep paths are resolved by the alias in vite.config.ts and the paths in tsconfig.json.
 */
import { close } from '@forge/bridge/out/view/close';
import { emitReadyEvent } from '@forge/bridge/out/view/emitReadyEvent';
import { getContext } from '@forge/bridge/out/view/getContext';
import { submit } from '@forge/bridge/out/view/submit';
import { theme } from '@forge/bridge/out/view/theme';

export { invoke } from '@forge/bridge/out/invoke/invoke';
export { router } from '@forge/bridge/out/router/router';
export { events } from '@forge/bridge/out/events/events';
export type { FullContext } from '@forge/bridge/out/types';

export const view = { getContext, submit, close, theme, emitReadyEvent };
