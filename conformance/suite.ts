import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import { Campaign, PROBLEM_CONTENT_TYPE, Problem, type PledgeRequest } from '../src/contract/index.js';
import { HttpClient, type HttpResponse } from './http.js';

/** What the suite pledges to and posts on. The sandbox endpoint fills it; or pass ids by hand. */
export interface Target {
  /** A live campaign taking 1.00 pledges without reward (concurrency checks move its totals). */
  campaignId?: string;
  /** A reward of that campaign with a small stock (10 in the sandbox) and a minimum ≤ 1.00. */
  limitedRewardId?: string;
  /** A live equity raise within a few minimum tickets of its hard cap (waitlist check). */
  equityCampaignId?: string;
  /** A campaign that does not take pledges any more. */
  closedCampaignId?: string;
  neighbourhoodId?: string;
  /** Member of `neighbourhoodId`, with its whole write budget left. */
  memberToken?: string;
  /** Member who does not belong to `neighbourhoodId`. */
  outsiderToken?: string;
  /** Organiser of `neighbourhoodId` (creates and closes polls, agenda items; sees partner visits). */
  organiserToken?: string;
  /** A partner service of `neighbourhoodId` (default: its first); the checks follow its link 100+ times. */
  partnerId?: string;
  /** 110 more members of `neighbourhoodId`, each with its whole write budget (votes, RSVPs). */
  voterTokens?: string[];
}

export type Status = 'pass' | 'fail' | 'skip';
export interface CheckResult {
  group: string;
  name: string;
  status: Status;
  detail?: string;
  ms: number;
}

/** Thrown by a check to report itself skipped (a missing target, say). */
export class Skip extends Error {}
/** Thrown by a failing expectation. */
export class Failure extends Error {}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

export function expectStatus(res: HttpResponse, expected: number | number[], what: string) {
  const list = Array.isArray(expected) ? expected : [expected];
  expect(
    list.includes(res.status),
    `${what}: expected HTTP ${list.join(' or ')}, got ${res.status} ${res.text.slice(0, 300)}`,
  );
}

/** The value matches a contract schema; returns it typed. */
export function expectShape<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Failure(`${what} does not match the contract: ${issues}`);
  }
  return result.data as z.infer<S>;
}

/** An RFC 9457 problem with this status and code, served as application/problem+json. */
export function expectProblem(
  res: HttpResponse,
  status: number | number[],
  code: string | string[],
  what: string,
): Problem {
  expectStatus(res, status, what);
  expect(
    (res.headers['content-type'] ?? '').startsWith(PROBLEM_CONTENT_TYPE),
    `${what}: Content-Type should be ${PROBLEM_CONTENT_TYPE}, got "${res.headers['content-type']}"`,
  );
  const problem = expectShape(Problem, res.json, `${what}: the problem body`);
  const codes = Array.isArray(code) ? code : [code];
  expect(codes.includes(problem.code), `${what}: expected code ${codes.join(' or ')}, got "${problem.code}"`);
  expect(
    problem.status === res.status,
    `${what}: problem.status ${problem.status} differs from the HTTP status ${res.status}`,
  );
  if (problem.code === 'validation_failed') {
    expect(
      Array.isArray(problem.errors) && problem.errors.length > 0,
      `${what}: validation_failed should list errors [{ path, message }]`,
    );
  }
  return problem;
}

export interface SuiteContext {
  http: HttpClient;
  target: Target;
  /** The target campaign as first read (for its currency and minimum). */
  campaign: Campaign | undefined;
  check(name: string, fn: () => Promise<void>): Promise<void>;
  /** A fresh Idempotency-Key. */
  key(): string;
  /** A valid pledge body for the target campaign. */
  pledge(amount: number, extra?: Partial<PledgeRequest>): PledgeRequest;
  /** POST a pledge with a fresh (or given) key. */
  postPledge(campaignId: string, body: unknown, headers?: Record<string, string>): Promise<HttpResponse>;
  /** Current totals of a campaign. */
  totals(campaignId: string): Promise<{ pledged: number; backerCount: number }>;
}

export interface SuiteOptions {
  baseUrl: string;
  target?: Target;
  /** Ask the server for a sandbox (POST {base}/_sandbox/campaigns) when no target is given (default true). */
  sandbox?: boolean;
  /** Only these groups (default: all). */
  groups?: string[];
  /** Only checks whose name matches. */
  grep?: RegExp;
  /** Progress output (default: none). */
  log?: (line: string) => void;
}

export interface SuiteReport {
  baseUrl: string;
  target: Target;
  targetSource: 'sandbox' | 'arguments' | 'none';
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
}

export type Group = (ctx: SuiteContext) => Promise<void>;

export async function runSuite(options: SuiteOptions, groups: Record<string, Group>): Promise<SuiteReport> {
  const http = new HttpClient(options.baseUrl);
  const log = options.log ?? (() => undefined);
  const results: CheckResult[] = [];
  let target: Target = { ...options.target };
  let targetSource: SuiteReport['targetSource'] = Object.values(target).some(Boolean) ? 'arguments' : 'none';
  try {
    if (targetSource === 'none' && options.sandbox !== false) {
      const res = await http.request('_sandbox/campaigns', { method: 'POST' }).catch(() => null);
      if (res?.status === 201 && res.json && typeof res.json === 'object') {
        target = res.json as Target;
        targetSource = 'sandbox';
      }
    }
    let campaign: Campaign | undefined;
    if (target.campaignId) {
      const res = await http.request(`campaigns/${encodeURIComponent(target.campaignId)}`);
      const parsed = Campaign.safeParse(res.json);
      if (parsed.success) campaign = parsed.data;
    }
    let group = '';
    const ctx: SuiteContext = {
      http,
      target,
      campaign,
      async check(name, fn) {
        if (options.grep && !options.grep.test(name)) return;
        const started = performance.now();
        let result: CheckResult;
        try {
          await fn();
          result = { group, name, status: 'pass', ms: performance.now() - started };
        } catch (error) {
          const status: Status = error instanceof Skip ? 'skip' : 'fail';
          const detail =
            error instanceof Failure || error instanceof Skip
              ? error.message
              : `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
          result = { group, name, status, detail, ms: performance.now() - started };
        }
        results.push(result);
        log(formatResult(result));
      },
      key: () => `conformance-${randomUUID()}`,
      pledge: (amount, extra = {}) => ({
        amount: { amount, currency: campaign?.goal.currency ?? 'EUR' },
        backer: { name: 'Conformance Suite', email: 'conformance@example.org' },
        ...extra,
      }),
      postPledge: (campaignId, body, headers = {}) =>
        http.request(`campaigns/${encodeURIComponent(campaignId)}/pledges`, {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': `conformance-${randomUUID()}`, ...headers },
        }),
      async totals(campaignId) {
        const res = await http.request(`campaigns/${encodeURIComponent(campaignId)}`, {
          headers: { 'Cache-Control': 'no-cache' },
        });
        expectStatus(res, 200, `GET campaigns/${campaignId}`);
        const c = expectShape(Campaign, res.json, `campaign ${campaignId}`);
        return { pledged: c.pledged.amount, backerCount: c.backerCount };
      },
    };
    for (const [name, run] of Object.entries(groups)) {
      if (options.groups && !options.groups.includes(name)) continue;
      group = name;
      log(`\n${name}`);
      await run(ctx);
    }
  } finally {
    http.close();
  }
  const count = (s: Status) => results.filter((r) => r.status === s).length;
  return {
    baseUrl: options.baseUrl,
    target,
    targetSource,
    results,
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
  };
}

export function formatResult(r: CheckResult): string {
  const mark = r.status === 'pass' ? '✔' : r.status === 'fail' ? '✘' : '–';
  const time = r.ms >= 100 ? ` (${(r.ms / 1000).toFixed(1)} s)` : '';
  return `  ${mark} ${r.name}${time}${r.detail ? `\n      ${r.status === 'skip' ? 'skipped: ' : ''}${r.detail.split('\n').join('\n      ')}` : ''}`;
}

export function needs<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null || value === '')
    throw new Skip(`needs ${what} (run the server with PARTAGE_SANDBOX=1 or pass it as an argument)`);
  return value;
}
