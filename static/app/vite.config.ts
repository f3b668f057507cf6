import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { localeSplit } from './scripts/locale-split';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const sharedDir = fileURLToPath(new URL('../../src/shared', import.meta.url));
// src/bridge.ts imports @forge/bridge file by file; its package "exports" only expose the index.
const bridgeOutDir = fileURLToPath(new URL('../../node_modules/@forge/bridge/out/', import.meta.url));
// emitReadyEvent.js reads getContext through view/view.js, the bridge's whole view API (open, refresh,
// createHistory, the ADF renderer, …: about 1.5 KB gzip). Give it a view that holds only getContext.
const readyEventView = fileURLToPath(new URL('./src/shell/ready-event-view.ts', import.meta.url));

export default defineConfig({
  root: appRoot,
  // Forge serves the resource under an app-specific path, so every asset URL must be relative.
  base: './',
  plugins: [
    react(),
    // English tables in chunks of their own, loaded only for English readers (decision 0033).
    localeSplit({
      srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
      localeTables: fileURLToPath(new URL('./src/i18n/locale-tables.ts', import.meta.url)),
    }),
    {
      name: 'forge-ready-event-view',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === './view' && importer?.replaceAll('\\', '/').endsWith('@forge/bridge/out/view/emitReadyEvent.js')) return readyEventView;
        return null;
      },
    },
  ],
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically goes into the entry chunk. Left alone, rolldown splits
          // what the lazy chunks share with it into a dozen small chunks, and each file gzips on its own:
          // about 2 KB gzip more for the first download (scripts/bundle-size.ts sums the files).
          groups: [
            { name: 'index', tags: ['$initial'], priority: 2 },
            // The small components most views draw in their first screen, in one chunk rather than one
            // file each (about 0.7 KB gzip less for technical-needs and support-plan; issue 7).
            {
              name: 'view-common',
              test: /src[\\/]components[\\/](empty-state|stale-marker|lazy-details|skeleton|inline-error|status-lozenge|scroll-region)\./,
              priority: 1,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
});
