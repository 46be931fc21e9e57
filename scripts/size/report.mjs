// `npm run size:report`: gzip size of every CDN file (run `npm run build` first) and of the
// library floor (scripts/size/floor.ts), written between the size markers of BENCHMARKS.md.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = new URL('../..', import.meta.url).pathname;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

const floorBuild = await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    write: false,
    target: 'es2022',
    lib: { entry: `${root}scripts/size/floor.ts`, formats: ['es'], fileName: () => 'floor.js' },
    rolldownOptions: { output: { minify: true, comments: { legal: false } } },
  },
});
const floor = gzip([floorBuild].flat()[0].output[0].code);

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
  `| floor: Lit + @lit/context + zod/mini checking a campaign, its events and problems (\`scripts/size/floor.ts\`) | | ${kB(floor)} |`,
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
