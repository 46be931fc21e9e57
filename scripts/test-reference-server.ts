/**
 * The reference server for browser tests that run against the real backend: embedded database
 * in memory, sandbox on, writes allowed from any origin (the test page's). Prints its base URL
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
});
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
