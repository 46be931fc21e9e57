import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pledgeBody, pledgeInit } from '../server/harness.js';
import { articlePage, paragraph, embedSetup } from './browser.js';

/** A fresh page at 1280×800 that collects the console's warnings and errors. */
async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; warnings: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  return { context, page, warnings };
}

/** Marks the server-rendered heading before any script runs: hydration must keep that node. */
const markServerHeading = (page: Page) =>
  page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const title = document.querySelector('partage-campaign-card')?.shadowRoot?.querySelector('h2');
      if (title) (title as HTMLElement & { __server?: boolean }).__server = true;
    });
  });

async function assertHydrated(page: Page): Promise<void> {
  assert.equal(
    await page.evaluate(
      () =>
        (document.querySelector('partage-campaign-card')!.shadowRoot!.querySelector('h2') as { __server?: boolean })
          .__server,
    ),
    true,
    'the server-rendered heading is still the one on screen (hydrated, not re-rendered)',
  );
}

describe('pre-rendered campaign card (GET /v1/embed/campaign-card)', () => {
  const env = embedSetup();
  const snippetPath = 'embed/campaign-card?campaign=atelier-ceramique&locale=fr';

  test('answers the script line and the element with its shadow root, cacheable by ETag', async () => {
    const res = await env.server.api(snippetPath);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.headers.get('cache-control') ?? '', /public/);
    const etag = res.headers.get('etag');
    assert.ok(etag);
    const html = await res.text();
    assert.match(
      html,
      /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dist\/cdn\/partage-campaign-card\.js"><\/script>\n<partage-campaign-card /,
    );
    assert.match(html, /<template shadowroot="open" shadowrootmode="open">/);
    assert.match(html, /<script type="application\/json" data-partage>/);
    const again = await env.server.api(snippetPath, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  test('refuses an unknown widget, a missing or unknown campaign with problem+json', async () => {
    for (const [path, status] of [
      ['embed/nope?campaign=atelier-ceramique', 400],
      ['embed/campaign-card', 400],
      ['embed/campaign-card?campaign=Bad%20Id', 400],
      ['embed/campaign-card?campaign=no-such-campaign', 404],
      ['embed/campaign-card?campaign=atelier-ceramique&theme=pink', 400],
    ] as const) {
      const res = await env.server.api(path);
      assert.equal(res.status, status, path);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
    }
  });

  test('without JavaScript the card shows title, amount raised, percentage and link', async () => {
    const snippet = await (await env.server.api(snippetPath)).text();
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(
      env.blog.publish('/sans-js', articlePage('Un atelier pour le quartier', `${paragraph(2)}\n${snippet}`)),
    );
    const card = page.locator('partage-campaign-card');
    const link = card.getByRole('link', { name: 'L’atelier céramique de la rue Chateaubriand' });
    assert.equal(await link.getAttribute('href'), 'https://demo.partage.example.org/campaigns/atelier-ceramique');
    assert.equal(
      await card.getByRole('heading', { level: 2 }).textContent(),
      'L’atelier céramique de la rue Chateaubriand',
    );
    const stats = (await card.locator('[part="stats"]').innerText()).replace(/\s+/g, ' ');
    assert.match(stats, /5,4 k €/);
    assert.match(stats, /68 %/);
    // At its final size, filled bar included.
    const box = await card.boundingBox();
    assert.ok(box && box.height > 200, `card height ${box?.height}`);
    const fill = await card.locator('[part="meter-fill"]').boundingBox();
    const meter = await card.locator('[part="meter"]').boundingBox();
    // 5 420 € on a scale that ends at the last milestone (12 000 €).
    assert.ok(fill && meter && Math.abs(fill.width / meter.width - 5420 / 12000) < 0.05, 'bar filled');
    await context.close();
  });

  test('with JavaScript it hydrates without re-rendering, then follows new pledges live', async () => {
    const snippet = await (await env.server.api(snippetPath)).text();
    const { context, page, warnings } = await openPage(env.browser);
    const url = env.blog.publish('/avec-js', articlePage('Un atelier pour le quartier', `${paragraph(1)}\n${snippet}`));
    await markServerHeading(page);
    await page.goto(url);
    const card = page.locator('partage-campaign-card');
    await page.waitForFunction(() => customElements.get('partage-campaign-card') !== undefined);
    await page.waitForFunction(
      () => (document.querySelector('partage-campaign-card') as { hasUpdated?: boolean })?.hasUpdated,
    );
    await assertHydrated(page);
    // Live: a pledge of 1 000 € elsewhere moves the card.
    await page.waitForFunction(() =>
      document.querySelector('partage-campaign-card')!.shadowRoot!.querySelector('.live-dot'),
    );
    const res = await env.server.api('campaigns/atelier-ceramique/pledges', pledgeInit(pledgeBody(100_000)));
    assert.equal(res.status, 201, await res.clone().text());
    await page.waitForFunction(() =>
      /6,4\s*k\s*€/.test(
        document.querySelector('partage-campaign-card')!.shadowRoot!.querySelector('[part="stats"]')!.textContent ?? '',
      ),
    );
    assert.match((await card.locator('[part="stats"]').innerText()).replace(/\s+/g, ' '), /80 %/);
    assert.deepEqual(
      warnings.filter((w) => w.includes('partage')),
      [],
    );
    await context.close();
  });
  test('with the whole bundle (partage.js), it hydrates once its French texts have come, without re-rendering', async () => {
    // partage.js loads each widget's texts on demand: the server's render stays on screen until
    // they come, then hydrates (scripts/texts-on-demand.mjs, src/core/i18n/lazy-texts.ts).
    const snippet = (await (await env.server.api(snippetPath)).text()).replace(
      '/dist/cdn/partage-campaign-card.js',
      '/dist/cdn/partage.js',
    );
    assert.match(snippet, /dist\/cdn\/partage\.js"/);
    const { context, page, warnings } = await openPage(env.browser);
    const texts: string[] = [];
    page.on('request', (r) => {
      const name = /\/chunks\/partage-([a-z-]+-(?:en|fr))-[\w-]{8}\.js/.exec(r.url())?.[1];
      if (name) texts.push(name);
    });
    const url = env.blog.publish('/bundle', articlePage('Un atelier pour le quartier', `${paragraph(1)}\n${snippet}`));
    await markServerHeading(page);
    await page.goto(url);
    await page.waitForFunction(
      () => (document.querySelector('partage-campaign-card') as { hasUpdated?: boolean })?.hasUpdated,
    );
    await assertHydrated(page);
    const stats = (await page.locator('partage-campaign-card [part="stats"]').innerText()).replace(/\s+/g, ' ');
    assert.match(stats, /collectés sur/);
    assert.deepEqual(texts, ['campaign-card-fr']);
    assert.deepEqual(
      warnings.filter((w) => w.includes('partage')),
      [],
    );
    await context.close();
  });
});
