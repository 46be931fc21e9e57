import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Two builds:
 * - default: the npm package — unbundled ESM per entry (tree-shakable, lit and zod left to the
 *   consumer's bundler), declarations come from `tsc -p tsconfig.build.json`;
 * - `--mode cdn`: one self-contained `dist/cdn/partage.js` that registers every widget, for the
 *   one-line `<script type="module">` embed; with PARTAGE_CDN_WIDGET=<name>, a self-contained
 *   `dist/cdn/partage-<name>.js` with that widget only (scripts/build-cdn.mjs builds them all).
 */
const root = import.meta.dirname;
// Only complete widget folders (a folder being scaffolded has no define.ts yet).
const widgets = readdirSync(resolve(root, 'src/widgets')).filter((w) =>
  existsSync(resolve(root, `src/widgets/${w}/define.ts`)),
);

const packageEntries: Record<string, string> = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  'client/index': 'src/client/index.ts',
  'contract/index': 'src/contract/index.ts',
  'mock/index': 'src/mock/index.ts',
  'mock/browser': 'src/mock/browser.ts',
  'ssr/index': 'src/ssr/index.ts',
  ...Object.fromEntries(
    widgets.flatMap((w) => [
      [`widgets/${w}/${w}`, `src/widgets/${w}/${w}.ts`],
      [`widgets/${w}/define`, `src/widgets/${w}/define.ts`],
    ]),
  ),
};

const cdnWidget = process.env.PARTAGE_CDN_WIDGET;
if (cdnWidget !== undefined && !widgets.includes(cdnWidget)) throw new Error(`No widget named "${cdnWidget}"`);

/** Lit's and zod's licences are named once in the banner instead of once per module. */
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const banner = `/*! Partage widgets ${version} | MIT | bundles Lit (BSD-3-Clause, Google LLC) and zod (MIT, Colin McDonnell) */`;

export default defineConfig(({ mode }) =>
  mode === 'cdn'
    ? {
        publicDir: false,
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: false,
          target: 'es2022',
          lib: {
            entry: resolve(root, cdnWidget ? `src/widgets/${cdnWidget}/define.ts` : 'src/cdn.ts'),
            formats: ['es'],
            fileName: () => (cdnWidget ? `partage-${cdnWidget}.js` : 'partage.js'),
          },
          rolldownOptions: { output: { minify: true, comments: { legal: false }, postBanner: banner } },
        },
      }
    : {
        publicDir: false,
        build: {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          minify: false,
          lib: {
            entry: Object.fromEntries(Object.entries(packageEntries).map(([k, v]) => [k, resolve(root, v)])),
            formats: ['es'],
          },
          rolldownOptions: {
            external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^zod($|\/)/, /^msw($|\/)/],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
        },
      },
);
