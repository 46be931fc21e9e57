import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type ErrorCode,
  type FieldError,
  type Problem,
} from '../../src/contract/index.js';
import { problemCatalogue } from '../../src/contract/problem-catalogue.js';

export interface ProblemExtras {
  errors?: FieldError[];
  /** Seconds; also sent as the Retry-After header. */
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** A failure that becomes an RFC 9457 problem+json response. Thrown anywhere, answered once. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemType(this.code),
      title: problemCatalogue[this.code].title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.extras.errors ? { errors: this.extras.errors } : {}),
      ...(this.extras.retryAfter !== undefined ? { retryAfter: this.extras.retryAfter } : {}),
    };
  }
}

export const validationError = (errors: FieldError[], detail?: string) =>
  new HttpError(
    400,
    'validation_failed',
    detail ?? errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
    { errors },
  );

export function problemResponse(error: HttpError, instance?: string): Response {
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store' });
  if (error.extras.retryAfter !== undefined) headers.set('Retry-After', String(error.extras.retryAfter));
  for (const [name, value] of Object.entries(error.extras.headers ?? {})) headers.set(name, value);
  return new Response(JSON.stringify(error.toProblem(instance)), { status: error.status, headers });
}
