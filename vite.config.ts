import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cdnMinify } from './scripts/cdn-minify.mjs';
import { lazyChunks } from './scripts/lazy-chunks.mjs';
import { isTextsChunk, textsOnDemand } from './scripts/texts-on-demand.mjs';
import { compiledContract } from './scripts/validators/browser-plugin.mjs';

/**
 * Two builds:
 * - default: the npm package — unbundled ESM per entry (tree-shakable, lit and zod left to the
 *   consumer's bundler), declarations come from `tsc -p tsconfig.build.json`;
 * - `--mode cdn`: one self-contained `dist/cdn/partage.js` that registers every widget, for the
 *   one-line `<script type="module">` embed; with PARTAGE_CDN_WIDGET=<name>, a self-contained
 *   `dist/cdn/partage-<name>.js` with that widget only, or with that group of widgets
 *   (`crowdfunding`: what a creator's site uses); scripts/build-cdn.mjs builds them all. These
 *   files validate with the compiled validators, not zod, and get extra minification. What they
 *   load on demand (live updates, hydration support) is in `dist/cdn/chunks/`, one chunk per
 *   file and need, checked by scripts/lazy-chunks.mjs.
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

/** CDN files that group several widgets, besides partage.js (every widget). */
const cdnGroups: Record<string, string> = { crowdfunding: 'src/cdn-crowdfunding.ts' };
const cdnWidget = process.env.PARTAGE_CDN_WIDGET;
if (cdnWidget !== undefined && !widgets.includes(cdnWidget) && !(cdnWidget in cdnGroups))
  throw new Error(`No widget named "${cdnWidget}"`);
const cdnEntry = cdnWidget ? (cdnGroups[cdnWidget] ?? `src/widgets/${cdnWidget}/define.ts`) : 'src/cdn.ts';

/**
 * Lit's licence is named once in the banner instead of once per module; zod's only when the files
 * bundle it (PARTAGE_VALIDATORS=zod): the compiled validators are our own code, generated from
 * our schemas, with none of zod's.
 */
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
const withZod = process.env.PARTAGE_VALIDATORS === 'zod' ? ' and zod (MIT, Colin McDonnell)' : '';
const banner = `/*! Partage widgets ${version} | MIT | bundles Lit (BSD-3-Clause, Google LLC)${withZod} */`;

export default defineConfig(({ mode }) =>
  mode === 'cdn'
    ? {
        publicDir: false,
        // The widgets validate with the validators compiled from the contract, not zod. partage.js
        // (every widget) loads the texts of one language on demand; the other files keep both inline.
        plugins: [compiledContract(), ...(cdnWidget ? [] : [textsOnDemand()]), lazyChunks(), cdnMinify()],
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: false,
          target: 'es2022',
          lib: {
            entry: resolve(root, cdnEntry),
            formats: ['es'],
            fileName: () => (cdnWidget ? `partage-${cdnWidget}.js` : 'partage.js'),
          },
          rolldownOptions: {
            // The terser pass (scripts/cdn-minify.mjs) is slow by design; no timing warning for it.
            checks: { bundlerTimings: false },
            // The lazy chunks import what they share with the file from the file itself.
            preserveEntrySignatures: 'allow-extension',
            output: {
              minify: true,
              comments: { legal: false },
              // Not on the texts chunks: they hold neither Lit nor zod.
              postBanner: (chunk) => (isTextsChunk(chunk) ? '' : banner),
              // Code loaded on demand (the live updates, Lit's hydration support) sits next to the
              // file, in chunks/, imported relative to it (`import("./chunks/…")`), so it comes
              // from the CDN whatever page embeds the file: `chunks/campaign-card-live-start-<hash>.js`.
              chunkFileNames: `chunks/${cdnWidget ?? 'partage'}-[name]-[hash].js`,
            },
          },
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
