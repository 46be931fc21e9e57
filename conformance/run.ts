/**
 * Backend conformance suite: checks any Partage-compatible backend against the contract.
 *
 *   npm run conformance -- --base-url http://localhost:8787/v1
 *
 * With a reference server started with PARTAGE_SANDBOX=1 the suite creates fresh campaigns for
 * itself. Against another backend, name the data to use:
 *
 *   --campaign ID           live campaign taking 1.00 pledges (its totals will move)
 *   --limited-reward ID     reward of that campaign with 1–99 units left (it will sell out)
 *   --equity-campaign ID    equity raise a few tickets below its hard cap
 *   --closed-campaign ID    campaign that no longer takes pledges
 *   --neighbourhood ID      board to post on;  --member-token T  --outsider-token T
 *   --organiser-token T     organiser of that neighbourhood (polls and agenda; the concurrency
 *                           checks also need 100 member tokens: use the sandbox)
 *   --partner ID            partner service of that neighbourhood (default: its first; its
 *                           visit count will grow by about 110)
 *   --only reads,errors     run some groups only
 *   --grep PATTERN          run the checks whose name matches only
 *   --json FILE             also write the results as JSON
 *
 * Exits 1 when a check fails (skipped checks do not fail the run).
 */
import { writeFileSync } from 'node:fs';
import { groups, runConformance, type Target } from './index.js';

const flags: Record<string, Exclude<keyof Target, 'voterTokens'>> = {
  '--campaign': 'campaignId',
  '--limited-reward': 'limitedRewardId',
  '--equity-campaign': 'equityCampaignId',
  '--closed-campaign': 'closedCampaignId',
  '--neighbourhood': 'neighbourhoodId',
  '--member-token': 'memberToken',
  '--outsider-token': 'outsiderToken',
  '--organiser-token': 'organiserToken',
  '--partner': 'partnerId',
};

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run conformance -- --base-url URL [--campaign ID --limited-reward ID …] [--only ${Object.keys(groups).join(',')}]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let baseUrl = process.env.PARTAGE_BASE_URL;
let only: string[] | undefined;
let jsonFile: string | undefined;
let grep: RegExp | undefined;
const target: Target = {};
for (let i = 0; i < args.length; i++) {
  const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
  const value = () => inline ?? args[++i] ?? usage(`${flag} needs a value`);
  if (flag === '--base-url') baseUrl = value();
  else if (flag === '--only') only = value().split(',');
  else if (flag === '--json') jsonFile = value();
  else if (flag === '--grep') grep = new RegExp(value(), 'i');
  else if (flag in flags) target[flags[flag]!] = value();
  else if (flag === '--help' || flag === '-h') usage('Partage backend conformance suite.');
  else usage(`Unknown argument ${flag}`);
}
if (!baseUrl) usage('Missing --base-url (e.g. http://localhost:8787/v1)');
try {
  new URL(baseUrl);
} catch {
  usage(`Not a URL: ${baseUrl}`);
}
if (only) for (const g of only) if (!(g in groups)) usage(`Unknown group "${g}"`);

console.log(`Partage conformance suite → ${baseUrl}`);
const started = performance.now();
const report = await runConformance({
  baseUrl,
  target,
  ...(only ? { groups: only } : {}),
  ...(grep ? { grep } : {}),
  log: (line) => console.log(line),
});
console.log(
  `\nTarget data: ${report.targetSource === 'sandbox' ? 'fresh sandbox from the server' : report.targetSource === 'arguments' ? 'from the arguments' : 'none (checks that need it are skipped)'}`,
);
const failures = report.results.filter((r) => r.status === 'fail');
if (failures.length) {
  console.log('\nFailed:');
  for (const f of failures) console.log(`  ✘ ${f.group} › ${f.name}`);
}
console.log(
  `\n${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
if (jsonFile) writeFileSync(jsonFile, JSON.stringify(report, null, 2));
process.exit(report.failed > 0 ? 1 : 0);
