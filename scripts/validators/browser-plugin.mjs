/*
 * Browser code (src/client, src/core, src/widgets, src/*.ts) imports the contract as usual, and
 * type-checks against the zod schemas; these plugins hand it the compiled validators
 * (src/contract/compiled/index.ts, or the module of the same name there for the few compiled on
 * their own: contract-modules.mjs) instead of every contract module that needs zod, so a browser
 * bundle carries no zod. The contract itself, the mocks, the server, the tests' own imports and the
 * npm package (dist/, for applications) keep zod. Set PARTAGE_VALIDATORS=zod to turn it off.
 */
import { dirname, resolve, sep } from 'node:path';
import { compiledOf, contractDir, srcDir, zodModules } from './contract-modules.mjs';

const enabled = () => process.env.PARTAGE_VALIDATORS !== 'zod';

/** Where an import made by `importer` (absolute path) of `source` should point, or undefined. */
export function compiledTarget(source, importer, zod = zodModules()) {
  if (!source.startsWith('.') || !importer.startsWith(srcDir + sep)) return undefined;
  if (importer.startsWith(contractDir + sep) || importer.startsWith(resolve(srcDir, 'mock') + sep)) return undefined;
  // Tests and stories beside the widgets are not browser code under test: they keep zod.
  if (/\.(test|stories)\.ts$/.test(importer)) return undefined;
  const target = resolve(dirname(importer), source).replace(/\.js$/, '.ts');
  return zod.has(target) ? compiledOf(target) : undefined;
}

/** Vite / rolldown plugin (the CDN build). */
export function compiledContract() {
  const zod = zodModules();
  return {
    name: 'partage-compiled-contract',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!enabled() || !importer) return null;
      return compiledTarget(source, importer.split('?')[0], zod) ?? null;
    },
  };
}

/** @web/dev-server plugin (browser tests): widgets under test validate as the CDN files do. */
export function compiledContractForTests(rootDir = resolve(srcDir, '..')) {
  const zod = zodModules();
  return {
    name: 'partage-compiled-contract',
    resolveImport({ source, context }) {
      if (!enabled()) return undefined;
      const target = compiledTarget(source, resolve(rootDir, `.${context.path}`), zod);
      return target ? `/${target.slice(rootDir.length + 1)}` : undefined;
    },
  };
}
