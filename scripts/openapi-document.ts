import * as z from 'zod/mini';
import {
  CalendarDate,
  endpoints,
  ErrorCode,
  HttpsUrl,
  Instant,
  Problem,
  type Endpoint,
  type EndpointName,
} from '../src/contract/index.js';
import { endpointDocs, type EndpointDoc } from '../src/contract/endpoint-docs.js';
import { problemCatalogue } from '../src/contract/problem-catalogue.js';
import { EmbedParams, EmbedQuery, OEmbedQuery, OEmbedResponse } from '../src/contract/embed.js';
import pkg from '../package.json' with { type: 'json' };

/**
 * Builds the OpenAPI 3.1 document from the contract's endpoint table and zod schemas, so the
 * published contract can never drift from what the client, mocks and server validate.
 */
type Json = Record<string, unknown>;

/** Browser-side, these are plain checked strings (see primitives.ts); the document names their format. */
const formats = new Map<unknown, string>([
  [Instant, 'date-time'],
  [CalendarDate, 'date'],
  [HttpsUrl, 'uri'],
]);

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const format = formats.get(zodSchema);
      if (format) jsonSchema.format = format;
    },
  }) as Json;
  return rest;
};

const problemResponse = (codes: readonly string[]) => ({
  description: `Problem details. Codes: ${codes.join(', ')}.`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parameters(ep: Endpoint): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', ep.params],
    ['query', ep.query],
  ] as const) {
    if (!schema) continue;
    const s = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: prop });
    }
  }
  if (ep.idempotent) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description:
        'Unique per pledge attempt; reuse it when retrying. Same key + same body replays the first response (with `Idempotent-Replayed: true`); same key + other body is 422; a duplicate while the first is in flight is 409; no key is 400.',
      schema: { type: 'string', minLength: 8, maxLength: 200 },
    });
  }
  if (ep.stream) {
    out.push({
      name: 'Last-Event-ID',
      in: 'header',
      required: false,
      description: 'Resume after this event id.',
      schema: { type: 'string' },
    });
  }
  if (ep.method === 'GET' && !ep.stream && !ep.redirect) {
    out.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'ETag of a cached copy; answered 304 when unchanged.',
      schema: { type: 'string' },
    });
  }
  return out;
}

function operation(name: EndpointName, ep: Endpoint): Json {
  const doc: EndpointDoc = endpointDocs[name];
  const errors: Record<string, string[]> = {};
  for (const code of doc.errors) (errors[String(problemCatalogue[code].status)] ??= []).push(code);
  const success: Json = ep.redirect
    ? {
        description: 'A redirect; `Location` is the target (never taken from the request).',
        headers: {
          Location: { schema: jsonSchema(ep.response, 'output') },
          'Cache-Control': { schema: { type: 'string', enum: ['no-store'] } },
          'Referrer-Policy': { schema: { type: 'string', enum: ['no-referrer'] } },
        },
      }
    : ep.stream
      ? {
          description: 'An event stream; each message `data` is a JSON document of this schema.',
          content: { 'text/event-stream': { schema: jsonSchema(ep.response, 'output') } },
        }
      : {
          description: 'OK',
          headers:
            ep.method === 'GET'
              ? { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } }
              : ep.idempotent
                ? {
                    'Idempotent-Replayed': {
                      description: '`true` when this is the replay of an earlier identical request.',
                      schema: { type: 'string', enum: ['true'] },
                    },
                  }
                : undefined,
          content: { 'application/json': { schema: jsonSchema(ep.response, 'output') } },
        };
  return {
    operationId: name,
    summary: doc.summary,
    tags: [doc.tag],
    // Every operation says how it is authorised: a member's bearer token, or nothing at all
    // (public reads, and writes guarded by origin and idempotency rather than by a credential).
    security: ep.access === 'member' ? [{ member: [] }] : [],
    ...(ep.access !== 'public' ? { description: 'Writes are accepted only from allow-listed origins.' } : {}),
    parameters: parameters(ep),
    ...(ep.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(ep.body, 'input') } } } }
      : {}),
    responses: {
      [String(ep.status)]: success,
      ...(ep.method === 'GET' && !ep.stream && !ep.redirect
        ? { '304': { description: 'Not modified (If-None-Match matched).' } }
        : {}),
      ...Object.fromEntries(Object.entries(errors).map(([status, codes]) => [status, problemResponse(codes)])),
    },
  };
}

/** Query or path parameters of a schema that is not an endpoint of the widgets' contract. */
function parametersOf(schema: z.ZodMiniType, where: 'path' | 'query'): Json[] {
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: prop,
  }));
}

const cachedGet = {
  ETag: { schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
};
const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'ETag of a cached copy; answered 304 when unchanged.',
  schema: { type: 'string' },
};

/**
 * Served by the reference backend for pages that embed without a build step; the widgets never
 * call them, so they are not in the endpoint table.
 */
const embedPaths: Record<string, Json> = {
  '/embed/{widget}': {
    get: {
      operationId: 'getEmbedSnippet',
      summary:
        'A widget pre-rendered with its current data: the `<script type="module">` line, then the element with its Declarative Shadow DOM and data. It reads fully without JavaScript, then hydrates and goes live. Refresh a pasted copy now and then (the figures are those of when it was rendered until the script runs).',
      tags: ['embed'],
      security: [],
      parameters: [...parametersOf(EmbedParams, 'path'), ...parametersOf(EmbedQuery, 'query'), ifNoneMatch],
      responses: {
        '200': {
          description: 'HTML to paste.',
          headers: cachedGet,
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        '304': { description: 'Not modified (If-None-Match matched).' },
        '400': problemResponse(['validation_failed']),
        '404': problemResponse(['not_found']),
      },
    },
  },
  '/oembed': {
    get: {
      operationId: 'getOEmbed',
      summary:
        'oEmbed (https://oembed.com/) for campaign pages of this server: a `rich` answer whose HTML (a blockquote with the link, and a sandboxed iframe of the card following WordPress’s embed protocol) survives WordPress’s filter of providers outside its list.',
      tags: ['embed'],
      security: [],
      parameters: [...parametersOf(OEmbedQuery, 'query'), ifNoneMatch],
      responses: {
        '200': {
          description: 'OK',
          headers: cachedGet,
          content: { 'application/json': { schema: jsonSchema(OEmbedResponse, 'output') } },
        },
        '304': { description: 'Not modified (If-None-Match matched).' },
        '400': problemResponse(['validation_failed']),
        '404': problemResponse(['not_found']),
      },
    },
  },
};

/** Problem, whose `code` points at the catalogue of known codes (a backend may add its own). */
function problemSchema(): Json {
  const schema = jsonSchema(Problem, 'output') as { properties: Record<string, Json> };
  schema.properties.code = {
    description: 'Machine-readable code: one of ErrorCode, or a backend-specific one.',
    anyOf: [{ $ref: '#/components/schemas/ErrorCode' }, { type: 'string' }],
  };
  return schema;
}

export function buildOpenApi(): Json {
  const paths: Record<string, Json> = {};
  for (const [name, ep] of Object.entries(endpoints) as [EndpointName, Endpoint][]) {
    (paths[ep.path] ??= {})[ep.method.toLowerCase()] = operation(name, ep);
  }
  Object.assign(paths, embedPaths);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Partage API',
      version: pkg.version,
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'The HTTP contract every Partage-compatible backend serves. Money is `{ amount, currency }` in integer minor units with an ISO 4217 code; times are ISO 8601 UTC; errors are RFC 9457 problem+json with a machine `code`; lists are `{ items, nextCursor }`.',
    },
    servers: [{ url: 'https://api.example.org/v1' }, { url: 'http://localhost:8787/v1' }],
    tags: [
      {
        name: 'campaigns',
        description: 'Crowdfunding campaigns, their reward tiers, backers, pledges and live events.',
      },
      {
        name: 'neighbourhoods',
        description: 'Neighbourhood sharing: stats, listings, replies, reports and live events.',
      },
      {
        name: 'civic',
        description: 'Neighbourhood polls and the local agenda (organisers write; members vote and answer).',
      },
      { name: 'members', description: 'The signed-in member behind a bearer token.' },
      { name: 'embed', description: 'Pre-rendered snippets and oEmbed for pages that embed without a build step.' },
      { name: 'live', description: 'One stream of live events for many resources, and its polling form.' },
    ],
    paths,
    components: {
      schemas: { Problem: problemSchema(), ErrorCode: jsonSchema(ErrorCode, 'output') },
      securitySchemes: {
        member: {
          type: 'http',
          scheme: 'bearer',
          description: 'Member token the host page obtains from its own platform.',
        },
      },
    },
  };
}

export const openApiText = () => `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
