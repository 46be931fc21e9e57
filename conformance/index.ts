import { board } from './checks/board.js';
import { civic } from './checks/civic.js';
import { concurrency } from './checks/concurrency.js';
import { errors } from './checks/errors.js';
import { live } from './checks/live.js';
import { multiplex } from './checks/multiplex.js';
import { partners } from './checks/partners.js';
import { pledges } from './checks/pledges.js';
import { reads } from './checks/reads.js';
import { runSuite, type Group, type SuiteOptions, type SuiteReport } from './suite.js';

export type { SuiteOptions, SuiteReport, Target, CheckResult } from './suite.js';

/** The groups, in running order (each may leave data behind that a later one does not mind). */
export const groups: Record<string, Group> = {
  reads,
  errors,
  pledges,
  concurrency,
  live,
  multiplex,
  board,
  civic,
  partners,
};

/** Runs the backend conformance suite against `options.baseUrl`. */
export const runConformance = (options: SuiteOptions): Promise<SuiteReport> => runSuite(options, groups);
