import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { articlePage, CAMPAIGN, CLS_OBSERVER, NEIGHBOURHOOD, paragraph, embedSetup } from './browser.js';

/**
 * Pre-rendered widgets with a form (GET /v1/embed/{widget}), in real Chromium: with JavaScript off
 * the form gives way to a link to the page where the reader can act; with JavaScript on the form
 * shows from the first paint and hydrates in place (same nodes, no shift, no link).
 */
const TOWN_HALL_PAGE = 'https://www.saint-malo.example/quartiers/intra-muros';
const cases = [
  {
    widget: 'pledge-form',
    query: `campaign=${CAMPAIGN}&locale=fr`,
    link: 'Soutenir sur la page de la campagne',
    href: `https://demo.partage.example.org/campaigns/${CAMPAIGN}`,
  },
  {
    widget: 'pledge-form',
    query: `campaign=${CAMPAIGN}&locale=en`,
    link: 'Contribute on the campaign page',
    href: `https://demo.partage.example.org/campaigns/${CAMPAIGN}`,
  },
  {
    widget: 'listing-form',
    query: `neighbourhood=${NEIGHBOURHOOD}&locale=fr&page=${encodeURIComponent(TOWN_HALL_PAGE)}`,
    link: 'Participer sur la page du quartier',
    href: TOWN_HALL_PAGE,
  },
  {
    widget: 'share-board',
    query: `neighbourhood=${NEIGHBOURHOOD}&locale=en&page=${encodeURIComponent(TOWN_HALL_PAGE)}`,
    link: 'Take part on the neighbourhood page',
    href: TOWN_HALL_PAGE,
  },
  {
    widget: 'poll',
    query: `poll=sm-poll-marche&locale=fr&page=${encodeURIComponent(TOWN_HALL_PAGE)}`,
    link: 'Participer sur la page du quartier',
    href: TOWN_HALL_PAGE,
  },
  {
    widget: 'agenda',
    query: `neighbourhood=${NEIGHBOURHOOD}&locale=fr&page=${encodeURIComponent(TOWN_HALL_PAGE)}`,
    link: 'Participer sur la page du quartier',
    href: TOWN_HALL_PAGE,
  },
] as const;

describe('pre-rendered forms without and with JavaScript', () => {
  const env = embedSetup();

  async function publish(widget: string, query: string, path: string): Promise<string> {
    const res = await env.server.api(`embed/${widget}?${query}`);
    assert.equal(res.status, 200, `${widget}: ${await res.clone().text()}`);
    return env.blog.publish(path, articlePage('Un atelier pour le quartier', `${paragraph(1)}\n${await res.text()}`));
  }

  for (const c of cases) {
    test(`${c.widget} (${c.query.split('&')[1]}): without JavaScript, a link to the page instead of a dead form`, async () => {
      const url = await publish(c.widget, c.query, `/sans-js-${c.widget}-${c.query.length}`);
      const context = await env.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(url);
      const el = page.locator(`partage-${c.widget}`);
      const link = el.getByRole('link', { name: c.link });
      assert.equal(await link.isVisible(), true, 'the page link shows');
      assert.equal(await link.getAttribute('href'), c.href);
      assert.equal(
        await el
          .locator('form')
          .first()
          .isVisible()
          .catch(() => false),
        false,
        'no dead form',
      );
      assert.equal(
        await el
          .getByRole('button', { name: /voter|vote|envoyer|send|soutenir|pledge|je viens|going|connecter|sign in/i })
          .count()
          .then(async (n) => {
            for (let i = 0; i < n; i++) if (await el.getByRole('button').nth(i).isVisible()) return true;
            return false;
          }),
        false,
        'no dead button',
      );
      await context.close();
    });
  }

  test('a neighbourhood widget without a page to link says that taking part needs JavaScript', async () => {
    const url = await publish('poll', 'poll=sm-poll-marche&locale=en', '/sans-js-poll-sans-page');
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    const poll = page.locator('partage-poll');
    assert.equal(await poll.getByText('Taking part needs JavaScript.').isVisible(), true);
    assert.equal(await poll.locator('form').isVisible(), false);
    // The poll itself reads without JavaScript.
    assert.equal(
      await poll
        .getByRole('heading', { name: 'Où installer le marché du samedi pendant les travaux de la place ?' })
        .isVisible(),
      true,
    );
    await context.close();
  });

  async function hydrate(page: Page, tag: string) {
    await page.waitForFunction((t) => customElements.get(t) !== undefined, tag);
    await page.waitForFunction((t) => (document.querySelector(t) as { hasUpdated?: boolean } | null)?.hasUpdated, tag);
  }

  for (const widget of ['pledge-form', 'poll'] as const) {
    test(`${widget}: with JavaScript, the form shows before the script and hydrates in place, without the link`, async () => {
      const c = cases.find((x) => x.widget === widget)!;
      const url = await publish(widget, c.query, `/avec-js-${widget}`);
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
      });
      // The widget's script waits until the server's render has been looked at.
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      await context.route('**/dist/cdn/**', async (route) => {
        await released;
        await route.continue();
      });
      await page.addInitScript(CLS_OBSERVER);
      await page.goto(url, { waitUntil: 'commit' });
      const tag = `partage-${widget}`;
      await page.waitForFunction((t) => document.querySelector(t)?.shadowRoot?.querySelector('form'), tag);
      const before = await page.evaluate((t) => {
        const host = document.querySelector(t)!;
        const form = host.shadowRoot!.querySelector('form') as HTMLFormElement & { __server?: boolean };
        const link = host.shadowRoot!.querySelector('[part="page-link"]')!;
        form.__server = true;
        return {
          defined: customElements.get(t) !== undefined,
          formShown: form.getBoundingClientRect().height > 0,
          linkShown: link.getBoundingClientRect().height > 0,
          height: host.getBoundingClientRect().height,
        };
      }, tag);
      assert.deepEqual(
        [before.defined, before.formShown, before.linkShown],
        [false, true, false],
        'form, not link, before the script',
      );
      release();
      await hydrate(page, tag);
      // Let the refresh that follows hydration land.
      await page.waitForTimeout(1500);
      const after = await page.evaluate((tag) => {
        const host = document.querySelector(tag)!;
        const form = host.shadowRoot!.querySelector('form') as (HTMLFormElement & { __server?: boolean }) | null;
        return {
          sameForm: form?.__server === true,
          height: host.getBoundingClientRect().height,
          cls: (window as unknown as { __cls: number }).__cls,
        };
      }, `partage-${widget}`);
      assert.equal(after.sameForm, true, 'the server-rendered form was hydrated, not replaced');
      assert.equal(after.height, before.height, 'same height before and after the script');
      assert.equal(after.cls, 0, 'no layout shift');
      const el = page.locator(`partage-${widget}`);
      assert.equal(await el.getByRole('link', { name: c.link }).isVisible(), false, 'no page link with JavaScript');
      assert.deepEqual(
        warnings.filter((w) => w.includes('partage')),
        [],
      );
      await context.close();
    });
  }
});
