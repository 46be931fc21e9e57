import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const checkedIn = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

// The analyzer lists modules in file-system order, which differs between machines.
const byPath = (manifest: { modules: { path: string }[] }) =>
  [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path));

it('custom-elements.json is up to date with the JSDoc (run `npm run analyze`)', () => {
  // The analyzer rewrites package.json's `customElements` field of the folder it runs in, so it
  // runs in a scratch folder that links to our sources.
  const dir = mkdtempSync(join(tmpdir(), 'partage-cem-'));
  try {
    symlinkSync(join(root, 'src'), join(dir, 'src'));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.analyze as string;
    const args = (script.match(/"[^"]*"|\S+/g) ?? []).slice(1).map((a) => a.replace(/^"|"$/g, ''));
    execFileSync(join(root, 'node_modules/.bin/custom-elements-manifest'), args, { cwd: dir, stdio: 'pipe' });
    assert.deepEqual(byPath(JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'))), byPath(checkedIn));
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
