// `npm test`: node tests (contract, OpenAPI, server on the embedded database and, when
// DATABASE_URL is set, on PostgreSQL), then browser tests in Chromium. Ends with one plain
// "N passed, N failed, N skipped" line summing both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'partage-test-'));
const total = { passed: 0, failed: 0, skipped: 0 };

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  process.stdout.write(r.stdout ?? '');
  return r;
}

const only = process.argv[2]; // "node" or "browser" to run one half
// The embedding tests (browser ones, and the node ones that open snippet pages in Chromium) load
// the CDN files as shipped: build them from the current source first, so a fresh checkout needs
// no separate build step and never tests a stale dist/.
const b = run(process.execPath, ['scripts/build-cdn.mjs']);
if (b.status !== 0) total.failed++;
if (only !== 'browser') {
  // Node 20's --test neither expands globs nor finds .ts files in a folder: list them here.
  const files = readdirSync('test/node', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('test/node', f));
  const r = run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    ...files,
  ]);
  const num = (label) => Number((r.stdout.match(new RegExp(`^ℹ ${label} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  total.passed += num('pass');
  total.failed += num('fail') + num('cancelled');
  total.skipped += num('skipped') + num('todo');
  if (r.status !== 0 && num('fail') + num('cancelled') === 0) total.failed++;
}
if (only !== 'node') {
  const file = join(dir, 'browser.json');
  const r = run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js'], { WTR_SUMMARY_FILE: file });
  if (existsSync(file)) {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    if (r.status !== 0 && c.failed === 0) total.failed++;
  } else total.failed++;
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
