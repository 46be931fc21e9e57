import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The layer rules of eslint.config.js and scripts/check-cycles.mjs, each shown failing on a
// planted violation (and passing on the allowed import beside it), so a rule that silently stops
// matching breaks this test rather than the architecture.
const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were the file at `path` (nothing is written into the repository). */
async function problems(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages
    .filter((m) => /no-restricted-imports$/.test(m.ruleId ?? ''))
    .map((m) => ({ severity: m.severity === 2 ? 'error' : 'warn', message: m.message }));
}

describe('layer rules (eslint)', () => {
  it('a widget importing the client is an error', async () => {
    const found = await problems(
      'src/widgets/new-thing/new-thing.ts',
      "import { getCampaign } from '../../client/campaigns.js';\nexport const f = getCampaign;\n",
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
    assert.match(found[0]!.message, /through src\/core/);
  });

  it('every widget file is held to it, type-only imports included', async () => {
    const found = await problems(
      'src/widgets/backers/backers.ts',
      "import type { Transport } from '../../client/transport.js';\nimport { listBackers } from '../../client/campaigns.js';\nexport const f: [Transport, typeof listBackers] | undefined = undefined;\n",
    );
    assert.deepEqual(
      found.map((p) => p.severity),
      ['error', 'error'],
    );
  });

  it('a widget may import core and contract types', async () => {
    const found = await problems(
      'src/widgets/new-thing/new-thing.ts',
      "import { CampaignSource } from '../../core/data/campaign-source.js';\nimport type { Campaign } from '../../contract/index.js';\nexport type T = [CampaignSource, Campaign];\n",
    );
    assert.deepEqual(found, []);
  });

  it('core importing a widget is an error', async () => {
    const found = await problems(
      'src/core/data/new-source.ts',
      "import { PartageBackers } from '../../widgets/backers/backers.js';\nexport const f = PartageBackers;\n",
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 'error');
  });

  for (const [path, spec] of [
    ['src/core/data/new-source.ts', '../../mock/index.js'],
    ['src/widgets/backers/new-part.ts', '../../mock/index.js'],
    ['src/client/new-part.ts', '../mock/index.js'],
    ['src/index.ts', './mock/index.js'],
    ['src/client/new-part.ts', '../../server/app.js'],
    ['src/mock/new-part.ts', '../../server/app.js'],
  ] as const) {
    it(`browser code importing a backend is an error: ${spec} from ${path}`, async () => {
      const found = await problems(path, `import * as m from '${spec}';\nexport const f = m;\n`);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(found[0]!.severity, 'error');
    });
  }

  it('tests and stories may set up the mocks', async () => {
    const found = await problems(
      'src/widgets/backers/backers.test.ts',
      "import { createMockBackend } from '../../mock/index.js';\nexport const f = createMockBackend;\n",
    );
    assert.deepEqual(found, []);
  });

  it('the contract importing anything of ours outside itself is an error', async () => {
    for (const spec of ['../client/errors.js', '../core/i18n/format.js']) {
      const found = await problems('src/contract/new-rule.ts', `import * as m from '${spec}';\nexport const f = m;\n`);
      assert.equal(found.length, 1, spec);
      assert.equal(found[0]!.severity, 'error');
    }
    assert.deepEqual(await problems('src/contract/new-rule.ts', "export * from './rules.js';\n"), []);
  });
});

describe('cycle check (scripts/check-cycles.mjs)', () => {
  const check = (dir: string) =>
    spawnSync(process.execPath, [join(root, 'scripts/check-cycles.mjs'), dir], { encoding: 'utf8' });

  it('passes on the repository', () => {
    const r = spawnSync(process.execPath, ['scripts/check-cycles.mjs', 'src', 'server'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  });

  it('fails on a planted cycle, type-only imports included, and names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partage-cycle-'));
    try {
      mkdirSync(join(dir, 'core'));
      writeFileSync(join(dir, 'core/a.ts'), "import type { B } from './b.js';\nexport type A = { b?: B };\n");
      writeFileSync(
        join(dir, 'core/b.ts'),
        "import {\n  type C,\n} from '../c.js';\nexport type B = { c?: C };\n// import { A } from './a.js'; (a comment is no edge)\n",
      );
      writeFileSync(join(dir, 'c.ts'), "import type { A } from './core/a.js';\nexport type C = { a?: A };\n");
      writeFileSync(join(dir, 'd.ts'), "import type { A } from './core/a.js';\nexport type D = A;\n");
      const r = check(dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /^import cycle: /);
      // Named once, whichever file the search entered it from; d.ts only leads into it.
      for (const file of ['core/a.ts', 'core/b.ts', '/c.ts']) assert.ok(r.stderr.includes(file), file);
      assert.ok(!r.stderr.includes('/d.ts'));
      assert.equal(r.stderr.trim().split('\n').length, 1);
      rmSync(join(dir, 'c.ts'));
      writeFileSync(join(dir, 'c.ts'), 'export type C = number;\n');
      assert.equal(check(dir).status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
