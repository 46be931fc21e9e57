// @ts-check
/**
 * Lets browser tests import React and Vue as a React or Vue app would.
 *
 * - React 19 ships CommonJS only, which a browser cannot import. On first request, esbuild
 *   bundles `react` and `react-dom/client` into one ES module (one React instance for both),
 *   re-exporting every named export; `react-dom/client` is a thin module over that bundle.
 * - Vue ships a self-contained browser ES build with the template compiler; `vue` resolves to
 *   it (the default `esm-bundler` build expects a bundler to replace `process.env.NODE_ENV`).
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const REACT = '/__frameworks/react.js';
const REACT_DOM_CLIENT = '/__frameworks/react-dom-client.js';
const VUE = '/node_modules/vue/dist/vue.esm-browser.js';

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Export names of a CommonJS package, read in a child process: loading React's development
 * build inside the test runner trips over the runner's patched console.
 */
function namesOf(/** @type {string} */ id) {
  const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(id)}))))`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cannot read the exports of ${id}: ${run.stderr}`);
  return /** @type {string[]} */ (JSON.parse(run.stdout)).filter((k) => identifier.test(k) && k !== 'default');
}

async function bundleReact() {
  const react = namesOf('react');
  const contents = [
    "import * as React from 'react';",
    "import * as ReactDOMClient from 'react-dom/client';",
    ...react.map((name) => `export const ${name} = React.${name};`),
    'export default React;',
    'export { ReactDOMClient as __ReactDOMClient };',
  ].join('\n');
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function reactDomClient() {
  return [
    `import { __ReactDOMClient as client } from '${REACT}';`,
    ...namesOf('react-dom/client').map((name) => `export const ${name} = client.${name};`),
  ].join('\n');
}

/** @returns {import('@web/dev-server-core').Plugin} */
export function frameworkModules() {
  /** @type {Promise<string> | undefined} */
  let reactBundle;
  return {
    name: 'partage-framework-modules',
    resolveImport({ source }) {
      if (source === 'react') return REACT;
      if (source === 'react-dom/client') return REACT_DOM_CLIENT;
      if (source === 'vue') return VUE;
      return undefined;
    },
    async serve(context) {
      if (context.path === REACT) {
        reactBundle ??= bundleReact();
        return { body: await reactBundle, type: 'js' };
      }
      if (context.path === REACT_DOM_CLIENT) return { body: reactDomClient(), type: 'js' };
      return undefined;
    },
  };
}
