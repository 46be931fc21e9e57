/**
 * The page server of the 100-card bench (scripts/bench/page.ts), in its own process as a
 * publisher's site would be: the card page, the iframe page, the iframe documents (each reads its
 * campaign from the API, then renders HTML and CSS, the way Kickstarter-style embeds work) and
 * the CDN files. BENCH_API is the API's base URL, BENCH_CAMPAIGNS the campaign ids (comma
 * separated); prints `{"origin": …}` on stdout once it listens, SIGTERM closes it.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { formatMoney } from '../../src/core/i18n/format.js';
import { ROOT } from '../../server/server.js';
import { CARDS } from './page-size.js';

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
async function startPages(apiBase: string, campaigns: string[]): Promise<{ origin: string }> {
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
  process.on('SIGTERM', () => {
    server.close();
    process.exit(0);
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const { origin } = await startPages(process.env.BENCH_API!, process.env.BENCH_CAMPAIGNS!.split(','));
process.stdout.write(`${JSON.stringify({ origin })}\n`);
