import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const sharedDir = fileURLToPath(new URL('../../src/shared', import.meta.url));
// src/bridge.ts imports @forge/bridge file by file; its package "exports" only expose the index.
const bridgeOutDir = fileURLToPath(new URL('../../node_modules/@forge/bridge/out/', import.meta.url));

export default defineConfig({
  root: appRoot,
  // Forge serves the resource under an app-specific path, so every asset URL must be relative.
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@shared', replacement: sharedDir },
      { find: /^@forge\/bridge\/out\//, replacement: bridgeOutDir },
      // The bridge's getContext needs only ensureLocale from @forge/i18n; its index also drags in tslib,
      // lodash and the translation loader (about 4 KB gzip). The browser test of getContext covers this.
      { find: /^@forge\/i18n$/, replacement: '@forge/i18n/out/ensureLocale.js' },
    ],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2022',
    // Forge's CSP forbids inline scripts and styles: never inline assets as data: URLs either.
    assetsInlineLimit: 0,
    sourcemap: false,
    // Forge renders in evergreen browsers, which all support <link rel=modulepreload>.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    // build/.vite/manifest.json: lets scripts/bundle-size.ts sum each view's initial download.
    manifest: true,
  },
});
