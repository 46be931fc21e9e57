/**
 * Fan-out of one reference server process: N open multiplexed streams (`/live`), then pledges;
 * how long each pledge takes to reach every stream (from the moment the POST is sent), and the
 * server's memory per open stream. The server runs in its own process (so the clients' memory
 * is not counted); the clients are raw HTTP/1.1 connections from this one.
 *
 *   tsx scripts/bench/fanout.ts [streams=2000] [pledges=5]   (DATABASE_URL: on PostgreSQL)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

export interface FanoutResult {
  database: string;
  streams: number;
  pledges: number;
  p50: number;
  p95: number;
  max: number;
  bytesPerStream: number;
  heapPerStream: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function fanout(streams = 2000, pledges = 5, databaseUrl?: string): Promise<FanoutResult> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/test-reference-server.ts'], {
    env: {
      ...process.env,
      ...(databaseUrl
        ? { TEST_SERVER_DATABASE_URL: databaseUrl, TEST_SERVER_SCHEMA: `fanout_${Date.now()}` }
        : { TEST_SERVER_DATABASE_URL: '' }),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => JSON.parse(((await lines.next()).value as string) ?? 'null') as Record<string, number>;
  const { baseUrl } = (await nextLine()) as unknown as { baseUrl: string };
  const memory = async () => {
    child.stdin!.write('memory\n');
    return nextLine();
  };
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  try {
    const sandbox = (await (await fetch(`${baseUrl}/_sandbox/campaigns`, { method: 'POST' })).json()) as {
      campaignId: string;
    };
    const before = await memory();
    const arrivals: number[][] = Array.from({ length: pledges }, () => []);
    let ready = 0;
    const url = new URL(`${baseUrl}/live?campaigns=${sandbox.campaignId}`);
    // Open the streams in waves, so the server is not flooded with 2 000 connections at once.
    for (let i = 0; i < streams; i += 100) {
      await Promise.all(
        Array.from(
          { length: Math.min(100, streams - i) },
          () =>
            new Promise<void>((resolve, reject) => {
              const req = http.get(url, { agent, headers: { Accept: 'text/event-stream' } }, (res) => {
                let buffer = '';
                let seen = 0;
                res.setEncoding('utf8');
                res.on('data', (chunk: string) => {
                  buffer += chunk;
                  let end;
                  while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    // The id-only frame: this stream is subscribed and caught up.
                    if (/^id: [^\n]*$/.test(block)) {
                      ready++;
                      resolve();
                    } else if (block.includes('event: pledge.created')) arrivals[seen++]?.push(performance.now());
                  }
                });
              });
              req.on('error', reject);
              requests.push(req);
            }),
        ),
      );
    }
    if (ready !== streams) throw new Error(`only ${ready} of ${streams} streams opened`);
    const open = await memory();
    const latencies: number[] = [];
    for (let p = 0; p < pledges; p++) {
      const sent = performance.now();
      const res = await fetch(`${baseUrl}/campaigns/${sandbox.campaignId}/pledges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          amount: { amount: 100, currency: 'EUR' },
          backer: { name: 'Fan-out', email: 'fanout@example.org' },
        }),
      });
      if (res.status !== 201) throw new Error(`pledge answered ${res.status}`);
      const deadline = Date.now() + 30_000;
      while (arrivals[p]!.length < streams && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (arrivals[p]!.length < streams) throw new Error(`pledge ${p} reached ${arrivals[p]!.length} of ${streams}`);
      latencies.push(...arrivals[p]!.map((t) => t - sent));
    }
    latencies.sort((a, b) => a - b);
    return {
      database: databaseUrl ? 'PostgreSQL' : 'PGlite',
      streams,
      pledges,
      p50: +quantile(latencies, 0.5).toFixed(1),
      p95: +quantile(latencies, 0.95).toFixed(1),
      max: +(latencies.at(-1) ?? 0).toFixed(1),
      bytesPerStream: Math.round((open.rss! - before.rss!) / streams),
      heapPerStream: Math.round((open.heapUsed! - before.heapUsed!) / streams),
    };
  } finally {
    for (const req of requests) req.destroy();
    agent.destroy();
    child.kill('SIGTERM');
  }
}

if (process.argv[1]?.endsWith('fanout.ts')) {
  const [streams, pledges] = process.argv.slice(2).map(Number);
  console.log(await fanout(streams || 2000, pledges || 5, process.env.DATABASE_URL));
  process.exit(0);
}
