/*
 * The CDN files load some code on demand (`import()`): the live updates (src/client/live-start.ts)
 * and Lit's hydration support (src/core/element/hydration.ts). Each becomes one chunk next to the
 * file, `chunks/<file>-<name>-<hash>.js`, imported relative to it. This plugin fails the build
 * when the bundler splits otherwise: a file that imports another file statically (a request
 * before the first paint; rolldown moves a module a file shares with a lazy chunk into a third
 * chunk in some graphs, rolldown/rolldown#10731), or a chunk that imports anything but the file
 * (one more round trip before it runs).
 */
export function lazyChunks() {
  return {
    name: 'partage-lazy-chunks',
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
