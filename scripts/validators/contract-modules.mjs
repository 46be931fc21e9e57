/*
 * Which modules of src/contract need zod at run time. Browser bundles import the compiled
 * validators (src/contract/compiled/index.ts) in place of these; the others (rules, search,
 * paths, refinements…) are plain code that the compiled validators import as they are.
 * Shared by the generator (scripts/validators/generate.ts) and the bundler plugins
 * (scripts/validators/browser-plugin.mjs). Plain JavaScript: the test runner's config loads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

export const srcDir = resolve(import.meta.dirname, '../../src');
export const contractDir = resolve(srcDir, 'contract');
export const compiledEntry = resolve(contractDir, 'compiled/index.ts');

/**
 * Contract modules compiled into a module of their own, src/contract/compiled/<same name>, for
 * code that loads on demand: it imports them, and only it, so their validators travel in its chunk
 * rather than in a file's first download (the problem+json of a failed request). They import only
 * the runtime: a description they share with index.ts is written again in them (generate.ts).
 */
export const splitModules = ['problem-answer.ts'];
/** The compiled module of a contract module (absolute path, `.ts`). */
export const compiledOf = (file) =>
  splitModules.includes(basename(file)) ? resolve(contractDir, 'compiled', basename(file)) : compiledEntry;

/** Relative specifiers of the run-time imports and re-exports of a module (`import type` excluded). */
function runtimeImports(source) {
  const found = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s*'([^']+)'/gms)) {
    const [, typeOnly, clause = '', specifier = ''] = m;
    if (typeOnly) continue;
    // `import { type A, type B } from` imports nothing at run time either.
    const names = /^\{([^}]*)\}$/.exec(clause.trim());
    if (names && names[1].split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
    found.push(specifier);
  }
  return found;
}

/** @returns {Set<string>} absolute paths (`.ts`) of the top-level contract modules that load zod, directly or not. */
export function zodModules() {
  const files = readdirSync(contractDir).filter((f) => f.endsWith('.ts'));
  const imports = new Map(files.map((f) => [f, runtimeImports(readFileSync(resolve(contractDir, f), 'utf8'))]));
  const memo = new Map();
  const needsZod = (file, seen = new Set()) => {
    if (memo.has(file)) return memo.get(file);
    if (seen.has(file)) return false;
    seen.add(file);
    const result = (imports.get(file) ?? []).some((s) =>
      s.startsWith('.') ? needsZod(s.replace(/^\.\//, '').replace(/\.js$/, '.ts'), seen) : s.startsWith('zod'),
    );
    memo.set(file, result);
    return result;
  };
  return new Set(files.filter((f) => needsZod(f)).map((f) => resolve(contractDir, f)));
}

/** @returns {string[]} file names of the top-level contract modules that run without zod. */
export function zodFreeModules() {
  const zod = zodModules();
  return readdirSync(contractDir)
    .filter((f) => f.endsWith('.ts') && !zod.has(resolve(contractDir, f)))
    .sort();
}
