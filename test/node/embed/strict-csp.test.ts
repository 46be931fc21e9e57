import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { articlePage, CLS_OBSERVER, idOf, paragraph, embedSetup } from './browser.js';

/**
 * Pre-rendered snippets on a page whose Content-Security-Policy forbids inline styles
 * (`style-src 'self' <api origin>`): the shadow roots link their styles (a versioned file of the
 * reference server) instead of inlining them, so the browser applies them before and without any
 * script, and nothing flashes or shifts while the file loads.
 */
const onPage = [
  ['campaign-card', 'campaign'],
  ['campaign-progress', 'campaign'],
  ['pledge-form', 'campaign'],
  ['neighbourhood-stats', 'neighbourhood'],
  ['poll', 'poll'],
  ['agenda', 'neighbourhood'],
] as const;

/** Collects CSP violations by directive (the listener is installed before any content). */
const VIOLATIONS = `
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.effectiveDirective), true);
`;

describe('pre-rendered snippets under a strict Content-Security-Policy', () => {
  const env = embedSetup();
  let csp: string;

  before(() => {
    const api = env.server.origin;
    csp = [
      "default-src 'self'",
      `script-src ${api}`,
      `style-src 'self' ${api}`,
      `connect-src ${api}`,
      `img-src 'self' ${api} https:`,
      "require-trusted-types-for 'script'",
      // Each widget's own file carries its own Lit, hence one `lit-html` policy each (docs/embedding.md).
      "trusted-types lit-html 'allow-duplicates'",
    ].join('; ');
  });

  async function article(path: string, styles?: 'inline'): Promise<string> {
    const parts: string[] = [];
    for (const [widget, resource] of onPage) {
      const res = await env.server.api(
        `embed/${widget}?${resource}=${idOf(resource)}&locale=fr${styles ? `&styles=${styles}` : ''}`,
      );
      assert.equal(res.status, 200, widget);
      parts.push(paragraph(2), await res.text());
    }
    const html = articlePage('Un atelier pour le quartier', parts.join('\n'));
    // The host page's own <style> is allowed by its hash, as such a host would do.
    const own = createHash('sha256')
      .update(/<style>([\s\S]*?)<\/style>/.exec(html)![1]!)
      .digest('base64');
    return env.blog.publish(path, html, {
      'Content-Security-Policy': csp.replace("style-src 'self'", `style-src 'self' 'sha256-${own}'`),
    });
  }

  test('the snippet links a versioned, cacheable stylesheet instead of an inline <style>', async () => {
    const html = await (await env.server.api('embed/campaign-card?campaign=atelier-ceramique')).text();
    assert.doesNotMatch(html, /<style>/);
    const href = /<link rel="stylesheet" href="([^"]+\/embed\/styles\/partage-campaign-card\.[\w-]{12}\.css)">/.exec(
      html,
    )?.[1];
    assert.ok(href, 'a stylesheet link in the shadow root');
    const css = await fetch(href);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(css.headers.get('cache-control') ?? '', /immutable/);
    assert.match(await css.text(), /:host/);
    const inline = await (await env.server.api('embed/campaign-card?campaign=atelier-ceramique&styles=inline')).text();
    assert.match(inline, /<style>:host/);
    const wrong = await fetch(href.replace(/\.[\w-]{12}\.css$/, '.AAAAAAAAAAAA.css'));
    assert.equal(wrong.status, 404);
  });

  test('without JavaScript: every widget styled, no style element refused', async () => {
    const url = await article('/csp-sans-js');
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text()) && /style/.test(m.text()) && !/attribute/.test(m.text()))
        refused.push(m.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    for (const [widget] of onPage) {
      // `[part~="base"]` is each widget's root: its border comes from the stylesheet only.
      const border = await page
        .locator(`partage-${widget} [part~="base"]`)
        .first()
        .evaluate((el) => getComputedStyle(el).borderTopStyle + ' ' + getComputedStyle(el).borderTopLeftRadius);
      assert.notEqual(border, 'none 0px', `${widget} is styled`);
    }
    assert.deepEqual(refused, []);
    await context.close();
  });

  test('with JavaScript and the stylesheets 1.5 s late: no refused style element, no shift, hydrated', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/embed/styles/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    page.on('pageerror', (e) => warnings.push(`[partage] page error ${e.message}`));
    await page.addInitScript(CLS_OBSERVER);
    await page.addInitScript(VIOLATIONS);
    await page.goto(await article('/csp-avec-js'), { waitUntil: 'load' });
    for (const [widget] of onPage)
      await page
        .waitForFunction(
          (tag) => (document.querySelector(tag) as { hasUpdated?: boolean } | null)?.hasUpdated,
          `partage-${widget}`,
        )
        .catch((e: Error) =>
          assert.fail(
            `${widget} did not upgrade: ${e.message} ${warnings.filter((w) => !w.startsWith('Applying inline style')).join('\n')}`,
          ),
        );
    await page.waitForTimeout(1500);
    const { cls, violations } = await page.evaluate(() => ({
      cls: (window as unknown as { __cls: number }).__cls,
      violations: (window as unknown as { __violations: string[] }).__violations,
    }));
    assert.deepEqual(
      violations.filter((v) => v === 'style-src-elem' || v === 'style-src'),
      [],
    );
    assert.ok(cls < 0.01, `CLS ${cls}`);
    assert.deepEqual(
      warnings.filter((w) => w.includes('[partage]')),
      [],
    );
    await context.close();
  });

  test('the inline variant is what such a page refuses (so the check above can fail)', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(VIOLATIONS);
    await page.goto(await article('/csp-inline', 'inline'), { waitUntil: 'load' });
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    assert.ok(
      violations.some((v) => v === 'style-src-elem'),
      JSON.stringify(violations),
    );
    await context.close();
  });
});
