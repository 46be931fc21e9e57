/**
 * The reference server as `npm run bench` measures it, in its own process (so the load generator's
 * own work, in the parent, is not counted as the server's): answers not re-validated (as
 * `npm start` runs; tests still re-validate), sandbox on, no demo, files or OpenAPI served,
 * PostgreSQL when BENCH_DATABASE_URL is set (in schema BENCH_SCHEMA). Prints its base URL as one
 * JSON line on stdout; SIGTERM closes it.
 */
import { startServer } from '../../server/server.js';

const url = process.env.BENCH_DATABASE_URL;
const server = await startServer({
  port: 0,
  hostname: '127.0.0.1',
  sandbox: true,
  demoDir: null,
  distDir: null,
  openapiFile: null,
  checkResponses: false,
  ...(url ? { databaseUrl: url, schema: process.env.BENCH_SCHEMA ?? `bench_${Date.now()}` } : {}),
});
process.stdout.write(`${JSON.stringify({ baseUrl: server.baseUrl })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
