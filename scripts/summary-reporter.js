// Counts test results so that CI logs end with a plain "N passed, N failed, N skipped" line
// (the default reporter prints its counts inside a progress bar). A file that failed to load
// counts as one failure.
import { writeFileSync } from 'node:fs';

function walk(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) walk(child, counts);
}

export function summaryReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, counts);
        if (
          !session.passed &&
          (session.errors?.length ?? 0) > 0 &&
          !session.testResults?.tests?.length &&
          !session.testResults?.suites?.length
        )
          counts.failed++;
      }
      const line = `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
      if (file) writeFileSync(file, JSON.stringify(counts));
      else process.on('exit', () => console.log(line));
    },
  };
}
