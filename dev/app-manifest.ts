/**
 * The app's own manifest.yml, as the local host reads it: the entities the KVS knows and the scopes the
 * runtime grants. Both come from the one file `forge deploy` ships, so the local host can never grant more
 * than a site would.
 */
import { join } from 'node:path';
import { loadScopes } from './kvs/manifest';

export const APP_MANIFEST_PATH = join(__dirname, '..', 'manifest.yml');

/** The scopes manifest.yml asks for; the local runtime grants these and nothing else. */
export const APP_SCOPES: readonly string[] = Object.freeze(loadScopes(APP_MANIFEST_PATH));
