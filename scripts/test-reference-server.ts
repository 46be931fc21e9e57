/**
 * The reference server for tests that run against a real backend process: embedded database in
 * memory (or TEST_SERVER_DATABASE_URL, in schema TEST_SERVER_SCHEMA: several processes on one
 * PostgreSQL), sandbox on, writes allowed from any origin (the test page's). Prints its base URL
 * as one JSON line on stdout, then runs until killed.
 */
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
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
