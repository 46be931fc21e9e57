import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

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
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', message: "Browser code uses 'zod/mini'." },
            { name: 'lit/directives/unsafe-html.js', message: 'Never render HTML from strings.' },
          ],
        },
      ],
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
