/**
 * What the host page needs to relay @forge/bridge events (docs/decisions/0019): every macro iframe names
 * its app (manifest.yml app.id), and the page carries the event limits the host page enforces. The relay
 * itself runs in Chromium: test/e2e/page-events.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { FORGE_EVENT_LIMITS } from '../../dev/bridge/event-limits';
import { DEMO_PAGES, DEMO_USERS } from '../../dev/demo-users';
import { LOCAL_APP_ID } from '../../dev/host-page/app-identity';
import { renderHostPage, type HostPageModel } from '../../dev/host-page/render-host-page';
import { FORGE_INVOKE_LIMITS } from '../../dev/invoke-limits';

const manifest = parse(readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8'));

function model(overrides: Partial<HostPageModel> = {}): HostPageModel {
  return {
    page: DEMO_PAGES['1001']!,
    user: DEMO_USERS.anonymous,
    locale: 'sv',
    colorMode: 'light',
    appOrigin: 'http://127.0.0.1:4700',
    macros: [
      { localId: 'a', moduleKey: 'rollout-status', frameUrl: 'http://127.0.0.1:4700/forge/resource/main/index.html?instance=1' },
      { localId: 'b', moduleKey: 'roadmap', frameUrl: 'http://127.0.0.1:4700/forge/resource/main/index.html?instance=2' },
    ],
    buildMissing: false,
    ...overrides,
  };
}

const attr = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
const meta = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1]?.replace(/&quot;/g, '"');

describe('the host page and events', () => {
  it('names the app of every macro iframe, from manifest.yml', () => {
    expect(LOCAL_APP_ID).toBe(manifest.app.id);
    const html = renderHostPage(model());
    expect(attr(html, 'data-forge-app')).toEqual([LOCAL_APP_ID, LOCAL_APP_ID]);
    expect(meta(html, 'forge-app-id')).toBe(LOCAL_APP_ID);
  });

  it('can render the macros of another app id', () => {
    const html = renderHostPage(model({ appId: 'ari:cloud:ecosystem::app/other' }));
    expect(attr(html, 'data-forge-app')).toEqual(['ari:cloud:ecosystem::app/other', 'ari:cloud:ecosystem::app/other']);
  });

  it('carries the event limits for host.js: the invoke payload limit (Forge documents none for events) and a name bound', () => {
    const html = renderHostPage(model());
    expect(JSON.parse(meta(html, 'forge-event-limits')!)).toEqual({ payloadBytes: FORGE_INVOKE_LIMITS.payloadBytes, nameLength: 256 });
    expect(FORGE_EVENT_LIMITS.payloadBytes).toBe(500 * 1024);
    expect(Object.isFrozen(FORGE_EVENT_LIMITS)).toBe(true);
  });

});
