import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const checkedIn = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

it('custom-elements.json is up to date with the JSDoc (run `npm run analyze`)', () => {
  // The analyzer rewrites package.json's `customElements` field of the folder it runs in, so it
  // runs in a scratch folder that links to our sources.
  const dir = mkdtempSync(join(tmpdir(), 'partage-cem-'));
  try {
    symlinkSync(join(root, 'src'), join(dir, 'src'));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    // `analyze` is the analyzer, then scripts/sort-manifest.mjs (modules in path order).
    const [analyzer, sort] = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.analyze as string)
      .split('&&')
      .map((command) => (command.match(/"[^"]*"|\S+/g) ?? []).map((a) => a.replace(/^"|"$/g, '')));
    execFileSync(join(root, 'node_modules/.bin/custom-elements-manifest'), analyzer!.slice(1), {
      cwd: dir,
      stdio: 'pipe',
    });
    execFileSync(process.execPath, [join(root, sort![1]!), join(dir, 'custom-elements.json')], { stdio: 'pipe' });
    // Same source, same bytes: the checked-in file is exactly what `npm run analyze` writes.
    assert.equal(
      readFileSync(join(dir, 'custom-elements.json'), 'utf8'),
      readFileSync(join(root, 'custom-elements.json'), 'utf8'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('documents every element with a tag, a summary and its events', () => {
  const elements = checkedIn.modules.flatMap(
    (m: { declarations?: { tagName?: string; summary?: string; events?: unknown[] }[] }) =>
      (m.declarations ?? []).filter((d) => d.tagName),
  );
  const tags = elements.map((d: { tagName: string }) => d.tagName).sort();
  for (const tag of ['partage-campaign-card', 'partage-pledge-form', 'partage-provider', 'partage-share-board'])
    assert.ok(tags.includes(tag), tag);
  for (const el of elements) assert.ok(el.summary, `${el.tagName} has a @summary`);
  const form = elements.find((d: { tagName: string }) => d.tagName === 'partage-pledge-form');
  assert.ok(form.events.some((e: { name: string }) => e.name === 'partage-pledge-created'));
});
