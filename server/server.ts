import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions, type PartageServerApp } from './app.js';
import { openDb, type Db } from './db/db.js';
import { migrate } from './db/migrate.js';
import { seedIfEmpty } from './db/seed.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface StartOptions extends Omit<AppOptions, 'db' | 'channel'> {
  /** PostgreSQL URL; absent: embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data folder; absent: in memory. */
  dataDir?: string;
  /** Work in this PostgreSQL schema (isolated test runs on one database). */
  schema?: string;
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
  /** Seed the demo fixtures into an empty database (default true). */
  seed?: boolean;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8787 */
  origin: string;
  /** The versioned API base URL, e.g. http://127.0.0.1:8787/v1 */
  baseUrl: string;
  db: Db;
  app: PartageServerApp;
  http: Server;
  close(): Promise<void>;
}

/**
 * The NOTIFY channel of a schema's events. Migration 006's triggers compute the same name in SQL
 * (partage_notify_campaign): keep the two in step.
 */
export const eventsChannel = (schema?: string) =>
  schema && schema !== 'public' ? `partage_events_${schema}` : 'partage_events';

/** Opens the database, migrates, seeds when empty, and listens. Used by `npm start` and the tests. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { databaseUrl, dataDir, schema, port = 8787, hostname, seed = true, ...appOptions } = options;
  const db = await openDb({
    ...(databaseUrl ? { url: databaseUrl } : {}),
    ...(dataDir ? { dataDir } : {}),
    ...(schema ? { schema } : {}),
  });
  try {
    await migrate(db);
    if (seed) await seedIfEmpty(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const app = await createApp({ ...appOptions, db, channel: eventsChannel(schema) });
  const http = await new Promise<Server>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }, () =>
      resolve(server as Server),
    );
    server.once('error', reject);
  });
  const address = http.address() as AddressInfo;
  const host = !hostname || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    baseUrl: `${origin}/v1`,
    db,
    app,
    http,
    close: () =>
      (closing ??= (async () => {
        // Open event streams would keep close() waiting forever.
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await app.close();
        await db.close();
      })()),
  };
}
