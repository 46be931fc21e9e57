// `node scripts/size/modules.mjs [entry] [--top N]`: what each source module adds to a CDN file,
// in gzip bytes. Builds `entry` (default: the campaign card's define file) as the CDN build does
// (compiled validators, CSS minification, rolldown's minifier; terser left out so the source map
// stays exact), attributes every byte of the minified code to its module through the source
// map, then takes each module's bytes out and measures what the gzip of the file loses: the
// module's marginal cost, the figure BENCHMARKS.md's "where the kilobytes are" quotes. Lazily
// loaded chunks are measured apart.
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'vite';
import { cdnMinify } from '../cdn-minify.mjs';
import { compiledContract } from '../validators/browser-plugin.mjs';

const root = new URL('../..', import.meta.url).pathname;
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 40;
const entry =
  args.find((a, i) => !a.startsWith('--') && i !== topAt + 1 - (topAt < 0 ? 1 : 0)) ??
  'src/widgets/campaign-card/define.ts';
const gzip = (code) => gzipSync(code, { level: 9 }).length;

process.env.PARTAGE_TERSER = '0';
const out = await build({
  root,
  configFile: false,
  logLevel: 'warn',
  plugins: [compiledContract(), cdnMinify()],
  build: {
    write: false,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: `${root}${entry}`, formats: ['es'], fileName: () => 'out.js' },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true, comments: { legal: false } },
    },
  },
});

const name = (source) => {
  const path = relative(root, source.replace(/^(\.\.\/)+/, '/').replace(/^\/?/, root));
  return path.replace(/^node_modules\//, '');
};

for (const chunk of [out].flat()[0].output.filter((o) => o.type === 'chunk')) {
  const code = chunk.code;
  const lines = code.split('\n');
  const lineStart = [];
  let offset = 0;
  for (const line of lines) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  // Owner of every character of the output (undefined: glue the bundler wrote).
  const owner = new Array(code.length);
  const consumer = new SourceMapConsumer(chunk.map);
  const mappings = [];
  consumer.eachMapping((m) => mappings.push(m));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  for (let i = 0; i < mappings.length; i++) {
    const m = mappings[i];
    const next = mappings[i + 1];
    const start = lineStart[m.generatedLine - 1] + m.generatedColumn;
    const end =
      next && next.generatedLine === m.generatedLine
        ? lineStart[next.generatedLine - 1] + next.generatedColumn
        : lineStart[m.generatedLine - 1] + lines[m.generatedLine - 1].length;
    for (let c = start; c < end; c++) owner[c] = m.source ? name(m.source) : undefined;
  }
  const total = gzip(code);
  const modules = new Map();
  for (let c = 0; c < code.length; c++) {
    const o = owner[c] ?? '(bundler glue)';
    modules.set(o, (modules.get(o) ?? 0) + 1);
  }
  const rows = [...modules.keys()].map((m) => {
    let without = '';
    for (let c = 0; c < code.length; c++) if ((owner[c] ?? '(bundler glue)') !== m) without += code[c];
    return { module: m, minified: modules.get(m), gzip: total - gzip(without) };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  console.log(
    `\n${chunk.fileName}${chunk.isEntry ? '' : ' (lazy chunk)'}: ${code.length} B minified, ${total} B gzip (terser would take ≈1 % more off)`,
  );
  console.log('gzip B  min B  module');
  for (const r of rows.slice(0, top))
    console.log(`${String(r.gzip).padStart(6)} ${String(r.minified).padStart(6)}  ${r.module}`);
  const rest = rows.slice(top);
  if (rest.length)
    console.log(
      `${String(rest.reduce((s, r) => s + r.gzip, 0)).padStart(6)} ${String(rest.reduce((s, r) => s + r.minified, 0)).padStart(6)}  (${rest.length} more modules)`,
    );
}
