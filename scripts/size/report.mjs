// `npm run size:report`: gzip size of every CDN file (run `npm run build` first), of the library
// floor (scripts/size/floor.ts) with compiled validators and with zod/mini, of the pledge form's
// validation both ways, and of the chunks the files load on demand, written between the size
// markers of BENCHMARKS.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { cdnMinify } from '../cdn-minify.mjs';
import { compiledEntry } from '../validators/contract-modules.mjs';

const root = new URL('../..', import.meta.url).pathname;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** Builds `entry` like a CDN file; `compiled`: its contract imports get the compiled validators. */
async function measure(entry, { compiled = true, plugins = [] } = {}) {
  const contract = {
    name: 'size-contract',
    enforce: 'pre',
    resolveId(source) {
      return compiled && source.endsWith('/src/contract/index.js') ? compiledEntry : null;
    },
  };
  const out = await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [contract, ...plugins, cdnMinify()],
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: `${root}${entry}`, formats: ['es'], fileName: () => 'out.js' },
      rolldownOptions: { output: { minify: true, comments: { legal: false } } },
    },
  });
  return gzip([out].flat()[0].output[0].code);
}

const floor = await measure('scripts/size/floor.ts');
const floorZod = await measure('scripts/size/floor.ts', { compiled: false });
const pledge = await measure('scripts/size/pledge-request.ts');
const pledgeZod = await measure('scripts/size/pledge-request.ts', { compiled: false });
const files = readdirSync(`${root}dist/cdn`)
  .filter((f) => f.endsWith('.js'))
  .sort((a, b) => (a === 'partage.js' ? -1 : b === 'partage.js' ? 1 : a.localeCompare(b)));
const rows = files.map((f) => {
  const code = readFileSync(`${root}dist/cdn/${f}`);
  return `| \`${f}\` | ${kB(code.length)} | ${kB(gzip(code))} |`;
});
// What the files load on demand (dist/cdn/chunks/<file>-<chunk>-<hash>.js): one row per kind of
// chunk, the range over the files (each file has its own, importing what it shares from the file).
const chunkKinds = new Map();
const prefixes = files.map((file) => file.replace(/^partage-|\.js$/g, '')).sort((a, b) => b.length - a.length);
for (const f of readdirSync(`${root}dist/cdn/chunks`).filter((c) => c.endsWith('.js'))) {
  const stem = f.replace(/-[\w-]{8}\.js$/, ''); // <file>-<chunk>
  const file = prefixes.find((p) => stem.startsWith(`${p}-`));
  let name = file ? stem.slice(file.length + 1) : stem;
  // partage.js's texts, one chunk per widget and language (scripts/texts-on-demand.mjs): one row per language.
  const texts = file === 'partage' && /-(en|fr)$/.exec(name);
  if (texts) name = `<widget>-${texts[1]}`;
  const code = readFileSync(`${root}dist/cdn/chunks/${f}`);
  chunkKinds.set(name, [...(chunkKinds.get(name) ?? []), [code.length, gzip(code)]]);
}
const range = (values) => {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return kB(lo) === kB(hi) ? kB(lo) : `${kB(lo)} – ${kB(hi)}`;
};
const when = {
  'live-start': 'when a widget goes live',
  hydration: 'when the page holds a pre-rendered snippet',
  memory: 'after the first answer (to keep it) or to recall one',
  recovery: 'after a failed load',
  'failure-text':
    'after a failed request: the precise wording of failures (the offline and generic texts stay in the file)',
  problems: 'after an HTTP error answer: its problem+json validator and Retry-After',
  'agenda-ics': 'when the pointer or focus reaches "Add to my calendar": the iCalendar writer',
  'pledge-interaction':
    "at the pledge form's first focus, tap, key or input, or when the browser is idle: its checks, submit flow and outcome",
  'listing-interaction':
    "at the share board's first focus, tap, key or input, or when the browser is idle: its reply and report forms",
  'listing-submission': "at a listing form's first focus or tap, or at a submit: its checks and sending",
  '<widget>-fr': "by partage.js only: a widget's French texts, next to its data",
  '<widget>-en': "by partage.js only: a widget's English texts (every language but French), next to its data",
};
for (const [name, sizes] of chunkKinds)
  rows.push(
    `| \`chunks/<file>-${name}-<hash>.js\`, loaded ${when[name] ?? 'on demand'} (${sizes.length} files) | ${range(sizes.map((x) => x[0]))} | ${range(sizes.map((x) => x[1]))} |`,
  );
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} (gzip -9 of the minified file as shipped).`,
  '',
  '| file | minified | gzip |',
  '|---|---|---|',
  ...rows,
  `| floor: Lit + @lit/context + compiled validators checking a campaign, its events and problems (\`scripts/size/floor.ts\`) | | ${kB(floor)} |`,
  `| the same floor with zod/mini instead of the compiled validators | | ${kB(floorZod)} |`,
  `| the pledge request's validation (field messages): compiled, in the form's file | | ${kB(pledge)} |`,
  `| the same with zod/mini, a chunk the form would load on first use | | ${kB(pledgeZod)} |`,
].join('\n');
console.log(table);

const path = `${root}BENCHMARKS.md`;
const text = readFileSync(path, 'utf8');
const start = '<!-- size:start -->';
const end = '<!-- size:end -->';
if (text.includes(start) && text.includes(end)) {
  writeFileSync(
    path,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`,
  );
  console.log('BENCHMARKS.md updated');
}
