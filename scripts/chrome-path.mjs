// Which Chromium every browser-driving tool here uses (test runner, benchmarks, screenshots), so
// `npm ci && npm test` needs nothing installed by hand. In order:
//   1. CHROME_PATH, when set (a developer's own Chrome, any OS);
//   2. a system Chromium (Debian's `chromium` package and its usual names);
//   3. the headless Chromium shipped inside the @sparticuz/chromium npm package (Linux x64),
//      unpacked into the temp folder on first use (≈1.5 s).
// PARTAGE_BROWSER=packaged skips 2, so CI can prove the packaged one works on its own.
import { existsSync } from 'node:fs';

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export async function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (process.env.PARTAGE_BROWSER !== 'packaged') {
    const found = systemPaths.find((p) => existsSync(p));
    if (found) return found;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('No Chromium found: set CHROME_PATH to a Chrome or Chromium executable.');
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

// Flags for a closed network, headless, as root in a container.
export const chromeArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Stops every outside DNS look-up; msw still intercepts cross-origin URLs in the page.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
