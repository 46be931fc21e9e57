// Fails on any import cycle among our modules (type-only imports included: a cycle of types is
// still two files that cannot be understood or moved apart). Usage:
// `node scripts/check-cycles.mjs [folder…]` (default: src). Run by `npm run lint`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const roots = (process.argv.length > 2 ? process.argv.slice(2) : ['src']).map((r) => resolve(r));

/** Static imports and re-exports with a relative specifier, at the start of a line (not in comments). */
const importRe =
  /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;
const source = /\.(ts|tsx|mts|js|mjs)$/;

const files = roots.flatMap((root) =>
  readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => source.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'))
    .map((f) => join(root, f)),
);

/** The file a specifier names: `.js` in a specifier stands for the `.ts` source. */
function resolveImport(from, spec) {
  const target = resolve(dirname(from), spec);
  for (const candidate of [target, target.replace(/\.(m?)js$/, '.$1ts'), `${target}.ts`, join(target, 'index.ts')])
    if (source.test(candidate) && existsSync(candidate)) return candidate;
  return undefined;
}

const graph = new Map();
for (const file of files) {
  const deps = new Set();
  for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
    const dep = resolveImport(file, m[1] ?? m[2]);
    if (dep) deps.add(dep);
  }
  graph.set(file, [...deps].sort());
}

// Depth-first search; an edge back to a file on the current path closes a cycle.
const state = new Map(); // absent: unseen, 1: on the path, 2: done
const path = [];
const cycles = [];
function visit(file) {
  state.set(file, 1);
  path.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 1) cycles.push([...path.slice(path.indexOf(dep)), dep]);
    else if (!state.has(dep)) visit(dep);
  }
  path.pop();
  state.set(file, 2);
}
for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);

if (cycles.length > 0) {
  const show = (f) => relative(process.cwd(), f);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map(show).join(' → ')}`);
  process.exit(1);
}
console.log(`no import cycle in ${files.length} files`);
