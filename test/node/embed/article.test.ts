import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/harness.js';
import {
  articlePage,
  CLS_OBSERVER,
  launchBrowser,
  paragraph,
  startBlog,
  startEmbedServer,
  type Blog,
} from './browser.js';

/**
 * An article built as a blogger builds it: every widget pasted from the reference server's
 * snippets between paragraphs, read at 1280×800 while scrolling down, with every API answer
 * 2 s late. Layout shift is measured by a `layout-shift` PerformanceObserver; axe checks the
 * whole page.
 */
const CAMPAIGN = 'atelier-ceramique';
const NEIGHBOURHOOD = 'saint-malo-intra-muros';
const widgets = [
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
] as const;

interface Shift {
  value: number;
  at: number;
  sources: string[];
}

async function readThrough(
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

describe('an article page built from snippets', () => {
  let server: TestServer;
  let browser: Browser;
  let blog: Blog;

  before(async () => {
    server = await startEmbedServer();
    browser = await launchBrowser();
    blog = await startBlog();
  });
  after(async () => {
    await browser?.close();
    await blog?.close();
    await server?.close();
  });

  test('pre-rendered snippets: no layout shift (CLS < 0.01) and no axe violation on the whole page', async () => {
    const parts: string[] = [];
    for (const [widget, resource] of widgets) {
      const res = await server.api(
        `embed/${widget}?${resource}=${resource === 'campaign' ? CAMPAIGN : NEIGHBOURHOOD}&locale=fr`,
      );
      assert.equal(res.status, 200, widget);
      parts.push(paragraph(2), await res.text());
    }
    const url = blog.publish(
      '/article-prerendu',
      articlePage('Un atelier de céramique pour le quartier', parts.join('\n')),
    );
    const { page, cls, shifts, warnings } = await readThrough(browser, url, server.baseUrl);
    // Every widget hydrated its snippet (none fell back to a fresh render).
    assert.deepEqual(
      warnings.filter((w) => w.includes('pre-rendered')),
      [],
    );
    console.log(`# CLS with pre-rendered snippets: ${cls.toFixed(4)} ${JSON.stringify(shifts)}`);
    assert.ok(cls < 0.01, `CLS ${cls}: ${JSON.stringify(shifts)}`);
    for (const [widget] of widgets) {
      assert.equal(await page.evaluate((tag) => !!customElements.get(tag), `partage-${widget}`), true, widget);
    }
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await (
        window as unknown as {
          axe: { run(c: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        }
      ).axe.run(document);
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    assert.deepEqual(violations, []);
    await page.context().close();
  });

  test('plain snippets (no pre-rendering): measured for the record', async () => {
    const parts: string[] = [];
    for (const [widget, resource] of widgets) {
      const id = resource === 'campaign' ? CAMPAIGN : NEIGHBOURHOOD;
      parts.push(
        paragraph(2),
        `<script type="module" src="${server.origin}/dist/cdn/partage-${widget}.js"></script>
<partage-${widget} api="${server.baseUrl}" ${resource}="${id}" locale="fr"><a href="${server.origin}/campaigns/${CAMPAIGN}">${widget}</a></partage-${widget}>`,
      );
    }
    const url = blog.publish(
      '/article-simple',
      articlePage('Un atelier de céramique pour le quartier', parts.join('\n')),
    );
    const { page, cls, shifts } = await readThrough(browser, url, server.baseUrl);
    console.log(`# CLS with plain snippets: ${cls.toFixed(4)} ${JSON.stringify(shifts.slice(0, 20))}`);
    await page.context().close();
  });
});
