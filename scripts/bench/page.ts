/**
 * The 100-card page against 100 iframe cards, in Chromium (playwright-core), same run, same
 * server. The card page loads the blogger's CDN file (dist/cdn/partage-campaign-card.js) and 100
 * `<partage-campaign-card>` over 6 live campaigns; the iframe page embeds 100 server-rendered
 * card documents, the way Kickstarter-style embeds work (each document reads its campaign from
 * the API on the server, then renders HTML and CSS). Both grids fit the viewport, so every card
 * is on screen. The reference server (scripts/bench/serve.ts) and the pages' server
 * (scripts/bench/pages.ts) each run in their own process, as they would in production, not in
 * the event loop that drives the browser. Measured per load: time from navigation to every card
 * showing its amount, requests, bytes, JS heap. Median of `runs` loads each, alternating.
 *
 *   tsx scripts/bench/page.ts [runs=5]        (BENCH_TRACE=1 prints every request with its time)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../../server/server.js';
import { CARDS } from './page-size.js';
import { childServer, serverProcess } from './server-process.js';
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

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
  // The backend in its own process, as in production: not sharing an event loop with the browser
  // driver and the page server of this one (both pages read from it).
  const server = await serverProcess();
  const api = { ...server, origin: new URL(server.baseUrl).origin };
  const campaigns: string[] = [];
  for (let i = 0; i < 6; i++) {
    const sandbox = (await (await fetch(`${api.baseUrl}/_sandbox/campaigns`, { method: 'POST' })).json()) as {
      campaignId: string;
    };
    campaigns.push(sandbox.campaignId);
  }
  // The publisher's site in its own process too: Playwright's work in this one does not delay it.
  const pages = await childServer<{ origin: string }>('scripts/bench/pages.ts', {
    BENCH_API: api.baseUrl,
    BENCH_CAMPAIGNS: campaigns.join(','),
  });
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
    await pages.close();
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
