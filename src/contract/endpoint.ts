import type * as z from 'zod/mini';

/**
 * What every endpoint is, for the client, the mocks and the server: method, path, schemas, access.
 * Human documentation (summaries, error codes) lives in endpoint-docs.ts so that browser bundles
 * do not carry it.
 *
 * Who may call an endpoint:
 * - `public`: any origin, no credentials (blogs embed cards);
 * - `write`: allow-listed origins only;
 * - `member`: allow-listed origins and `Authorization: Bearer <member token>`.
 */
export type Access = 'public' | 'write' | 'member';

export interface Endpoint {
  readonly method: 'GET' | 'POST';
  /** OpenAPI path template relative to the versioned base URL, e.g. `/campaigns/{campaignId}`. */
  readonly path: string;
  readonly access: Access;
  readonly params?: z.ZodMiniType;
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  /** Success body; for `stream` endpoints, the schema of each event's `data`. */
  readonly response: z.ZodMiniType;
  /** 303: a redirect (`redirect: true`), whose `response` is the schema of the `Location`. */
  readonly status: 200 | 201 | 303;
  readonly redirect?: true;
  readonly stream?: true;
  readonly idempotent?: true;
}
