/**
 * The reference server for tests that run against a real backend process: embedded database in
 * memory (or TEST_SERVER_DATABASE_URL, in schema TEST_SERVER_SCHEMA: several processes on one
 * PostgreSQL), sandbox on, writes allowed from any origin (the test page's). Prints its base URL
 * as one JSON line on stdout, then runs until killed.
 */
import { createInterface } from 'node:readline';
import { startServer } from '../server/server.js';

const server = await startServer({
  port: 0,
  hostname: '127.0.0.1',
  sandbox: true,
  allowedOrigins: ['*'],
  demoDir: null,
  distDir: null,
  openapiFile: null,
  heartbeatMs: 5_000,
  ...(process.env.TEST_SERVER_DATABASE_URL
    ? { databaseUrl: process.env.TEST_SERVER_DATABASE_URL, schema: process.env.TEST_SERVER_SCHEMA ?? 'public' }
    : {}),
});
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl })}\n`);
// Benchmarks ask for the process's memory (`memory` on stdin; run with --expose-gc to collect first).
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ rss, heapUsed, connections: server.app.hub.connections })}\n`);
});
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
