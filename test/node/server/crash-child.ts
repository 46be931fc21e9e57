/**
 * The reference server in a process of its own, for the kill -9 test (crash.test.ts): the
 * embedded database in PARTAGE_DATA_DIR, or PostgreSQL (DATABASE_URL) in PARTAGE_SCHEMA.
 * Prints `LISTENING <baseUrl>` once it answers.
 */
import { startServer } from '../../../server/server.js';

const server = await startServer({
  ...(process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL, schema: process.env.PARTAGE_SCHEMA! }
    : { dataDir: process.env.PARTAGE_DATA_DIR! }),
  port: Number(process.env.PORT ?? 0),
  hostname: '127.0.0.1',
  sandbox: true,
  demoDir: null,
  distDir: null,
});
console.log(`LISTENING ${server.baseUrl}`);
