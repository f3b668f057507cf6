// ESLint 9 flat config. Correctness and the house rules only: formatting is not linted.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const FRONTEND = 'static/**/*.{ts,tsx}';

/** React escapes by construction; raw HTML would let programme data reach a public page as markup. */
const noRawHtml = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No dangerouslySetInnerHTML: render data through React, which escapes it.',
  },
  {
    selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
    message: 'No innerHTML/outerHTML: render data through React, which escapes it.',
  },
];

const VIEWS_DIR = fileURLToPath(new URL('static/app/src/views', import.meta.url));

/** The view folder (views/<name>/) a path is in, or null for anything else (the shared views/*.ts(x) helpers included). */
function viewOf(path) {
  const rel = relative(VIEWS_DIR, path);
  if (rel.startsWith('..') || !rel.includes(sep)) return null;
  return rel.split(sep)[0];
}

/**
 * One macro's view never depends on another's (architecture.md, "The UI"): what two views share lives in
 * components/, editing/, details/, i18n/, shell/ or @shared, or in the helpers directly in views/. Shared
 * modules outside views/ do not import a view either; the shell loads them by glob (view-registry.ts).
 */
const viewBoundaries = {
  meta: {
    type: 'problem',
    messages: {
      otherView: "views/{{from}} imports views/{{to}}: one view never imports another. Move what both need to components/, editing/ or another shared module.",
      sharedToView: 'Shared UI code imports views/{{to}}: views depend on shared modules, never the other way round.',
    },
    schema: [],
  },
  create(context) {
    const from = viewOf(context.filename);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = viewOf(resolve(dirname(context.filename), source.value));
      if (to === null || to === from) return;
      context.report({ node: source, messageId: from === null ? 'sharedToView' : 'otherView', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** Backend modules must not depend on each other the wrong way round (architecture.md, "Layers"). */
const backendForbidden = {
  // Forge's bundler does not read tsconfig paths: the backend imports src/shared by relative path.
  shared: { group: ['@shared', '@shared/*'], message: 'Backend code imports src/shared by relative path (docs/decisions/0007).' },
  kvs: { name: '@forge/kvs', message: 'Only src/storage touches @forge/kvs.' },
  legacyStorage: {
    name: '@forge/api',
    importNames: ['storage'],
    message: 'The storage export of @forge/api was removed in 8.0; use src/storage (@forge/kvs).',
  },
};

export default defineConfig(
  {
    ignores: ['node_modules/', 'static/app/build/', 'coverage/', '.data/', 'test-results/', '.forge/', '.probe/'],
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': ['error', ...noRawHtml],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },

  // Node: the backend, the local Forge host, tests, benchmarks and tool configs.
  {
    files: ['src/**', 'dev/**', 'test/**', 'bench/**', '*.{js,mjs,cjs,ts}', 'static/app/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,cjs}'],
    ignores: ['**/*.mjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Layers: resolvers → domain, storage → shared.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/storage/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [backendForbidden.kvs, backendForbidden.legacyStorage], patterns: [backendForbidden.shared] }],
    },
  },
  {
    files: ['src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [backendForbidden.legacyStorage], patterns: [backendForbidden.shared] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            backendForbidden.shared,
            { group: ['@forge/*'], message: 'src/domain is pure: no platform I/O.' },
            { group: ['**/storage', '**/storage/**', '**/resolvers', '**/resolvers/**'], message: 'src/domain does not depend on storage or resolvers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            backendForbidden.shared,
            { group: ['@forge/*'], message: 'src/shared is imported by the browser too: no platform packages.' },
            { group: ['../*'], message: 'src/shared depends on nothing else in src.' },
          ],
        },
      ],
    },
  },

  // Browser: the Custom UI app.
  {
    files: [FRONTEND],
    ignores: ['static/app/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@forge/api', message: '@forge/api is backend-only; the UI talks to resolvers through @forge/bridge.' },
            { name: '@forge/kvs', message: 'The UI never touches storage; call a resolver.' },
            { name: '@forge/resolver', message: '@forge/resolver is backend-only.' },
          ],
          patterns: [
            {
              group: ['**/src/domain/**', '**/src/storage/**', '**/src/resolvers/**', '**/src/export/**', '**/src/index'],
              message: 'static/ imports only src/shared (through @shared).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['static/app/src/**/*.{ts,tsx}'],
    plugins: { app: { rules: { 'view-boundaries': viewBoundaries } } },
    rules: { 'app/view-boundaries': 'error' },
  },
  { files: [FRONTEND], ...reactHooks.configs.flat.recommended },
  { files: ['static/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['static/**/*.tsx'],
    rules: {
      // A scrolling table container must be reachable by keyboard (WCAG 2.1.1, axe
      // scrollable-region-focusable); as a labelled role="region" it is a landmark, not a widget.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },

  // Tests may poke at untyped values (parsed YAML, raw handler results).
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
