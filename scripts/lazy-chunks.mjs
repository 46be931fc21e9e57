/*
 * The CDN files load some code on demand (`import()`): the live updates (src/client/live-start.ts)
 * and Lit's hydration support (src/core/element/hydration.ts). Each becomes one chunk next to the
 * file, `chunks/<file>-<name>-<hash>.js`, imported relative to it. This plugin fails the build
 * when the bundler splits otherwise: a file that imports another file statically (a request
 * before the first paint; rolldown moves a module a file shares with a lazy chunk into a third
 * chunk in some graphs, rolldown/rolldown#10731), or a chunk that imports anything but the file
 * (one more round trip before it runs).
 *
 * It also makes those imports retryable. A browser remembers a failed module fetch for the life of
 * the page (the HTML module map keeps the failure; measured in Chromium: three `import()` of a URL
 * that failed once make one request), so a chunk that could not load while the reader was offline
 * (the recovery schedule, the texts, the live code) would never load. Each file's `import("./chunks/…")`
 * goes through a small loader that shares one attempt per chunk and, after a failure, tries the
 * same file under a new fragment (`#retry-1`): a new module-map entry, the same HTTP resource.
 */
const LOADER =
  'const __partageChunks={};' +
  'const __partageImport=(p)=>{const u=new URL(p,import.meta.url).href;const c=__partageChunks[u]??={n:0};' +
  'return c.p??=import(c.n?u+"#retry-"+c.n:u).catch((e)=>{c.n++;c.p=void 0;throw e})};';

/** Routes a file's chunk imports through LOADER (exported for its test). */
export function retryableImports(code) {
  const routed = code.replace(/\bimport\((["'])(\.\/chunks\/[^"']+)\1\)/g, '__partageImport($1$2$1)');
  return routed === code ? code : `${LOADER}\n${routed}`;
}
export function lazyChunks() {
  return {
    name: 'partage-lazy-chunks',
    renderChunk(code, chunk) {
      return chunk.isEntry ? { code: retryableImports(code), map: null } : null;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
      for (const chunk of chunks) {
        const wrong = chunk.isEntry ? chunk.imports : chunk.imports.filter((i) => !entries.has(i));
        if (wrong.length > 0)
          this.error(
            `${chunk.fileName} imports ${wrong.join(', ')}: a CDN file must hold everything it needs, and a lazy chunk import only that file (see scripts/lazy-chunks.mjs)`,
          );
      }
    },
  };
}
