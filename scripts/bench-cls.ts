/**
 * `npm run bench:cls`: Cumulative Layout Shift of an article page (1280×800, read while
 * scrolling, every API answer 2 s late) holding every widget, pasted as plain snippets and as
 * pre-rendered ones, against the reference backend on an in-memory database. Three runs each.
 * `-- --dist <folder>` also measures the plain snippets with another build's CDN files (e.g. a
 * checkout of main built with `node scripts/build-cdn.mjs`: its `dist/cdn`), for before/after.
 */
import {
  articlePage,
  idOf,
  launchBrowser,
  paragraph,
  plainSnippet,
  readThrough,
  startBlog,
  startEmbedServer,
  widgets,
} from '../test/node/embed/browser.js';
import { reserveRule } from '../src/ssr/widgets.js';

const at = process.argv.indexOf('--dist');
const otherCdn = at > 0 ? process.argv[at + 1] : undefined;
const RUNS = 3;

const server = await startEmbedServer();
const browser = await launchBrowser();
const blog = await startBlog(otherCdn);
try {
  const prerendered: string[] = [];
  for (const [widget, resource] of widgets) {
    const id = idOf(resource);
    prerendered.push(paragraph(2), await (await server.api(`embed/${widget}?${resource}=${id}&locale=fr`)).text());
  }
  const plain = widgets.flatMap(([w, r]) => [paragraph(2), plainSnippet(server, w, r)]).join('\n');
  const rules = widgets.map(([w]) => reserveRule(w)).join('');
  const pages: [string, string, string?][] = [
    ['plain snippets', plain],
    ['plain snippets + the docs’ reserve rules', plain, rules],
    ['pre-rendered snippets', prerendered.join('\n')],
  ];
  if (otherCdn)
    pages.unshift([
      `plain snippets, CDN files of ${otherCdn}`,
      widgets.flatMap(([w, r]) => [paragraph(2), plainSnippet(server, w, r, `${blog.origin}/cdn`)]).join('\n'),
    ]);
  console.log('| page | CLS (3 runs) | worst |\n|---|---|---|');
  for (const [name, content, hostCss] of pages) {
    const url = blog.publish(
      `/${pages.findIndex((p) => p[0] === name)}`,
      articlePage('Un atelier pour le quartier', content, 'fr', hostCss),
    );
    const values: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { page, cls } = await readThrough(browser, url, server.baseUrl);
      values.push(cls);
      await page.context().close();
    }
    console.log(`| ${name} | ${values.map((v) => v.toFixed(4)).join(', ')} | ${Math.max(...values).toFixed(4)} |`);
  }
} finally {
  await browser.close();
  await blog.close();
  await server.close();
}
