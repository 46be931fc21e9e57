import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { retryableImports } from '../../../scripts/lazy-chunks.mjs';

/*
 * The CDN files' chunk imports are retryable: a chunk that failed to load (offline) loads at the
 * next attempt, under a fragment, since the module map keeps the first failure for the page.
 */
describe('CDN files: retryable chunk imports', () => {
  it('routes only the imports of ./chunks/ through the loader', () => {
    const code = 'const a=()=>import("./chunks/x-live-1.js");const b=()=>import("lit");';
    const out = retryableImports(code);
    assert.match(out, /__partageImport\("\.\/chunks\/x-live-1\.js"\)/);
    assert.match(out, /import\("lit"\)/);
    assert.equal(retryableImports('const c=1;'), 'const c=1;', 'a file without chunks is left as it is');
  });

  it('shares one attempt per chunk, and after a failure loads the chunk that is now there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'partage-chunks-'));
    try {
      const file = join(dir, 'file.mjs');
      writeFileSync(
        file,
        retryableImports('export const load=()=>import("./chunks/late.mjs");export const same=()=>load()===load();'),
      );
      const mod = (await import(pathToFileURL(file).href)) as { load(): Promise<{ x: number }>; same(): boolean };
      assert.equal(mod.same(), true, 'two callers share one attempt');
      await assert.rejects(mod.load(), 'the chunk is not there yet');
      // Now it is (the reader is back online): the next attempt loads it.
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(dir, 'chunks'));
      writeFileSync(join(dir, 'chunks/late.mjs'), 'export const x = 42;');
      assert.equal((await mod.load()).x, 42);
      assert.equal(await mod.load(), await mod.load(), 'one module once loaded');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
