import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ROOT } from '../../../server/server.js';
import type { TestServer } from '../server/harness.js';
import { launchBrowser, startEmbedServer } from './browser.js';

describe('embed builder (demo)', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startEmbedServer({ demoDir: join(ROOT, 'demo') });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('offers the pre-rendered snippet first, says when to refresh it, and falls back to the plain one', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.origin}/builder.html#widget=campaign-card&campaign=atelier-ceramique&locale=fr`);
    const snippet = page.locator('#snippet');
    await page.waitForFunction(() => document.getElementById('snippet')!.textContent!.includes('shadowrootmode'));
    const text = (await snippet.textContent())!;
    assert.match(
      text,
      /^<script type="module" src="[^"]+\/dist\/cdn\/partage-campaign-card\.js"><\/script>\n<partage-campaign-card /,
    );
    assert.match((await page.locator('#refresh-hint').textContent())!, /Copy it again/);
    await page.getByLabel('Plain (the script draws it)').check();
    await page.waitForFunction(() => !document.getElementById('snippet')!.textContent!.includes('shadowrootmode'));
    assert.match(
      (await snippet.textContent())!,
      /<partage-campaign-card api="[^"]+" campaign="atelier-ceramique" locale="fr">/,
    );
    await page.close();
  });

  test('offers the poll and the agenda pre-rendered too', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    for (const [widget, query] of [
      ['poll', 'poll=sm-poll-marche'],
      ['agenda', 'neighbourhood=saint-malo-intra-muros'],
    ] as const) {
      await page.goto(`${server.origin}/builder.html#widget=${widget}&${query}&locale=fr`);
      await page.reload();
      await page.waitForFunction(() => document.getElementById('snippet')!.textContent!.includes('shadowrootmode'));
      const text = (await page.locator('#snippet').textContent())!;
      assert.match(
        text,
        new RegExp(`<script type="module" src="[^"]+/dist/cdn/partage-${widget}\\.js"></script>\n<partage-${widget} `),
      );
      assert.match(text, new RegExp(`${query.split('=')[0]}="[a-z0-9-]+"`));
      assert.match(text, /<link rel="stylesheet" href="[^"]+\/embed\/styles\//);
    }
    await page.close();
  });
});
