import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { articlePage, idOf, paragraph, plainSnippet, readThrough, embedSetup, widgets } from './browser.js';
import { reserveRule } from '../../../src/ssr/widgets.js';

/**
 * An article built as a blogger builds it: every widget pasted from the reference server's
 * snippets between paragraphs, read at 1280×800 while scrolling down, with every API answer
 * 2 s late. Layout shift is measured by a `layout-shift` PerformanceObserver; axe checks the
 * whole page.
 */
describe('an article page built from snippets', () => {
  const env = embedSetup();

  test('pre-rendered snippets: no layout shift (CLS < 0.01) and no axe violation on the whole page', async () => {
    const parts: string[] = [];
    for (const [widget, resource] of widgets) {
      const res = await env.server.api(`embed/${widget}?${resource}=${idOf(resource)}&locale=fr`);
      assert.equal(res.status, 200, widget);
      parts.push(paragraph(2), await res.text());
    }
    const url = env.blog.publish(
      '/article-prerendu',
      articlePage('Un atelier de céramique pour le quartier', parts.join('\n')),
    );
    const { page, cls, shifts, warnings } = await readThrough(env.browser, url, env.server.baseUrl);
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
    const { cls, shifts } = await plain('/article-simple');
    console.log(`# CLS with plain snippets: ${cls.toFixed(4)} ${JSON.stringify(shifts.slice(0, 20))}`);
  });

  test('plain snippets with the docs’ reserve rules: no layout shift (CLS < 0.01)', async () => {
    const { cls, shifts } = await plain('/article-simple-regles', widgets.map(([w]) => reserveRule(w)).join(''));
    console.log(`# CLS with plain snippets and the reserve rules: ${cls.toFixed(4)}`);
    assert.ok(cls < 0.01, `CLS ${cls}: ${JSON.stringify(shifts)}`);
  });

  async function plain(path: string, hostCss = '') {
    const parts: string[] = [];
    for (const [widget, resource] of widgets) {
      parts.push(paragraph(2), plainSnippet(env.server, widget, resource));
    }
    const url = env.blog.publish(
      path,
      articlePage('Un atelier de céramique pour le quartier', parts.join('\n'), 'fr', hostCss),
    );
    const { page, cls, shifts } = await readThrough(env.browser, url, env.server.baseUrl);
    await page.context().close();
    return { cls, shifts };
  }
});
