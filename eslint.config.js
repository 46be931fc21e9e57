import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/**
 * The layers (see CONTRIBUTING.md): contract ← client ← core ← widgets; src/mock and server/ are
 * backends, never reached from browser code. Relative import specifiers are matched, since every
 * import of our own code is relative. `no-restricted-imports` takes one option set per file, so
 * each layer's block repeats the rules of the wider blocks (`restrict`).
 */
const browserPaths = [
  { name: 'zod', message: "Browser code uses 'zod/mini'." },
  { name: 'lit/directives/unsafe-html.js', message: 'Never render HTML from strings.' },
];
const layer = {
  server: { regex: '^(\\.\\./)+server/', message: 'Browser code never imports the reference server.' },
  mock: {
    regex: '^\\.\\.?/(\\.\\./)*mock/',
    message: 'Browser code never imports the mocks (tests and stories may).',
  },
  widgets: { regex: '^\\.\\.?/(\\.\\./)*widgets/', message: 'core serves widgets; it never imports one.' },
  client: {
    regex: '^\\.\\.?/(\\.\\./)*client/',
    message: 'Widgets reach data through src/core, never the client directly.',
  },
  outOfContract: {
    regex: '^\\.\\./',
    message: 'The contract is the bottom layer: it imports nothing of ours outside src/contract.',
  },
};
/**
 * Lit's `html` and `svg` come from src/core/element/template.ts in src/: they fold the template
 * text's layout whitespace as the CDN build does, which Lit's hydration of server-rendered
 * snippets needs (the server and the CDN files must see the same strings).
 */
const litTags = {
  name: 'lit',
  importNames: ['html', 'svg'],
  message: 'In src/, take html and svg from src/core/element/template.js (its comment says why).',
};
const restrict = (...patterns) => ['error', { paths: [...browserPaths, litTags], patterns }];
/** Tests and stories run in the browser too, but may set up mocks. */
const testsAndStories = ['src/**/*.test.ts', 'src/**/*.stories.ts'];
export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'node_modules/',
      'public/mockServiceWorker.js',
      'custom-elements.json',
      'openapi.json',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      // Backend text must never be parsed as HTML.
      'lit/no-template-bind': 'error',
      'no-restricted-imports': ['error', { paths: browserPaths }],
    },
  },
  { files: testsAndStories, rules: { 'no-restricted-imports': restrict() } },
  // Layers.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/mock/**', ...testsAndStories],
    rules: { 'no-restricted-imports': restrict(layer.server, layer.mock) },
  },
  { files: ['src/mock/**/*.ts'], rules: { 'no-restricted-imports': restrict(layer.server) } },
  {
    files: ['src/contract/**/*.ts'],
    ignores: testsAndStories,
    rules: { 'no-restricted-imports': restrict(layer.outOfContract) },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: testsAndStories,
    rules: { 'no-restricted-imports': restrict(layer.server, layer.mock, layer.widgets) },
  },
  {
    // Widgets read and write through core's data sources (src/core/data), never the client.
    files: ['src/widgets/**/*.ts'],
    ignores: testsAndStories,
    rules: { 'no-restricted-imports': restrict(layer.server, layer.mock, layer.client) },
  },
  {
    // The folding tags themselves wrap Lit's.
    files: ['src/core/element/template.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: browserPaths, patterns: [layer.server, layer.mock, layer.widgets] }],
    },
  },
  {
    files: ['demo/**/*.js', 'test/browser/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      '*.js',
      '**/*.mjs',
      'test/browser/frameworks/framework-modules.js',
      'scripts/**',
      'server/**',
      'conformance/**',
      'test/node/**',
      '.storybook/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.test.ts', 'conformance/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
