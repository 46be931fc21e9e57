import { randomBytes } from 'node:crypto';
import { openDb } from '../../../server/db/db.js';
import type { Sandbox } from '../../../server/routes/sandbox.js';
import { startServer, type RunningServer, type StartOptions } from '../../../server/server.js';

export type DbKind = 'pglite' | 'postgres';

/** Every server test runs on the embedded database, and also on PostgreSQL when DATABASE_URL is set. */
export const databases: DbKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestServer extends RunningServer {
  kind: DbKind;
  /** fetch relative to the API base URL (`campaigns/x`). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** A fresh sandbox (campaign, 10-unit reward, equity raise, closed campaign, board, members). */
  sandbox(): Promise<Sandbox>;
  /** Count rows of a table (to prove that refused requests stored nothing). */
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
}

/**
 * Starts the reference server in this process on a free port: in-memory PGlite, or a private
 * schema of the DATABASE_URL database (dropped on close), seeded with the demo fixtures.
 */
export async function startTestServer(kind: DbKind, options: Partial<StartOptions> = {}): Promise<TestServer> {
  const schema = kind === 'postgres' ? `test_${randomBytes(6).toString('hex')}` : undefined;
  const server = await startServer({
    port: 0,
    hostname: '127.0.0.1',
    sandbox: true,
    demoDir: null,
    distDir: null,
    ...(kind === 'postgres' ? { databaseUrl: process.env.DATABASE_URL!, schema: schema! } : {}),
    ...options,
  });
  const base = `${server.baseUrl}/`;
  const api = (path: string, init?: RequestInit) => fetch(new URL(path.replace(/^\//, ''), base), init);
  return {
    ...server,
    kind,
    api,
    async sandbox() {
      const res = await api('_sandbox/campaigns', { method: 'POST' });
      if (res.status !== 201) throw new Error(`sandbox: ${res.status} ${await res.text()}`);
      return (await res.json()) as Sandbox;
    },
    async count(table, where = 'true', params = []) {
      const r = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
      return r.rows[0]!.n;
    },
    async close() {
      await server.close();
      if (schema) {
        const admin = await openDb({ url: process.env.DATABASE_URL! });
        await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.close();
      }
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const pledgeBody = (amount = 100, extra: Record<string, unknown> = {}) => ({
  amount: { amount, currency: 'EUR' },
  backer: { name: 'Test Backer', email: 'backer@example.org' },
  ...extra,
});

export const pledgeInit = (
  body: unknown,
  key: string | null = crypto.randomUUID(),
  headers: Record<string, string> = {},
): RequestInit => json(body, { ...(key === null ? {} : { 'Idempotency-Key': key }), ...headers });

/** Reads a problem+json response and checks its envelope. */
export async function problemOf(res: Response) {
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json'))
    throw new Error(`expected problem+json, got ${res.status} ${type}: ${await res.text()}`);
  return (await res.json()) as {
    status: number;
    code: string;
    errors?: { path: string; message: string }[];
    detail?: string;
    retryAfter?: number;
  };
}
