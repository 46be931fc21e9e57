/**
 * `npm start`: builds the widgets (with --build), then runs the reference backend on the embedded
 * database (or PostgreSQL when DATABASE_URL is set), serving the API under /v1, the demo pages
 * at / and the CDN bundle at /dist/.
 *
 * Environment: PORT (8787), HOST, DATABASE_URL, PARTAGE_DATA_DIR (.data/pglite),
 * PARTAGE_ALLOWED_ORIGINS (comma-separated origins allowed to write), PARTAGE_SANDBOX (1/0;
 * on by default outside production, so that `npm run conformance` gets fresh data to work on),
 * PARTAGE_CHECK_RESPONSES (1: validate every answer against the contract before sending it; the
 * tests and the conformance run do, a page load should not pay for it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseOriginList } from './http/cors.js';
import { ROOT, startServer } from './server.js';

// Storybook and the Vite dev server may post to a local backend out of the box.
const DEV_ORIGINS = 'http://localhost:6006,http://127.0.0.1:6006,http://localhost:5173,http://127.0.0.1:5173';

const localOrigins = (port: number) => ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`);

async function main() {
  if (process.argv.includes('--build')) {
    console.log('[partage] building the widgets (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (build.status !== 0)
      console.warn('[partage] the build failed: starting anyway; /dist/ serves whatever is there.');
  }
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : (process.env.PARTAGE_DATA_DIR ?? join(ROOT, '.data', 'pglite'));
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const distDir = join(ROOT, 'dist');
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  if (!existsSync(distDir))
    console.warn('[partage] no dist/ folder: the demo pages will not find the bundle (run npm run build).');

  const server = await startServer({
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(dataDir ? { dataDir } : {}),
    port,
    ...(process.env.HOST ? { hostname: process.env.HOST } : {}),
    // The demo pages may be opened as localhost or 127.0.0.1 whatever Host the API sees.
    allowedOrigins: [...parseOriginList(process.env.PARTAGE_ALLOWED_ORIGINS ?? DEV_ORIGINS), ...localOrigins(port)],
    sandbox:
      process.env.PARTAGE_SANDBOX === '1' ||
      (process.env.PARTAGE_SANDBOX !== '0' && process.env.NODE_ENV !== 'production'),
    demoDir: join(ROOT, 'demo'),
    distDir,
    openapiFile: join(ROOT, 'openapi.json'),
    checkResponses: process.env.PARTAGE_CHECK_RESPONSES === '1',
  });

  console.log(`[partage] database: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${dataDir}`}`);
  console.log(`[partage] API:  ${server.baseUrl}  (OpenAPI: ${server.baseUrl}/openapi.json)`);
  console.log(`[partage] demo: ${server.origin}/`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[partage] ${signal}: closing`);
    // PGlite flushes its data folder on close: a clean stop keeps every pledge.
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('[partage] failed to start:', error);
  process.exit(1);
});
