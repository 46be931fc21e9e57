// `npm run size:report`: gzip size of every CDN file (run `npm run build` first), of the library
// floor (scripts/size/floor.ts) with compiled validators and with zod/mini, of the pledge form's
// validation both ways, and of the campaign card before live code, written between the size
// markers of BENCHMARKS.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { cdnMinify } from '../cdn-minify.mjs';
import { compiledContract } from '../validators/browser-plugin.mjs';
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
// The card with its SSE parser, reconnection and polling replaced by nothing: what it will
// weigh once live code loads on demand.
const stubs = {
  'src/client/sse.ts': 'export class SseParser {} export async function openEventStream() { return "unsupported"; }',
  'src/client/live.ts':
    'export function runLive() { return () => {}; } export class LiveHub { subscribe() { return () => {}; } }',
  'src/client/poll.ts':
    'export const campaignPoller = () => () => []; export const neighbourhoodPoller = () => () => [];',
};
const noLive = {
  name: 'size-no-live',
  enforce: 'pre',
  load(id) {
    for (const [file, code] of Object.entries(stubs)) if (id === `${root}${file}`) return code;
    return null;
  },
};
let cardBeforeLive;
try {
  cardBeforeLive = await measure('src/widgets/campaign-card/define.ts', { plugins: [compiledContract(), noLive] });
} catch {
  cardBeforeLive = undefined; // the live modules changed shape: the stubs no longer fit
}

const files = readdirSync(`${root}dist/cdn`)
  .filter((f) => f.endsWith('.js'))
  .sort((a, b) => (a === 'partage.js' ? -1 : b === 'partage.js' ? 1 : a.localeCompare(b)));
const rows = files.map((f) => {
  const code = readFileSync(`${root}dist/cdn/${f}`);
  return `| \`${f}\` | ${kB(code.length)} | ${kB(gzip(code))} |`;
});
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
  ...(cardBeforeLive
    ? [`| campaign card before live code (SSE, reconnection, polling stubbed out) | | ${kB(cardBeforeLive)} |`]
    : []),
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
