/**
 * Serving the production Custom UI build into a macro iframe the way Forge's CDN does: the build's own
 * index.html with the bridge script put in front of the app's script (at serve time; the build on disk
 * is never changed), under a strict Content-Security-Policy.
 *
 * The CSP: Forge blocks whatever it considers unsafe unless the manifest's `permissions.content` opts
 * in ("Add content security and egress controls": inline CSS needs `styles: ['unsafe-inline']`), and
 * lets the iframe reach outside only where `permissions.external` says. So the policy here is 'self'
 * plus exactly what the manifest declares. Images and fonts may also be data:/blob: URLs (Forge
 * allows blob: only when declared for scripts; the images/fonts allowance is this host's assumption).
 */
import type { ForgeManifest } from '../invoke-runner';

export function appFrameCsp(manifest: Pick<ForgeManifest, 'content' | 'external'>, hostOrigin: string): string {
  const ext = (kind: string) => (manifest.external[kind] ?? []).map(quoteSource);
  const content = (list: string[]) => list.map(quoteSource);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...content(manifest.content.scripts), ...ext('scripts')]],
    ['style-src', ["'self'", ...content(manifest.content.styles), ...ext('styles')]],
    ['img-src', ["'self'", 'data:', 'blob:', ...ext('images')]],
    ['font-src', ["'self'", 'data:', ...ext('fonts')]],
    ['media-src', ["'self'", ...ext('media')]],
    ['connect-src', ["'self'", ...ext('fetch')]],
    ['frame-src', ext('frames').length ? ext('frames') : ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', [hostOrigin]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Keywords are quoted in CSP ('unsafe-inline'); hosts and schemes are not. */
function quoteSource(source: string): string {
  const bare = source.replace(/^'(.*)'$/, '$1');
  return /^(unsafe-inline|unsafe-eval|unsafe-hashes|self|none|strict-dynamic|wasm-unsafe-eval)$/.test(bare) ? `'${bare}'` : bare;
}

export interface FrameHostData {
  instance: string;
  hostOrigin: string;
  themeAttribute: string;
  context: Record<string, unknown>;
}

/**
 * Puts the host data (a JSON data block, which CSP does not treat as script) and the bridge script at
 * the very start of <head>, so `window.__bridge` exists before any of the app's modules load.
 */
export function injectBridge(indexHtml: string, data: FrameHostData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const injected = `<script type="application/json" id="__forge_host_context">${json}</script><script src="/__forge/bridge.js"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(indexHtml);
  if (!head) throw new Error('The built index.html has no <head>');
  const at = head.index + head[0].length;
  return indexHtml.slice(0, at) + injected + indexHtml.slice(at);
}
