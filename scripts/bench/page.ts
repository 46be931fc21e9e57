/**
 * The 100-card page against 100 iframe cards, in Chromium (playwright-core), same run, same
 * server. The card page loads the blogger's CDN file (dist/cdn/partage-campaign-card.js) and 100
 * `<partage-campaign-card>` over 6 live campaigns; the iframe page embeds 100 server-rendered
 * card documents, the way Kickstarter-style embeds work (each document reads its campaign from
 * the API on the server, then renders HTML and CSS). Both grids fit the viewport, so every card
 * is on screen. Measured per load: time from navigation to every card showing its amount,
 * requests, bytes, JS heap. Median of `runs` loads each, alternating.
 *
 *   tsx scripts/bench/page.ts [runs=5]        (BENCH_TRACE=1 prints every request with its time)
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { formatMoney } from '../../src/core/i18n/format.js';
import { ROOT, startServer } from '../../server/server.js';
import { benchServerOptions } from './server-options.js';
import { chromeArgs, chromePath } from '../chrome-path.mjs';

export interface PageResult {
  variant: 'cards' | 'iframes';
  ms: number;
  /** Requests to the API (data and streams). */
  apiRequests: number;
  /** Requests of the page in all (documents, scripts, data). */
  requests: number;
  /** Bytes received (headers and bodies). */
  kilobytes: number;
  heapMb: number;
  /** Timeline (ms since navigation): the script arrived, the first API request left, its answer arrived. */
  scriptMs: number | null;
  firstApiMs: number | null;
  firstAnswerMs: number | null;
}

const CARDS = 100;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One server-rendered card document, as an iframe embed serves it. */
function cardDocument(c: {
  title: string;
  tagline: string;
  creator: { name: string };
  pledged: { amount: number; currency: string };
  goal: { amount: number; currency: string };
  backerCount: number;
}): string {
  const percent = Math.round((c.pledged.amount / Math.max(1, c.goal.amount)) * 100);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(c.title)}</title>
<style>body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a}.card{border:1px solid #ddd;border-radius:8px;padding:12px}
h3{margin:0 0 4px;font-size:16px}.bar{height:8px;background:#eee;border-radius:4px;overflow:hidden;margin:8px 0}
.bar>span{display:block;height:100%;background:#2a7}.stats{display:flex;gap:12px;margin:0}.stats dd{margin:0;font-weight:600}</style>
</head><body><article class="card"><h3><a href="#" target="_top">${escape(c.title)}</a></h3>
<p>by ${escape(c.creator.name)}</p><p>${escape(c.tagline)}</p>
<div class="bar" role="progressbar" aria-valuenow="${percent}"><span style="width:${Math.min(100, percent)}%"></span></div>
<dl class="stats"><div><dt>raised</dt><dd class="amount">${escape(formatMoney(c.pledged, 'en', { compact: true }))}</dd></div>
<div><dt>backers</dt><dd>${c.backerCount}</dd></div></dl></article></body></html>`;
}

const grid = `<style>body{margin:0;font-family:system-ui}main{display:grid;grid-template-columns:repeat(10,1fr);gap:4px}
main>*{display:block;width:100%;height:330px;border:0;overflow:hidden}</style>`;

/** The page server: the card page, the iframe page, the iframe documents and the CDN files. */
async function startPages(apiBase: string, campaigns: string[]): Promise<{ origin: string; close(): void }> {
  const pick = (i: number) => campaigns[i % campaigns.length]!;
  const cardsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>100 cards</title>${grid}
<script type="module" src="/dist/cdn/partage-campaign-card.js"></script></head><body><main>
${Array.from({ length: CARDS }, (_, i) => `<partage-campaign-card api="${apiBase}" campaign="${pick(i)}"><a href="#">Campaign</a></partage-campaign-card>`).join('\n')}
</main></body></html>`;
  const iframesPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>100 iframes</title>${grid}</head><body><main>
${Array.from({ length: CARDS }, (_, i) => `<iframe title="Campaign" src="/embed/${pick(i)}?n=${i}"></iframe>`).join('\n')}
</main></body></html>`;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/cards.html' || url.pathname === '/iframes.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(url.pathname === '/cards.html' ? cardsPage : iframesPage);
      }
      if (url.pathname.startsWith('/embed/')) {
        const id = url.pathname.slice('/embed/'.length);
        const campaign = await (await fetch(`${apiBase}/campaigns/${id}`)).json();
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(cardDocument(campaign as Parameters<typeof cardDocument>[0]));
      }
      if (url.pathname.startsWith('/dist/cdn/')) {
        const file = join(ROOT, url.pathname);
        if (!url.pathname.includes('..') && existsSync(file)) {
          res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'no-store' });
          return res.end(readFileSync(file));
        }
      }
      res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

async function load(browser: Browser, url: string, apiOrigin: string, variant: PageResult['variant']) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 3600 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let requests = 0;
  let apiRequests = 0;
  const finished: Promise<number>[] = [];
  const t0 = Date.now();
  const timeline = {
    scriptMs: null as number | null,
    firstApiMs: null as number | null,
    firstAnswerMs: null as number | null,
  };
  page.on('request', (request) => {
    if (process.env.BENCH_TRACE) console.log(variant, Date.now() - t0, 'ms', request.url().slice(0, 100));
    requests++;
    if (request.url().startsWith(apiOrigin)) {
      apiRequests++;
      timeline.firstApiMs ??= Date.now() - t0;
    }
  });
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) timeline.scriptMs ??= Date.now() - t0;
    if (response.url().startsWith(apiOrigin)) timeline.firstAnswerMs ??= Date.now() - t0;
  });
  page.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then(
        (s) => s.responseBodySize + s.responseHeadersSize,
        () => 0,
      ),
    );
  });
  // Records, at the first frame where every card shows its amount, the time since navigation,
  // and reports it through a binding: polling the page from here (an evaluation every 50 ms) put
  // tasks of the harness on the main thread the page is starting on (≈ 20–35 ms of it, traced).
  let report: (ms: number) => void = () => {};
  const reported = new Promise<number>((resolve) => (report = resolve));
  await page.exposeFunction('__partageShown', (ms: number) => report(ms));
  // A string, not a function: tsx would wrap a function with helpers the page does not have.
  await page.addInitScript(`(() => {
    if (window.top !== window) return;
    const shown = (root, selector) => !!root?.querySelector(selector)?.textContent?.trim();
    const done = () => {
      const els = document.querySelectorAll(${JSON.stringify(variant === 'cards' ? 'partage-campaign-card' : 'iframe')});
      return els.length === ${CARDS} && [...els].every((el) =>
        ${variant === 'cards' ? 'shown(el.shadowRoot, "[part~=stat] dd")' : 'shown(el.contentDocument, ".amount")'});
    };
    const tick = () => (done() ? window.__partageShown(performance.now()) : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  })()`);
  await page.goto(url, { waitUntil: 'commit' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ms = await Promise.race([
    reported,
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${variant}: not shown in 60 s`)), 60_000)),
    ),
  ]).finally(() => clearTimeout(timer));
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await page.close();
  await context.close();
  const bytes = (await Promise.all(finished)).reduce((a, b) => a + b, 0);
  return {
    variant,
    ms,
    requests,
    apiRequests,
    kilobytes: Math.round(bytes / 1024),
    heapMb: +(heap / 2 ** 20).toFixed(1),
    ...timeline,
  };
}

export async function pageBench(runs = 5): Promise<{ cards: PageResult; iframes: PageResult; ratio: number }> {
  if (!existsSync(join(ROOT, 'dist/cdn/partage-campaign-card.js')))
    throw new Error('Build the CDN files first: node scripts/build-cdn.mjs');
  const api = await startServer(benchServerOptions);
  const campaigns: string[] = [];
  for (let i = 0; i < 6; i++) {
    const sandbox = (await (await fetch(`${api.baseUrl}/_sandbox/campaigns`, { method: 'POST' })).json()) as {
      campaignId: string;
    };
    campaigns.push(sandbox.campaignId);
  }
  const pages = await startPages(api.baseUrl, campaigns);
  const browser = await chromium.launch({ executablePath: await chromePath(), args: chromeArgs });
  const results: Record<PageResult['variant'], PageResult[]> = { cards: [], iframes: [] };
  try {
    // One warm-up load each (disk cache of the browser is per context, so it does not carry over).
    await load(browser, `${pages.origin}/cards.html`, api.origin, 'cards');
    await load(browser, `${pages.origin}/iframes.html`, api.origin, 'iframes');
    for (let i = 0; i < runs; i++) {
      results.cards.push(await load(browser, `${pages.origin}/cards.html`, api.origin, 'cards'));
      results.iframes.push(await load(browser, `${pages.origin}/iframes.html`, api.origin, 'iframes'));
    }
  } finally {
    await browser.close();
    pages.close();
    await api.close();
  }
  const summary = (list: PageResult[]): PageResult => ({
    variant: list[0]!.variant,
    ms: Math.round(median(list.map((r) => r.ms))),
    apiRequests: median(list.map((r) => r.apiRequests)),
    requests: median(list.map((r) => r.requests)),
    kilobytes: median(list.map((r) => r.kilobytes)),
    heapMb: median(list.map((r) => r.heapMb)),
    scriptMs: list[0]!.scriptMs === null ? null : median(list.map((r) => r.scriptMs ?? 0)),
    firstApiMs: list[0]!.firstApiMs === null ? null : median(list.map((r) => r.firstApiMs ?? 0)),
    firstAnswerMs: list[0]!.firstAnswerMs === null ? null : median(list.map((r) => r.firstAnswerMs ?? 0)),
  });
  const cards = summary(results.cards);
  const iframes = summary(results.iframes);
  return { cards, iframes, ratio: +(iframes.ms / cards.ms).toFixed(1) };
}

if (process.argv[1]?.endsWith('page.ts')) {
  console.log(await pageBench(Number(process.argv[2]) || 5));
  process.exit(0);
}
