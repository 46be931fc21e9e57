import type * as z from 'zod/mini';
import type { EndpointName, Member, endpoints } from '../../src/contract/index.js';
import type { AppContext } from '../context.js';

type Ep<K extends EndpointName> = (typeof endpoints)[K];
type SchemaOf<K extends EndpointName, F extends string> = Ep<K> extends { [P in F]: infer S } ? S : undefined;
type Parsed<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

/** A request after validation against its endpoint's schemas. */
export interface Input<K extends EndpointName> {
  params: Parsed<SchemaOf<K, 'params'>>;
  query: Parsed<SchemaOf<K, 'query'>>;
  body: Parsed<SchemaOf<K, 'body'>>;
  /** The JSON body before validation (for idempotency fingerprints). */
  rawBody: unknown;
  /** Present on member endpoints. */
  member: Member | undefined;
  /** Present on idempotent endpoints. */
  idempotencyKey: string | undefined;
  request: Request;
  now: Date;
}

/** A JSON success; the pipeline adds status, ETag and caching headers. */
export interface Json<K extends EndpointName> {
  body: z.infer<Ep<K>['response']>;
  /** Cache-Control of a GET (default: public, short-lived). */
  cacheControl?: string;
  /** `body` already serialized, and its ETag (kept by a cache): sent as they are. */
  serialized?: { text: string; etag: string };
}

export type Handler<K extends EndpointName> = (input: Input<K>, ctx: AppContext) => Promise<Json<K> | Response>;
export type Handlers = { [K in EndpointName]: Handler<K> };
