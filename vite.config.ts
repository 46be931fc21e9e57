import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Two builds:
 * - default: the npm package — unbundled ESM per entry (tree-shakable, lit and zod left to the
 *   consumer's bundler), declarations come from `tsc -p tsconfig.build.json`;
 * - `--mode cdn`: one self-contained `dist/cdn/partage.js` that registers every widget, for the
 *   one-line `<script type="module">` embed.
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
  ...Object.fromEntries(
    widgets.flatMap((w) => [
      [`widgets/${w}/${w}`, `src/widgets/${w}/${w}.ts`],
      [`widgets/${w}/define`, `src/widgets/${w}/define.ts`],
    ]),
  ),
};

export default defineConfig(({ mode }) =>
  mode === 'cdn'
    ? {
        publicDir: false,
        build: {
          outDir: 'dist/cdn',
          emptyOutDir: true,
          target: 'es2022',
          lib: { entry: resolve(root, 'src/cdn.ts'), formats: ['es'], fileName: () => 'partage.js' },
          rolldownOptions: { output: { minify: true } },
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
            external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^msw($|\/)/],
            output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
          },
        },
      },
);
