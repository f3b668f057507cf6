/**
 * Which app a macro iframe belongs to, as the host page knows it: the app id from manifest.yml. The host
 * page relays an app's `events.emit` only to iframes of the same app (Forge: "different Custom UI
 * extensions within the same app"), so every iframe carries it in `data-forge-app`.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { APP_MANIFEST_PATH } from '../app-manifest';

function readAppId(): string {
  const manifest = parse(readFileSync(APP_MANIFEST_PATH, 'utf8')) as { app?: { id?: unknown } } | null;
  const id = manifest?.app?.id;
  if (typeof id !== 'string' || id === '') throw new Error(`${APP_MANIFEST_PATH} has no app.id`);
  return id;
}

export const LOCAL_APP_ID: string = readAppId();
