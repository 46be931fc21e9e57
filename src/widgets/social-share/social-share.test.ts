import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SetupWorker } from 'msw/browser';
import { forgetAll } from '../../../test/support/memory.js';
import { clientFor, invalidate } from '../../core/data/clients.js';
import { createMockBackend } from '../../mock/index.js';
import { startMockWorker } from '../../mock/browser.js';
import { cleanHashtags, parseNetworks, shareHref, shareableUrl } from './share-links.js';
import type { PartageSocialShare } from './social-share.js';
import type { ShareDetail } from './social-share.events.js';
import './define.js';
import '../provider/define.js';

// A base URL of its own, so no other test file shares this client's cache.
const BASE = 'https://api.social-share.test/v1';
const backend = createMockBackend({ baseUrl: BASE });
let worker: SetupWorker;
let requests: string[] = [];
const record = ({ request }: { request: Request }) => void requests.push(request.url);

before(async () => {
  worker = await startMockWorker(backend);
  worker.events.on('request:start', record);
});
after(() => worker.stop());
beforeEach(() => {
  backend.reset();
  invalidate(clientFor(BASE));
  // Memory across visits would otherwise answer for the backend in the fault tests.
  forgetAll();
  requests = [];
  // Each test decides whether the browser has a share sheet and a clipboard.
  stubNavigator('share', undefined);
  stubNavigator('canShare', undefined);
});
afterEach(() => {
  fixtureCleanup();
  for (const key of ['share', 'canShare', 'clipboard']) delete (navigator as unknown as Record<string, unknown>)[key];
});

/** Shadows a Navigator API on this page only (the prototype's own stays untouched). */
function stubNavigator(key: 'share' | 'canShare' | 'clipboard', value: unknown): void {
  Object.defineProperty(navigator, key, { value, configurable: true, writable: true });
}

const PAGE = 'https://blog.example.org/posts/atelier?utm=x&lang=fr';
const TEXT = 'Lou ouvre un atelier & un four — soutenez-la !';

const root = (el: PartageSocialShare) => el.shadowRoot!;
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const link = (el: PartageSocialShare, network: string) =>
  root(el).querySelector<HTMLAnchorElement>(`a[part~="${network}"]`)!;
const copyButton = (el: PartageSocialShare) => root(el).querySelector<HTMLButtonElement>('button[part~="copy"]')!;
const statusText = (el: PartageSocialShare) => textOf(root(el).querySelector('[part~="status"]'));

function explicit(locale = 'en') {
  return fixture<PartageSocialShare>(
    html`<partage-social-share
      url=${PAGE}
      text=${TEXT}
      hashtags="#céramique, rennes"
      locale=${locale}
    ></partage-social-share>`,
  );
}

/** Stops the browser from opening a tab after the widget saw the click, and says if it was cancelled. */
function interceptClicks(): { prevented: boolean[]; stop: () => void } {
  const prevented: boolean[] = [];
  const listener = (e: Event) => {
    prevented.push(e.defaultPrevented);
    e.preventDefault();
  };
  document.addEventListener('click', listener);
  return { prevented, stop: () => document.removeEventListener('click', listener) };
}

describe('partage-social-share: links', () => {
  it('builds each network link with the page, text and hashtags encoded', async () => {
    const el = await explicit();
    const facebook = new URL(link(el, 'facebook').href);
    expect(facebook.origin + facebook.pathname).to.equal('https://www.facebook.com/sharer/sharer.php');
    expect(facebook.searchParams.get('u')).to.equal(PAGE);
    // The page's own query must not leak into the network's query.
    expect(link(el, 'facebook').href).to.include(
      'u=https%3A%2F%2Fblog.example.org%2Fposts%2Fatelier%3Futm%3Dx%26lang%3Dfr',
    );

    const x = new URL(link(el, 'x').href);
    expect(x.origin + x.pathname).to.equal('https://x.com/intent/post');
    expect(x.searchParams.get('text')).to.equal(TEXT);
    expect(x.searchParams.get('url')).to.equal(PAGE);
    expect(x.searchParams.get('hashtags')).to.equal('céramique,rennes');
    expect(link(el, 'x').getAttribute('href')).not.to.include(' ');

    const linkedin = new URL(link(el, 'linkedin').href);
    expect(linkedin.origin + linkedin.pathname).to.equal('https://www.linkedin.com/sharing/share-offsite/');
    expect(linkedin.searchParams.get('url')).to.equal(PAGE);

    const mail = link(el, 'email').getAttribute('href')!;
    expect(mail.startsWith('mailto:?subject=')).to.equal(true);
    // Spaces as %20, never "+", which mail clients would show as is.
    expect(mail).not.to.include('+');
    const [, query] = mail.split('?');
    const params = Object.fromEntries(query!.split('&').map((p) => p.split('=').map(decodeURIComponent)));
    expect(params.subject).to.equal(TEXT);
    expect(params.body).to.equal(`${TEXT}\r\n\r\n${PAGE}`);

    for (const network of ['facebook', 'x', 'linkedin']) {
      expect(link(el, network).target).to.equal('_blank');
      expect(link(el, network).rel).to.equal('noopener noreferrer');
    }
    expect(link(el, 'email').hasAttribute('target')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('names every action for assistive technology, icons hidden', async () => {
    const el = await explicit();
    expect(link(el, 'facebook').getAttribute('aria-label')).to.equal('Share on Facebook (opens in a new tab)');
    expect(link(el, 'x').getAttribute('aria-label')).to.equal('Share on X (opens in a new tab)');
    expect(link(el, 'linkedin').getAttribute('aria-label')).to.equal('Share on LinkedIn (opens in a new tab)');
    expect(link(el, 'email').getAttribute('aria-label')).to.equal('Share by e-mail');
    expect(textOf(copyButton(el))).to.equal('Copy link');
    const list = root(el).querySelector('ul[part~="list"]')!;
    expect(textOf(root(el).getElementById(list.getAttribute('aria-labelledby')!))).to.equal('Share this project');
    const icons = [...root(el).querySelectorAll('svg')];
    expect(icons).to.have.length(5);
    for (const svg of icons) expect(svg.getAttribute('aria-hidden')).to.equal('true');
  });

  it('makes no request, and loads nothing from anyone, before a click', async () => {
    const t0 = performance.now();
    const el = await explicit();
    await aTimeout(200);
    expect(requests).to.deep.equal([]);
    const resources = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= t0)
      .map((e) => e.name);
    expect(resources).to.deep.equal([]);
    expect(root(el).querySelector('img, script, iframe, link, object, embed, image, use')).to.equal(null);
    const css = [...root(el).adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
    expect(css).not.to.match(/url\(|@import|@font-face/);
  });

  it('with a campaign, asks only its own backend', async () => {
    const t0 = performance.now();
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share api=${BASE} campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    await waitUntil(() => root(el).querySelector('a[part~="x"]'), 'campaign not loaded', { timeout: 5000 });
    await aTimeout(100);
    expect(requests).to.deep.equal([`${BASE}/campaigns/atelier-ceramique`]);
    const hosts = new Set(
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime >= t0)
        .map((e) => new URL(e.name).host),
    );
    hosts.delete(new URL(BASE).host);
    expect([...hosts]).to.deep.equal([]);
  });

  it('fires partage-share for each link, and a host page may cancel it', async () => {
    const el = await explicit();
    const clicks = interceptClicks();
    try {
      const fired = oneEvent(el, 'partage-share');
      link(el, 'facebook').click();
      const event = (await fired) as CustomEvent<ShareDetail>;
      expect(event.detail).to.deep.equal({ network: 'facebook', url: PAGE });
      expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
      expect(clicks.prevented).to.deep.equal([false]); // the link opens as usual

      const cancel = (e: Event) => e.preventDefault();
      el.addEventListener('partage-share', cancel);
      const details: ShareDetail[] = [];
      el.addEventListener('partage-share', (e) => details.push(e.detail));
      link(el, 'email').click();
      link(el, 'x').click();
      expect(details).to.deep.equal([
        { network: 'email', url: PAGE },
        { network: 'x', url: PAGE },
      ]);
      expect(clicks.prevented.slice(1)).to.deep.equal([true, true]); // the host handles it
      el.removeEventListener('partage-share', cancel);
    } finally {
      clicks.stop();
    }
  });

  it('shows only the chosen networks, in their order', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => void warnings.push(m);
    try {
      const el = await fixture<PartageSocialShare>(
        html`<partage-social-share url=${PAGE} networks="copy x myspace" locale="en"></partage-social-share>`,
      );
      const parts = [...root(el).querySelectorAll('[part~="list"] > li > *')].map((n) => n.getAttribute('part'));
      expect(parts).to.deep.equal(['copy', 'link x']);
      expect(warnings).to.deep.equal(['[partage] social-share ignores unknown networks: myspace']);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('refuses a url that is not a web address', async () => {
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share url="javascript:alert(1)" locale="en"></partage-social-share>`,
    );
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.equal(
      'The url attribute must be a web address starting with https:// or http://.',
    );
    expect(root(el).querySelector('a')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shares the page itself (its canonical address) without any attribute', async () => {
    const canonical = document.createElement('link');
    canonical.rel = 'canonical';
    canonical.href = 'https://blog.example.org/canonical-post';
    document.head.append(canonical);
    try {
      const el = await fixture<PartageSocialShare>(html`<partage-social-share locale="en"></partage-social-share>`);
      expect(new URL(link(el, 'linkedin').href).searchParams.get('url')).to.equal(
        'https://blog.example.org/canonical-post',
      );
      expect(new URL(link(el, 'x').href).searchParams.get('text')).to.equal(document.title);
    } finally {
      canonical.remove();
    }
  });

  it('is usable with the keyboard alone', async () => {
    const clipboard: string[] = [];
    stubNavigator('clipboard', { writeText: async (t: string) => void clipboard.push(t) });
    const wrapper = await fixture(
      html`<div>
        <button id="before">before</button>
        <partage-social-share url=${PAGE} locale="en"></partage-social-share>
      </div>`,
    );
    const el = wrapper.querySelector('partage-social-share')!;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(root(el).activeElement!.getAttribute('part')!);
    }
    expect(order).to.deep.equal(['link facebook', 'link x', 'link linkedin', 'link email', 'copy']);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => statusText(el) === 'Link copied', 'no confirmation');
    expect(clipboard).to.deep.equal([PAGE]);
  });
});

describe('partage-social-share: copy link', () => {
  it('copies the link with a visible, announced confirmation', async () => {
    const clipboard: string[] = [];
    stubNavigator('clipboard', { writeText: async (t: string) => void clipboard.push(t) });
    const el = await explicit();
    const status = root(el).querySelector('[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status'); // present before, so it is announced
    expect(statusText(el)).to.equal('');
    const fired = oneEvent(el, 'partage-share');
    copyButton(el).click();
    expect(((await fired) as CustomEvent<ShareDetail>).detail).to.deep.equal({ network: 'copy', url: PAGE });
    await waitUntil(() => statusText(el) === 'Link copied', 'no confirmation');
    expect(clipboard).to.deep.equal([PAGE]);
    expect((status as HTMLElement).offsetHeight).to.be.greaterThan(0);
    expect(root(el).querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('selects the link in a read-only field when the clipboard is refused', async () => {
    stubNavigator('clipboard', {
      writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
    });
    const el = await explicit();
    copyButton(el).click();
    await waitUntil(() => root(el).querySelector('input'), 'no fallback field');
    await el.updateComplete;
    const input = root(el).querySelector<HTMLInputElement>('input[part~="input"]')!;
    expect(input.readOnly).to.equal(true);
    expect(input.value).to.equal(PAGE);
    expect(root(el).activeElement).to.equal(input);
    expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, PAGE.length]);
    expect(textOf(root(el).querySelector(`label[for="${input.id}"]`))).to.equal('Link to share');
    expect(textOf(root(el).getElementById(input.getAttribute('aria-describedby')!))).to.equal(
      'The link is selected: copy it with Ctrl+C (⌘C on a Mac).',
    );
    expect(statusText(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('falls back the same way where there is no clipboard API', async () => {
    stubNavigator('clipboard', undefined);
    const el = await explicit();
    copyButton(el).click();
    await waitUntil(() => root(el).querySelector('input'), 'no fallback field');
    expect(root(el).querySelector('input')!.value).to.equal(PAGE);
  });
});

describe('partage-social-share: share sheet', () => {
  it('offers one "Share" button that opens the system share sheet', async () => {
    const shared: ShareData[] = [];
    stubNavigator('share', async (data: ShareData) => void shared.push(data));
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share api=${BASE} campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    await waitUntil(() => root(el).querySelector('button[part~="native"]'), 'no share button', { timeout: 5000 });
    expect(root(el).querySelectorAll('a')).to.have.length(0);
    const button = root(el).querySelector<HTMLButtonElement>('button[part~="native"]')!;
    expect(textOf(button)).to.equal('Share');
    await expect(el).to.be.accessible();
    const fired = oneEvent(el, 'partage-share');
    button.click();
    const url = 'https://demo.partage.example.org/campaigns/atelier-ceramique';
    expect(((await fired) as CustomEvent<ShareDetail>).detail).to.deep.equal({ network: 'native', url });
    await waitUntil(() => shared.length === 1);
    expect(shared[0]).to.deep.equal({
      title: 'L’atelier céramique de la rue Chateaubriand',
      text: 'Je soutiens l’atelier céramique partagé de la rue Chateaubriand !',
      url,
    });
  });

  it('stays quiet when the reader closes the sheet', async () => {
    stubNavigator('share', () => Promise.reject(new DOMException('Share canceled', 'AbortError')));
    const el = await explicit();
    root(el).querySelector<HTMLButtonElement>('button[part~="native"]')!.click();
    await aTimeout(50);
    expect(root(el).querySelector('button[part~="native"]')).not.to.equal(null);
    expect(root(el).querySelector('a')).to.equal(null);
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
  });

  it('offers the links, focused, when the share sheet fails', async () => {
    stubNavigator('share', () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    const el = await explicit();
    root(el).querySelector<HTMLButtonElement>('button[part~="native"]')!.click();
    await waitUntil(() => root(el).querySelector('a[part~="facebook"]'), 'no links after a failure');
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(link(el, 'facebook'));
    expect(root(el).querySelector('button[part~="native"]')).to.equal(null);
  });

  it('uses the links when the sheet cannot share this page, or with links-only', async () => {
    stubNavigator('share', async () => undefined);
    stubNavigator('canShare', () => false);
    const refused = await explicit();
    expect(root(refused).querySelector('button[part~="native"]')).to.equal(null);
    expect(link(refused, 'x')).to.exist;

    stubNavigator('canShare', () => true);
    const linksOnly = await fixture<PartageSocialShare>(
      html`<partage-social-share url=${PAGE} links-only locale="en"></partage-social-share>`,
    );
    expect(root(linksOnly).querySelector('button[part~="native"]')).to.equal(null);
    expect(link(linksOnly, 'linkedin')).to.exist;
  });
});

describe('partage-social-share: campaign states', () => {
  it('reserves its size while the campaign loads', async () => {
    backend.setLatency(Infinity);
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share api=${BASE} campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    await waitUntil(() => root(el).querySelector('[aria-busy="true"]'));
    expect(root(el).querySelectorAll('.pill')).to.have.length(5);
    expect(root(el).querySelector('a')).to.equal(null);
    expect(root(el).querySelector<HTMLElement>('[part~="base"]')!.offsetHeight).to.be.greaterThan(40);
    await expect(el).to.be.accessible();
  });

  it('uses the campaign’s share text and hashtags', async () => {
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share api=${BASE} campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    await waitUntil(() => root(el).querySelector('a[part~="x"]'), 'not loaded', { timeout: 5000 });
    const x = new URL(link(el, 'x').href);
    expect(x.searchParams.get('text')).to.equal('Je soutiens l’atelier céramique partagé de la rue Chateaubriand !');
    expect(x.searchParams.get('url')).to.equal('https://demo.partage.example.org/campaigns/atelier-ceramique');
    expect(x.searchParams.get('hashtags')).to.equal('kisskiss,ceramique');
    expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('prefers explicit attributes and then needs no backend', async () => {
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share campaign="atelier-ceramique" url=${PAGE} locale="en"></partage-social-share>`,
    );
    expect(new URL(link(el, 'facebook').href).searchParams.get('u')).to.equal(PAGE);
    await aTimeout(100);
    expect(requests).to.deep.equal([]);
  });

  it('shows a readable error with a retry', async () => {
    backend.failNext('getCampaign', 503, { times: 3 });
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share api=${BASE} campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error', { timeout: 5000 });
    expect(textOf(root(el).querySelector('[role="alert"] p'))).to.equal('The service is unavailable right now.');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => root(el).querySelector('a[part~="x"]'), 'retry did not load', { timeout: 5000 });
  });

  it('tells an offline reader', async () => {
    backend.setOffline(true);
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share api=${BASE} campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error', { timeout: 5000 });
    expect(textOf(root(el).querySelector('[role="alert"] p'))).to.equal(
      'You seem to be offline. Check your connection and try again.',
    );
    await expect(el).to.be.accessible();
  });

  it('needs an api or a provider for a campaign', async () => {
    const el = await fixture<PartageSocialShare>(
      html`<partage-social-share campaign="atelier-ceramique" locale="en"></partage-social-share>`,
    );
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.include('needs an api attribute');
  });

  it('speaks French under a provider', async () => {
    stubNavigator('clipboard', { writeText: async () => undefined });
    const provider = await fixture(
      html`<partage-provider api=${BASE} locale="fr">
        <partage-social-share campaign="atelier-ceramique"></partage-social-share>
      </partage-provider>`,
    );
    const el = provider.querySelector('partage-social-share')!;
    await waitUntil(() => root(el).querySelector('a[part~="x"]'), 'not loaded', { timeout: 5000 });
    expect(textOf(root(el).querySelector('[part~="title"]'))).to.equal('Partager ce projet');
    expect(link(el, 'facebook').getAttribute('aria-label')).to.equal('Partager sur Facebook (nouvel onglet)');
    expect(link(el, 'email').getAttribute('aria-label')).to.equal('Partager par e-mail');
    expect(textOf(copyButton(el))).to.equal('Copier le lien');
    copyButton(el).click();
    await waitUntil(() => statusText(el) === 'Lien copié', 'no French confirmation');
    await expect(el).to.be.accessible();
  });
});

describe('share link helpers', () => {
  const page = { url: 'https://a.example/p', text: 'Hi there', title: '', hashtags: ['#a b', 'c-d', ''] };

  it('cleans hashtags for X', () => {
    expect(cleanHashtags(page.hashtags)).to.deep.equal(['ab', 'cd']);
    expect(new URL(shareHref('x', page)).searchParams.get('hashtags')).to.equal('ab,cd');
    expect(new URL(shareHref('x', { ...page, hashtags: [] })).searchParams.has('hashtags')).to.equal(false);
  });

  it('uses the text as e-mail subject when there is no title', () => {
    expect(shareHref('email', page)).to.equal(
      'mailto:?subject=Hi%20there&body=Hi%20there%0D%0A%0D%0Ahttps%3A%2F%2Fa.example%2Fp',
    );
  });

  it('accepts only http(s) addresses, resolving relative ones', () => {
    expect(shareableUrl('/post', 'https://blog.example/x/')).to.equal('https://blog.example/post');
    expect(shareableUrl('javascript:alert(1)')).to.equal(null);
    expect(shareableUrl('data:text/html,hi')).to.equal(null);
    expect(shareableUrl('http://[bad')).to.equal(null);
  });

  it('parses the networks attribute', () => {
    expect(parseNetworks('')).to.deep.equal({ networks: ['facebook', 'x', 'linkedin', 'email', 'copy'], unknown: [] });
    expect(parseNetworks('X, copy x')).to.deep.equal({ networks: ['x', 'copy'], unknown: [] });
  });
});
