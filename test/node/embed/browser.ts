import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromeArgs, chromePath } from '../../../scripts/chrome-path.mjs';
import { ROOT, type StartOptions } from '../../../server/server.js';
import { startTestServer, type TestServer } from '../server/harness.js';

/**
 * Pages built from the reference server's snippets, in real Chromium (playwright-core), against
 * the real server on the embedded database: what a blog reader gets.
 */
export async function startEmbedServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  // The snippets load the CDN files as shipped; `npm test` builds them first.
  if (!existsSync(join(ROOT, 'dist/cdn/partage-campaign-card.js'))) {
    const r = spawnSync(process.execPath, ['scripts/build-cdn.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('building the CDN files failed');
  }
  return startTestServer('pglite', { distDir: join(ROOT, 'dist'), ...options });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromePath(), args: chromeArgs, headless: true });
}

/** What a test file of real pages needs: the reference server, Chromium and a blog's origin. */
export interface EmbedSetup {
  server: TestServer;
  browser: Browser;
  blog: Blog;
}

/** Starts them before the file's tests (node:test hooks) and stops them after. */
export function embedSetup(): EmbedSetup {
  const env = {} as EmbedSetup;
  before(async () => {
    env.server = await startEmbedServer();
    env.browser = await launchBrowser();
    env.blog = await startBlog();
  });
  after(async () => {
    await env.browser?.close();
    await env.blog?.close();
    await env.server?.close();
  });
  return env;
}

export interface Blog {
  /** e.g. http://localhost:40123 */
  origin: string;
  /** Publishes a page at `path`, served with `headers` (a Content-Security-Policy…). */
  publish(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * A blog on another origin than the API, as in real life: a real local HTTP server (pages
 * fulfilled by the test itself would sit in an "unknown" address space, from which Chromium's
 * Private Network Access rules block scripts on 127.0.0.1).
 */
export async function startBlog(cdnDir?: string): Promise<Blog> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Another build's CDN files (scripts/bench-cls.ts compares before and after a change).
    const file = cdnDir && /^\/cdn\/[\w.-]+\.js$/.test(path) ? join(cdnDir, path.slice(5)) : null;
    if (file && existsSync(file)) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(readFileSync(file));
      return;
    }
    const page = pages.get(path);
    res.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', ...page?.headers });
    res.end(page?.html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    publish(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return `${origin}${path}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function articlePage(title: string, content: string, lang = 'fr', hostCss = ''): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif;color:#222}header,main,footer{max-width:42rem;margin:0 auto;padding:1rem}p{margin:0 0 1rem}${hostCss}</style>
</head>
<body>
<header><p>Le blog du quartier</p></header>
<main>
<article>
<h1>${title}</h1>
${content}
</article>
</main>
<footer><p>© Le blog du quartier</p></footer>
</body>
</html>`;
}

export const paragraph = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraphe ${i + 1}. Dans notre rue, les voisins se prêtent des outils, montent des projets et financent ensemble ce qui manque au quartier : un four, un jardin, des cours pour les enfants.</p>`,
  ).join('\n');

/** Cumulative Layout Shift as the page has it so far (shifts without recent input). */
export const CLS_OBSERVER = `
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: (entry.sources || []).map((s) => s.node && (s.node.localName || s.node.nodeName)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

export const CAMPAIGN = 'atelier-ceramique';
export const NEIGHBOURHOOD = 'saint-malo-intra-muros';
export const widgets = [
  ['campaign-card', 'campaign'],
  ['campaign-progress', 'campaign'],
  ['countdown', 'campaign'],
  ['reward-tiers', 'campaign'],
  ['pledge-form', 'campaign'],
  ['backers', 'campaign'],
  ['social-share', 'campaign'],
  ['neighbourhood-stats', 'neighbourhood'],
  ['share-board', 'neighbourhood'],
  ['listing-form', 'neighbourhood'],
  ['poll', 'poll'],
  ['agenda', 'neighbourhood'],
] as const;

export const POLL = 'sm-poll-marche';
/** The demo resource a widget's attribute names. */
export const idOf = (resource: string) =>
  resource === 'campaign' ? CAMPAIGN : resource === 'poll' ? POLL : NEIGHBOURHOOD;

export interface Shift {
  value: number;
  at: number;
  sources: string[];
}

export async function readThrough(
  browser: Browser,
  url: string,
  api: string,
): Promise<{ page: Page; cls: number; shifts: Shift[]; warnings: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Every API answer (reads and live streams) arrives 2 s late.
  await context.route(`${api}/**`, async (route) => {
    await new Promise((r) => setTimeout(r, 2000));
    await route.continue().catch(() => undefined);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await page.addInitScript(CLS_OBSERVER);
  await page.goto(url, { waitUntil: 'load' });
  // Read down the page like a reader, then wait for the late answers to land.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 300) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(3000);
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await page.waitForTimeout(3000);
  const { cls, shifts } = await page.evaluate(() => ({
    cls: (window as unknown as { __cls: number }).__cls,
    shifts: (window as unknown as { __shifts: Shift[] }).__shifts,
  }));
  return { page, cls, shifts, warnings };
}

/** The README's plain snippet (no pre-rendering), with the CDN files of `cdn` (default: this server's). */
export function plainSnippet(
  server: { origin: string; baseUrl: string },
  widget: string,
  resource: string,
  cdn = `${server.origin}/dist/cdn`,
): string {
  const id = idOf(resource);
  return `<script type="module" src="${cdn}/partage-${widget}.js"></script>
<partage-${widget} api="${server.baseUrl}" ${resource}="${id}" locale="fr"><a href="${server.origin}/campaigns/${CAMPAIGN}">${widget}</a></partage-${widget}>`;
}
