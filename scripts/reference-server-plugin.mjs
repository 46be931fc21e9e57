// A test-runner plugin that starts the real reference server (scripts/test-reference-server.ts)
// the first time a test asks for it, and serves, on the runner's own origin:
//   /__reference/base     → { baseUrl }
//   /__reference/sandbox  → a fresh sandbox (POST /v1/_sandbox/campaigns, made server-side)
//   /__reference/streams  → { connections }: the live connections the server holds
// The sandbox routes refuse browser origins, so the runner calls them for the page.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export function referenceServer() {
  let child;
  let started;
  const start = () =>
    (started ??= new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test-reference-server.ts'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`reference server exited with ${code}`)));
      createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line).baseUrl));
    }));
  const json = (body) => ({ body: JSON.stringify(body), type: 'application/json' });
  return {
    name: 'partage-reference-server',
    async serve(context) {
      if (!context.path.startsWith('/__reference/')) return undefined;
      const baseUrl = await start();
      switch (context.path) {
        case '/__reference/base':
          return json({ baseUrl });
        case '/__reference/sandbox':
          return json(await (await fetch(`${baseUrl}/_sandbox/campaigns`, { method: 'POST' })).json());
        case '/__reference/streams':
          return json(await (await fetch(`${baseUrl}/_sandbox/streams`)).json());
        default:
          return undefined;
      }
    },
    serverStop() {
      child?.kill('SIGTERM');
    },
  };
}
