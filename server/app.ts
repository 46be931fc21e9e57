import { readFile } from 'node:fs/promises';
import { Hono, type Context } from 'hono';
import type * as z from 'zod/mini';
import { IDEMPOTENCY_HEADER, endpoints, type Endpoint, type EndpointName } from '../src/contract/index.js';
import type { AppContext } from './context.js';
import type { Db } from './db/db.js';
import { readJsonBody, MAX_BODY_BYTES } from './http/body.js';
import { cachedJson } from './http/caching.js';
import { applyCors, isSameOrigin, normalizeOrigin, preflight } from './http/cors.js';
import { HttpError, problemResponse, validationError } from './http/problem.js';
import { staticFiles } from './http/static.js';
import { parseWith } from './http/validation.js';
import { campaignHandlers } from './routes/campaigns.js';
import { liveHandlers } from './routes/live.js';
import { civicHandlers } from './routes/civic.js';
import { neighbourhoodHandlers } from './routes/neighbourhoods.js';
import { embedHandlers } from './routes/embed.js';
import { createSandbox } from './routes/sandbox.js';
import type { Handler, Handlers, Input } from './routes/types.js';
import { CampaignCache } from './store/campaign-cache.js';
import { EventHub } from './store/events.js';
import { housekeeping } from './store/housekeeping.js';
import { KEY_PATTERN } from './store/idempotency.js';
import {
  authenticate,
  databaseAuthenticator,
  hitRateLimit,
  rememberMember,
  type Authenticator,
  type RateLimit,
} from './store/members.js';

export interface AppOptions {
  db: Db;
  /** Origins allowed to write everywhere (besides the server's own). `*` allows any origin. */
  allowedOrigins?: readonly string[];
  /** Serve the non-contract `POST /v1/_sandbox/campaigns` used by the conformance suite. */
  sandbox?: boolean;
  /** Clock (tests move time). */
  now?: () => Date;
  heartbeatMs?: number;
  /** Per-member limit on board writes (default 10 per minute). */
  memberWrites?: RateLimit;
  /** How bearer tokens become members (default: the members table). */
  authenticate?: Authenticator;
  /** Folder served at `/` (the demo pages); null: none. */
  demoDir?: string | null;
  /** Folder served at `/dist/` (the CDN bundle); null: none. */
  distDir?: string | null;
  /** The OpenAPI document served at /v1/openapi.json. */
  openapiFile?: string | null;
  /** Validate every success body against the contract before sending it (a 500 if it does not match). */
  checkResponses?: boolean;
  /** NOTIFY channel; one per database schema. */
  channel?: string;
  maxBodyBytes?: number;
}

export interface PartageServerApp {
  app: Hono;
  fetch: (request: Request) => Promise<Response>;
  hub: EventHub;
  /** This process's kept campaign reads. */
  campaigns: CampaignCache;
  close(): Promise<void>;
}

const handlers: Handlers = { ...campaignHandlers, ...neighbourhoodHandlers, ...liveHandlers, ...civicHandlers };
const PUBLIC_CACHE = 'public, max-age=5, stale-while-revalidate=30';

/** Where each write finds its resource's own allowed origins (replies follow the board's). */
const resourceOrigins: Partial<Record<EndpointName, string>> = {
  createPledge: 'SELECT allowed_origins FROM campaigns WHERE id = $1 OR slug = $1',
  createListing: 'SELECT allowed_origins FROM neighbourhoods WHERE id = $1 OR slug = $1',
  createReply:
    'SELECT n.allowed_origins FROM listings l JOIN neighbourhoods n ON n.id = l.neighbourhood_id WHERE l.id = $1',
  createReport:
    'SELECT n.allowed_origins FROM listings l JOIN neighbourhoods n ON n.id = l.neighbourhood_id WHERE l.id = $1',
  createPoll: 'SELECT allowed_origins FROM neighbourhoods WHERE id = $1 OR slug = $1',
  createAgendaItem: 'SELECT allowed_origins FROM neighbourhoods WHERE id = $1 OR slug = $1',
  getPartnerVisits: 'SELECT allowed_origins FROM neighbourhoods WHERE id = $1 OR slug = $1',
  ...Object.fromEntries(
    (['updatePoll', 'closePoll', 'castVote', 'getMyVote'] as const).map((name) => [
      name,
      'SELECT n.allowed_origins FROM polls p JOIN neighbourhoods n ON n.id = p.neighbourhood_id WHERE p.id = $1',
    ]),
  ),
  ...Object.fromEntries(
    (['updateAgendaItem', 'cancelAgendaItem', 'rsvp', 'getMyRsvp'] as const).map((name) => [
      name,
      'SELECT n.allowed_origins FROM agenda_items a JOIN neighbourhoods n ON n.id = a.neighbourhood_id WHERE a.id = $1',
    ]),
  ),
};

/** `/campaigns/{campaignId}` → `/v1/campaigns/:campaignId`. */
const routeOf = (path: string) => `/v1${path.replace(/\{(\w+)\}/g, ':$1')}`;

export async function createApp(options: AppOptions): Promise<PartageServerApp> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const channel = options.channel ?? 'partage_events';
  const hub = new EventHub(db, channel);
  await hub.start();
  const campaigns = new CampaignCache(db, channel);
  await campaigns.start();
  const ctx: AppContext = {
    db,
    hub,
    campaigns,
    channel,
    now,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    authenticator: options.authenticate ?? databaseAuthenticator(db),
    memberWrites: options.memberWrites ?? { limit: 10, windowMs: 60_000 },
  };
  const globalOrigins = new Set(
    (options.allowedOrigins ?? []).map((o) => normalizeOrigin(o)).filter((o): o is string => !!o),
  );
  const checkResponses = options.checkResponses ?? true;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;

  /** Write access for this origin: same origin, global list, or the resource's own list. */
  async function assertOriginAllowed(name: EndpointName, params: Record<string, string>, request: Request) {
    const raw = request.headers.get('origin');
    if (raw === null || isSameOrigin(raw, request)) return;
    const origin = normalizeOrigin(raw);
    if (origin && (globalOrigins.has('*') || globalOrigins.has(origin))) return;
    if (origin) {
      const sql = resourceOrigins[name];
      const ref = params.campaignId ?? params.neighbourhoodId ?? params.listingId ?? params.pollId ?? params.itemId;
      if (sql && ref) {
        const found = await db.query<{ allowed_origins: string[] }>(sql, [ref]);
        if (found.rows.some((r) => r.allowed_origins.includes(origin))) return;
      }
    }
    throw new HttpError(
      403,
      'origin_not_allowed',
      `Pages on ${raw.slice(0, 200)} may not do this. The platform can add the site to its allowed origins.`,
    );
  }

  /** The shared pipeline: access, input validation, handler, response contract and caching. */
  async function run(name: EndpointName, ep: Endpoint, c: Context): Promise<Response> {
    const request = c.req.raw;
    const at = now();
    const params = (ep.params ? parseWith(ep.params, c.req.param()) : {}) as Record<string, string>;
    if (ep.access !== 'public') await assertOriginAllowed(name, params, request);
    let member;
    if (ep.access === 'member') {
      member = await authenticate(request, ctx.authenticator);
      if (ep.method === 'POST') {
        await hitRateLimit(db, `member:${member.id}`, ctx.memberWrites, at);
        await rememberMember(db, member, at);
      }
    }
    let idempotencyKey: string | undefined;
    if (ep.idempotent) {
      idempotencyKey = request.headers.get(IDEMPOTENCY_HEADER) ?? undefined;
      if (idempotencyKey === undefined || idempotencyKey.trim() === '') {
        throw new HttpError(
          400,
          'idempotency_key_missing',
          `Send an ${IDEMPOTENCY_HEADER} header (a new UUID per pledge, reused for its retries).`,
        );
      }
      if (!KEY_PATTERN.test(idempotencyKey)) {
        throw validationError([
          { path: IDEMPOTENCY_HEADER, message: 'must be 1–255 printable ASCII characters, e.g. a UUID' },
        ]);
      }
    }
    const query = ep.query ? parseWith(ep.query, c.req.query()) : undefined;
    let rawBody: unknown;
    let body: unknown;
    if (ep.body) {
      rawBody = await readJsonBody(request, maxBody);
      body = parseWith(ep.body, rawBody);
    }
    const input = { params, query, body, rawBody, member, idempotencyKey, request, now: at } as unknown as Input<
      typeof name
    >;
    const result = await (handlers[name] as Handler<typeof name>)(input, ctx);

    if (result instanceof Response) {
      if (checkResponses && result.ok && !ep.stream)
        await assertContract(name, ep.response, await result.clone().json());
      return result;
    }
    if (checkResponses) await assertContract(name, ep.response, result.body);
    const text = result.serialized?.text ?? JSON.stringify(result.body);
    if (ep.method === 'GET')
      return cachedJson(
        request,
        ep.status,
        text,
        result.cacheControl ?? PUBLIC_CACHE,
        undefined,
        result.serialized?.etag,
      );
    return new Response(text, {
      status: ep.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }

  const app = new Hono();
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c.req.raw);
    await next();
    applyCors(c.req.raw, c.res);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  const methodsByRoute = new Map<string, Set<string>>();
  for (const [name, ep] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    const route = routeOf(ep.path);
    app.on(ep.method, route, (c) => run(name, ep, c));
    methodsByRoute.set(route, (methodsByRoute.get(route) ?? new Set()).add(ep.method));
  }

  app.get('/v1/openapi.json', async (c) => {
    const text = options.openapiFile ? await readFile(options.openapiFile, 'utf8').catch(() => null) : null;
    if (text === null)
      throw new HttpError(404, 'not_found', 'This server has no OpenAPI document (run `npm run openapi`).');
    return cachedJson(c.req.raw, 200, text, 'public, max-age=300');
  });
  methodsByRoute.set('/v1/openapi.json', new Set(['GET']));

  // Snippets and oEmbed read this app's own API in-process.
  const embed = embedHandlers({ fetch: (request) => Promise.resolve(app.fetch(request)) });
  app.get('/v1/embed/:widget', (c) => embed.embed(c.req.raw, c.req.param('widget'), c.req.query()));
  methodsByRoute.set('/v1/embed/:widget', new Set(['GET']));
  app.get('/v1/oembed', (c) => embed.oembed(c.req.raw, c.req.query()));
  methodsByRoute.set('/v1/oembed', new Set(['GET']));
  app.get('/campaigns/:slug', (c) => embed.campaignPage(c.req.raw, c.req.param('slug'), c.req.query()));
  app.get('/embed/campaigns/:slug', (c) => embed.cardFrame(c.req.raw, c.req.param('slug'), c.req.query()));
  app.get('/embed/protocol.js', (c) => embed.protocol(c.req.raw));
  app.get('/embed/styles/:name', (c) => embed.stylesheet(c.req.raw, c.req.param('name')));

  if (options.sandbox) {
    app.post('/v1/_sandbox/campaigns', async (c) => {
      const origin = c.req.header('origin');
      if (origin && !isSameOrigin(origin, c.req.raw))
        throw new HttpError(403, 'origin_not_allowed', 'The sandbox is for server-side test runners.');
      return c.json(await createSandbox(db, now()), 201, { 'Cache-Control': 'no-store' });
    });
    methodsByRoute.set('/v1/_sandbox/campaigns', new Set(['POST']));
    // How many live connections this process holds: lets tests check a page holds exactly one.
    app.get('/v1/_sandbox/streams', (c) => {
      const origin = c.req.header('origin');
      if (origin && !isSameOrigin(origin, c.req.raw))
        throw new HttpError(403, 'origin_not_allowed', 'The sandbox is for server-side test runners.');
      return c.json({ connections: hub.connections }, 200, { 'Cache-Control': 'no-store' });
    });
    methodsByRoute.set('/v1/_sandbox/streams', new Set(['GET']));
  }

  // Known paths with another method: 405 with the methods that do exist.
  for (const [route, methods] of methodsByRoute) {
    const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    app.all(route, () => {
      throw new HttpError(405, 'method_not_allowed', `Use ${allow}.`, { headers: { Allow: allow } });
    });
  }
  app.all('/v1/*', (c) => {
    throw new HttpError(404, 'not_found', `No endpoint at ${c.req.path.slice(0, 200)}.`);
  });

  if (options.distDir) {
    const dist = staticFiles(options.distDir, '/dist');
    app.all('/dist/*', (c) => dist(c.req.raw));
    app.all('/dist', (c) => dist(c.req.raw));
  }
  if (options.demoDir) {
    const demo = staticFiles(options.demoDir, '');
    app.all('*', (c) => demo(c.req.raw));
  }

  app.notFound((c) => problemResponse(new HttpError(404, 'not_found', `Nothing at ${c.req.path.slice(0, 200)}.`)));
  app.onError((error, c) => {
    if (error instanceof HttpError) return problemResponse(error, c.req.path.slice(0, 500));
    // The stack only: database errors carry the query parameters, i.e. backers' e-mails.
    console.error(
      `[partage] ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return problemResponse(new HttpError(500, 'internal_error', 'Something went wrong on our side. Please retry.'));
  });

  void housekeeping(db, now()).catch((e: unknown) => console.warn(`[housekeeping] ${(e as Error).message}`));
  const timer = setInterval(
    () => void housekeeping(db, now()).catch((e: unknown) => console.warn(`[housekeeping] ${(e as Error).message}`)),
    3_600_000,
  );
  timer.unref();

  return {
    app,
    fetch: (request) => Promise.resolve(app.fetch(request)),
    hub,
    campaigns,
    async close() {
      clearInterval(timer);
      await campaigns.close();
      await hub.close();
    },
  };
}

/** Our own answers must match the contract; a mismatch is our bug, reported as 500. */
async function assertContract(name: string, schema: z.ZodMiniType, value: unknown) {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    throw new Error(`Response of ${name} does not match the contract: ${issues}`);
  }
}
