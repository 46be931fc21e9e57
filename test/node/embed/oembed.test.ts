import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { OEmbedResponse } from '../../../src/contract/embed.js';
import { OEMBED_HEIGHT } from '../../../server/routes/embed.js';
import { embedSetup } from './browser.js';

/**
 * What WordPress core does to the HTML of a provider outside its own list
 * (wp_filter_oembed_result, wp-includes/embed.php): keep only a bare <blockquote> (with <a href>)
 * and the first <iframe> with src/width/height/frameborder/marginwidth/marginheight/scrolling/
 * title, then add its sandbox, a hidden style and `#?secret=` to the src. A simplified port, to
 * check that our HTML survives it.
 */
function wordpressFilter(html: string, secret: string): string | false {
  const allowed: Record<string, string[]> = {
    a: ['href'],
    blockquote: [],
    iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
  };
  const kept = html.replace(/<(\/?)([a-z0-9]+)([^>]*)>/gi, (_, close: string, tag: string, attrs: string) => {
    const name = tag.toLowerCase();
    if (!allowed[name]) return '';
    if (close) return `</${name}>`;
    const out = [...attrs.matchAll(/([a-z-]+)="([^"]*)"/gi)]
      .filter(([, a]) => allowed[name]!.includes(a!.toLowerCase()))
      .map(([, a, v]) => ` ${a!.toLowerCase()}="${v}"`)
      .join('');
    return `<${name}${out}>`;
  });
  const m = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(kept);
  if (!m?.[2]) return false;
  let out = (m[1] ?? '') + m[2];
  if (m[1]) {
    out = out.replace('<iframe', '<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    out = out.replace('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  out = out.replace('<iframe', '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
  const src = / src="([^"]*)"/.exec(out);
  if (src) {
    out = out.replace(src[0], ` src="${src[1]}#?secret=${secret}" data-secret="${secret}"`);
    out = out.replace('<blockquote', `<blockquote data-secret="${secret}"`);
  }
  return out;
}

describe('oEmbed provider (GET /v1/oembed)', () => {
  const env = embedSetup();
  let pageUrl: string;

  before(() => {
    pageUrl = `${env.server.origin}/campaigns/atelier-ceramique`;
  });

  test('campaign pages announce the provider with a discovery link', async () => {
    const page = await (await fetch(pageUrl)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page);
    assert.ok(link, 'discovery link');
    const href = link[1]!.replace(/&#38;/g, '&');
    assert.equal(href, `${env.server.origin}/v1/oembed?url=${encodeURIComponent(pageUrl)}&format=json`);
    assert.equal((await fetch(href)).status, 200);
  });

  test('answers a rich oEmbed with every required field, width and height', async () => {
    const res = await env.server.api(`oembed?url=${encodeURIComponent(pageUrl)}&format=json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(res.headers.get('etag'));
    const body = OEmbedResponse.parse(await res.json());
    assert.equal(body.version, '1.0');
    assert.equal(body.type, 'rich');
    assert.equal(body.width, 600);
    assert.equal(body.height, OEMBED_HEIGHT);
    assert.equal(body.title, 'L’atelier céramique de la rue Chateaubriand');
    assert.match(body.html, /^<blockquote><a href="[^"]+\/campaigns\/atelier-ceramique">/);
    assert.match(
      body.html,
      /<iframe src="[^"]+\/embed\/campaigns\/atelier-ceramique" width="600" height="\d+" title="[^"]+"[^>]* sandbox="allow-scripts[^"]*"><\/iframe>$/,
    );

    const narrow = OEmbedResponse.parse(
      await (await env.server.api(`oembed?url=${encodeURIComponent(pageUrl)}&maxwidth=320`)).json(),
    );
    assert.equal(narrow.width, 320);
  });

  test('escapes the campaign’s text in the HTML', async () => {
    const { campaignId } = await env.server.sandbox();
    const title = `<img src=x onerror=alert(1)> "Quotes" & 'apostrophes'`;
    await env.server.db.query(
      `UPDATE campaigns SET content = (content::jsonb || jsonb_build_object('title', $1::text))::json WHERE id = $2`,
      [title, campaignId],
    );
    const { rows } = await env.server.db.query<{ slug: string }>('SELECT slug FROM campaigns WHERE id = $1', [
      campaignId,
    ]);
    const url = `${env.server.origin}/campaigns/${rows[0]!.slug}`;
    const body = OEmbedResponse.parse(await (await env.server.api(`oembed?url=${encodeURIComponent(url)}`)).json());
    assert.equal(body.title, title);
    assert.ok(!body.html.includes('<img'), body.html);
    assert.ok(
      body.html.includes('&#60;img src=x onerror=alert(1)&#62; &#34;Quotes&#34; &#38; &#39;apostrophes&#39;'),
      body.html,
    );
  });

  test('refuses other sites, unknown campaigns, other formats and bad URLs', async () => {
    for (const [url, status] of [
      [`https://elsewhere.example/campaigns/atelier-ceramique`, 404],
      [`${env.server.origin}/campaigns/no-such-campaign`, 404],
      [`${env.server.origin}/other/atelier-ceramique`, 404],
      ['javascript:alert(1)', 400],
    ] as const) {
      const res = await env.server.api(`oembed?url=${encodeURIComponent(url)}`);
      assert.equal(res.status, status, url);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
    }
    assert.equal((await env.server.api(`oembed?url=${encodeURIComponent(pageUrl)}&format=xml`)).status, 400);
  });

  test('its HTML survives WordPress’s filter; the iframe renders the card and posts its height', async () => {
    const body = OEmbedResponse.parse(await (await env.server.api(`oembed?url=${encodeURIComponent(pageUrl)}`)).json());
    const secret = 'a1B2c3D4e5';
    const filtered = wordpressFilter(body.html, secret);
    assert.ok(filtered, 'WordPress keeps an iframe');
    assert.match(filtered, /<blockquote data-secret="a1B2c3D4e5" class="wp-embedded-content"><a href="[^"]+">/);
    assert.match(filtered, /<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"/);

    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // A WordPress-like host page: it records the messages and acts as wp-embed.js does (a
    // message with the iframe's secret shows the iframe instead of the blockquote; `height`
    // resizes it, within 200–1000 px).
    const host = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Article</title>
      <script>
        window.messages = [];
        addEventListener('message', (e) => {
          const d = e.data;
          window.messages.push(d);
          if (!d || !/^[A-Za-z0-9]{10}$/.test(d.secret)) return;
          const iframe = document.querySelector('iframe[data-secret="' + d.secret + '"]');
          if (!iframe || iframe.contentWindow !== e.source) return;
          document.querySelector('blockquote[data-secret="' + d.secret + '"]').style.display = 'none';
          iframe.removeAttribute('style');
          if (d.message === 'height') iframe.height = String(Math.min(Math.max(d.value, 200), 1000));
        });
      </script>
      </head><body><main><h1>Article</h1>${filtered}</main></body></html>`;
    await page.goto(env.blog.publish('/wordpress', host));
    const height = await page.waitForFunction(
      (s) =>
        (window as unknown as { messages: { message: string; value: unknown; secret: string }[] }).messages.find(
          (m) => m.secret === s && m.message === 'height',
        )?.value,
      secret,
    );
    const posted = Number(await height.jsonValue());
    const frame = page.frameLocator('iframe');
    const card = frame.locator('partage-campaign-card');
    assert.equal(await card.getByRole('heading').textContent(), 'L’atelier céramique de la rue Chateaubriand');
    const box = await card.boundingBox();
    assert.ok(box && Math.abs(posted - box.height) <= 2, `posted ${posted}, card ${box?.height}`);
    // The height announced in the oEmbed answer is the card's at 600 px (WordPress shows it at
    // that size until the first message).
    assert.ok(Math.abs(posted - OEMBED_HEIGHT) <= 40, `card at 600 px is ${posted} px, oEmbed says ${OEMBED_HEIGHT}`);
    // A click on the card asks the host to open the campaign's page on the provider's site.
    await card.getByRole('link').click();
    await page.waitForFunction(
      (s) =>
        (window as unknown as { messages: { message: string; secret: string }[] }).messages.some(
          (m) => m.secret === s && m.message === 'link',
        ),
      secret,
    );
    const link = await page.evaluate(
      () =>
        (window as unknown as { messages: { message: string; value: string }[] }).messages.find(
          (m) => m.message === 'link',
        )!.value,
    );
    assert.equal(link, pageUrl);
    await context.close();
  });
});
