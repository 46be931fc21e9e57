import { HttpResponse } from 'msw';
import { problemCatalogue } from '../contract/problem-catalogue.js';
import {
  PROBLEM_CONTENT_TYPE,
  problemType,
  type ErrorCode,
  type FieldError,
  type Problem,
  type RuleViolation,
} from '../contract/index.js';
import { baseHeaders } from './http-utils.js';

export interface ProblemExtras {
  errors?: FieldError[];
  /** Seconds; also sent as the Retry-After header. */
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** An RFC 9457 problem+json response, shaped like the reference backend's. */
export function problem(
  status: number,
  code: ErrorCode | string,
  detail?: string,
  extras: ProblemExtras = {},
): Response {
  const body: Problem = {
    type: problemType(code),
    title: problemCatalogue[code as ErrorCode]?.title ?? 'Error',
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...(extras.errors ? { errors: extras.errors } : {}),
    ...(extras.retryAfter === undefined ? {} : { retryAfter: extras.retryAfter }),
  };
  const headers: Record<string, string> = { ...baseHeaders, 'Content-Type': PROBLEM_CONTENT_TYPE, ...extras.headers };
  if (extras.retryAfter !== undefined) headers['Retry-After'] = String(extras.retryAfter);
  return new HttpResponse(JSON.stringify(body), { status, headers });
}

/** 400 for a bad path or query, 422 for a bad body: both carry every offending field. */
export function validationProblem(status: 400 | 422, errors: FieldError[]): Response {
  const first = errors[0];
  const detail = first ? `${first.path || 'request'}: ${first.message}` : 'The request is not valid.';
  return problem(status, 'validation_failed', detail, { errors });
}

/** A broken pledge rule (src/contract/rules.ts) as the backend reports it. */
export function violationProblem(v: RuleViolation): Response {
  return problem(v.status, v.code, v.detail, v.path ? { errors: [{ path: v.path, message: v.detail }] } : {});
}

export const notFound = (what: string, id: string) => problem(404, 'not_found', `No ${what} "${id}".`);
