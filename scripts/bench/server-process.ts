import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A server of the benchmarks in its own process: `script` prints one JSON line on stdout once it
 * listens (what it tells the parent, e.g. its base URL) and closes on SIGTERM. The load, or the
 * browser driver, stays in this process: what is measured is the server, not a load generator
 * or Playwright sharing its event loop. BENCH_CPU_PROF=dir writes the child's CPU profile there.
 */
export async function childServer<T>(script: string, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      '--import',
      'tsx',
      script,
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
  });
  return {
    ...(JSON.parse(line) as T),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The reference server as the benchmarks run it (scripts/bench/serve.ts). */
export const serverProcess = (databaseUrl?: string) =>
  childServer<{ baseUrl: string }>('scripts/bench/serve.ts', {
    BENCH_DATABASE_URL: databaseUrl ?? '',
    BENCH_SCHEMA: `bench_${Date.now()}`,
  });
