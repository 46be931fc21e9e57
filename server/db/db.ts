/**
 * The one database interface the server uses, with two implementations: PGlite (PostgreSQL in
 * WASM, in process; data in a folder or in memory) and a real PostgreSQL server through `pg`.
 * Both run the very same SQL, so everything the server does is written once.
 */
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface Tx extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Tx {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `fn` for every NOTIFY on `channel`, from this process or any other one sharing the
   * database. `onReconnect` is called after a lost listening connection came back, so callers
   * can catch up on what they missed; `onLost` as soon as it is lost (notifications may be missed
   * from then on). Resolves to an unsubscribe function.
   */
  listen(
    channel: string,
    fn: (payload: string) => void,
    onReconnect?: () => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL of a PostgreSQL server; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; absent: in memory. */
  dataDir?: string;
  /**
   * PostgreSQL schema to work in (created if missing). Lets several test runs share one server
   * database without seeing each other's rows.
   */
  schema?: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

const INT8 = 20;
const NUMERIC = 1700;
/** Minor units fit easily in 2^53, so int8 and numeric come back as plain numbers, not strings. */
const toNumber = (value: string) => Number(value);

export async function openDb(options: DbOptions = {}): Promise<Db> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new TypeError(`Invalid schema name "${options.schema}"`);
  }
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPglite(options: DbOptions): Promise<Db> {
  const lite = await PGlite.create(options.dataDir, {
    parsers: { [pgliteTypes.INT8]: toNumber, [pgliteTypes.NUMERIC]: toNumber },
  });
  if (options.schema) {
    await lite.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path TO ${options.schema}`);
  }
  // PGlite reports affectedRows 0 for SELECT, and no rows for an UPDATE without RETURNING.
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Tx => ({
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<R>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const direct = wrap(lite);
  return {
    kind: 'pglite',
    query: direct.query,
    // PGlite has a single connection: its transaction() queues every other query and
    // transaction behind a mutex, so transactions never interleave.
    transaction: (fn) => lite.transaction((tx) => fn(wrap(tx))),
    exec: direct.exec,
    listen: async (channel, fn) => {
      const stop = await lite.listen(channel, fn);
      return async () => {
        await stop();
      };
    },
    close: () => lite.close(),
  };
}

/**
 * Statements with parameters run as named prepared statements: each connection parses and plans
 * one once, then only binds and executes it (a campaign read or a pledge's function call is
 * planned once per connection instead of once per request). Statements without parameters (BEGIN,
 * COMMIT, migrations) run as they are. The names are per text: the set of texts the server builds
 * is small and fixed.
 */
const statementNames = new Map<string, string>();
const MAX_NAMED = 500;
let statementCount = 0;
function prepared(sql: string, params: readonly unknown[]): pg.QueryConfig {
  if (params.length === 0) return { text: sql };
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED) {
    name = `partage_${statementCount++}`;
    statementNames.set(sql, name);
  }
  return name === undefined
    ? { text: sql, values: params as unknown[] }
    : { name, text: sql, values: params as unknown[] };
}

/**
 * A prepared `SELECT *` whose table gained a column (another process migrated) fails with
 * "cached plan must not change result type". The statement gets a new name (prepared afresh on
 * each connection) and runs again once.
 */
async function withReprepare<T>(sql: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code !== '0A000' || !e.message?.includes('cached plan must not change result type')) throw error;
    statementNames.delete(sql);
    return run();
  }
}

async function openPostgres(url: string, options: DbOptions): Promise<Db> {
  const typeParsers = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 || oid === NUMERIC
        ? toNumber
        : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const schema = options.schema;
  const connection = {
    connectionString: url,
    types: typeParsers,
    // Every connection works in the schema from its first statement on.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({ ...connection, max: options.poolSize ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a handler
  // that would crash the process. The next query simply gets a fresh connection.
  pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  let listener: PostgresListener | undefined;

  return {
    kind: 'postgres',
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const result = await withReprepare(sql, () => pool.query(prepared(sql, params)));
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R>(sql: string, params: readonly unknown[] = []) {
            const r = await client.query(prepared(sql, params));
            return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async listen(channel, fn, onReconnect, onLost) {
      listener ??= new PostgresListener(connection);
      return listener.add(channel, fn, onReconnect, onLost);
    },
    async close() {
      await listener?.close();
      await pool.end();
    },
  };
}

/**
 * One dedicated connection that LISTENs on every channel anyone asked for. When it drops, it
 * reconnects with backoff, LISTENs again and tells subscribers to catch up (notifications sent
 * while it was away are lost; the events table is not).
 */
class PostgresListener {
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #handlers = new Map<
    string,
    Set<{ fn: (payload: string) => void; onReconnect?: (() => void) | undefined; onLost?: (() => void) | undefined }>
  >();
  #closed = false;
  #retryMs = 250;

  constructor(private readonly config: pg.ClientConfig) {}

  async add(channel: string, fn: (payload: string) => void, onReconnect?: () => void, onLost?: () => void) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new TypeError(`Invalid channel "${channel}"`);
    const entry = { fn, onReconnect, onLost };
    let set = this.#handlers.get(channel);
    const client = await this.#connect();
    if (!set) {
      set = new Set();
      this.#handlers.set(channel, set);
      await client.query(`LISTEN ${channel}`);
    }
    set.add(entry);
    return async () => {
      set.delete(entry);
      if (set.size === 0 && this.#handlers.get(channel) === set) {
        this.#handlers.delete(channel);
        await this.#client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
      }
    };
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client(this.config);
      client.on('notification', (message) => {
        for (const h of this.#handlers.get(message.channel) ?? []) h.fn(message.payload ?? '');
      });
      client.on('error', () => this.#lost(client));
      client.on('end', () => this.#lost(client));
      await client.connect();
      for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.#client = client;
      this.#connecting = undefined;
      this.#retryMs = 250;
      return client;
    })().catch((error: unknown) => {
      this.#connecting = undefined;
      throw error;
    });
    return this.#connecting;
  }

  #lost(client: pg.Client) {
    if (this.#client !== client || this.#closed) return;
    this.#client = undefined;
    void client.end().catch(() => undefined);
    for (const set of this.#handlers.values()) for (const h of set) h.onLost?.();
    const retry = () => {
      if (this.#closed) return;
      this.#connect().then(
        () => {
          for (const set of this.#handlers.values()) for (const h of set) h.onReconnect?.();
        },
        () => {
          this.#retryMs = Math.min(this.#retryMs * 2, 10_000);
          setTimeout(retry, this.#retryMs).unref();
        },
      );
    };
    setTimeout(retry, this.#retryMs).unref();
  }

  async close() {
    this.#closed = true;
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
