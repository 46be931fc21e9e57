import type * as z from 'zod/mini';
import { parseWith, queryOf, readJson } from './http-utils.js';
import type { PathParams } from './context.js';
import { problem, validationProblem } from './problem.js';

/** Either the validated value or the problem response to send instead. */
export type Checked<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Path parameters and query strings are the URL: invalid ones are 400. */
export function checkParams<S extends z.ZodMiniType>(schema: S, params: PathParams): Checked<z.infer<S>> {
  const parsed = parseWith(schema, params);
  return parsed.ok ? parsed : { ok: false, response: validationProblem(400, parsed.errors) };
}

export function checkQuery<S extends z.ZodMiniType>(schema: S, request: Request): Checked<z.infer<S>> {
  const parsed = parseWith(schema, queryOf(request));
  return parsed.ok ? parsed : { ok: false, response: validationProblem(400, parsed.errors) };
}

/** A well-formed JSON body whose content breaks the schema is 422, with every field at fault. */
export function checkBody<S extends z.ZodMiniType>(schema: S, raw: unknown): Checked<z.infer<S>> {
  const parsed = parseWith(schema, raw);
  return parsed.ok ? parsed : { ok: false, response: validationProblem(422, parsed.errors) };
}

/** Reads the raw JSON body: 415 when not JSON, 413 when too large, 400 when unparsable. */
export async function readBody(request: Request): Promise<Checked<unknown>> {
  const read = await readJson(request);
  if (read.ok) return { ok: true, data: read.raw };
  const errors = read.code === 'validation_failed' ? [{ path: '', message: read.detail }] : undefined;
  return { ok: false, response: problem(read.status, read.code, read.detail, errors ? { errors } : {}) };
}
