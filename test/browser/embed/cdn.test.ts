import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { setViewport } from '@web/test-runner-commands';
import { VERSION } from '../../../src/core/element/partage-element.js';
import { elements } from '../../../src/define.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { problem } from '../../../src/mock/problem.js';
import { samples, shownText } from './samples.js';

/*
 * The one-line embed, as a blogger pastes it: the built CDN bundle (dist/cdn/partage.js) in a
 * plain HTML page with a strict Content-Security-Policy (script-src 'self'; style-src 'self';
 * Trusted Types required), loaded twice, next to another version, and under a partner's prefix.
 * The pages live in ./pages and run in iframes; the msw worker started here answers their
 * requests (msw serves a page's iframes from the top-level page's handlers).
 */
const API = 'https://cdn-test.partage.test/v1';
const BUNDLE = '/dist/cdn/partage.js';
const PAGES = new URL('./pages/', import.meta.url).pathname;
const backend = createMockBackend({ baseUrl: API });

interface EmbedLog {
  warnings: string[];
  errors: string[];
  violations: string[];
}
type EmbedWindow = Window &
  typeof globalThis & {
    __embedLog: EmbedLog;
    /** Set by pages/one-widget.js once the CDN file it loads has run. */
    __widgetLoaded?: string;
    __cdnOrigin?: string;
    Partage?: { version: string; define(options?: { prefix?: string }): void };
  };

const names = Object.keys(elements);
let worker: SetupWorker;

before(async function () {
  const bundle = await fetch(BUNDLE, { method: 'HEAD' });
  if (!bundle.ok) {
    throw new Error(
      `${BUNDLE} is missing (HTTP ${bundle.status}): build it first with \`npm run build\` (or \`npx vite build --mode cdn\`).`,
    );
  }
  worker = await startMockWorker(backend);
  // Tall enough that every widget of a page is near the viewport (widgets load lazily).
  await setViewport({ width: 1200, height: 4000 });
});

afterEach(() => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
  worker.resetHandlers();
  backend.reset();
});

async function openPage(file: string): Promise<{ win: EmbedWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1100px; height: 3800px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = PAGES + file;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as EmbedWindow;
  // Module scripts run before `load`; give the browser a tick to settle upgrades.
  await waitUntil(() => win.__embedLog !== undefined, 'the page did not run record.js', LOAD);
  return { win, doc: frame.contentDocument! };
}

/** `page` (for example `single-widget.html?widget=agenda`), once it has run the CDN file of `widget`. */
async function openWith(page: string, widget: string): Promise<{ win: EmbedWindow; doc: Document }> {
  const opened = await openPage(page);
  await waitUntil(() => opened.win.__widgetLoaded === widget, `partage-${widget}.js did not load`, LOAD);
  return opened;
}

/** `<partage-name>` on the page, reading the test backend, with `attributes`. */
function addWidget(doc: Document, name: string, attributes: Record<string, string> = {}): HTMLElement {
  const el = doc.createElement(`partage-${name}`);
  el.setAttribute('api', API);
  for (const [attribute, value] of Object.entries(attributes)) el.setAttribute(attribute, value);
  doc.getElementById('widgets')!.append(el);
  return el;
}

/** Loading a bundle on a loaded machine can take seconds: no tight timeout on it. */
const LOAD = { timeout: 10000 };

/** Adds `<prefix-name>` for every element of the bundle, each with its sample attributes. */
function embedAll(doc: Document, prefix: string): Map<string, HTMLElement> {
  const main = doc.getElementById('widgets')!;
  const added = new Map<string, HTMLElement>();
  for (const name of names) {
    const sample = samples[name]!;
    const el = doc.createElement(`${prefix}-${name}`);
    el.setAttribute('api', API);
    for (const [attribute, value] of Object.entries(sample.attributes)) el.setAttribute(attribute, value);
    main.append(el);
    added.set(name, el);
  }
  return added;
}

async function expectRendered(el: HTMLElement, name: string): Promise<void> {
  const sample = samples[name]!;
  el.scrollIntoView();
  await waitUntil(
    () => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && sample.shows.test(shownText(el)),
    `<${el.localName}> did not render (it shows "${shownText(el).slice(0, 200)}")`,
    { timeout: 5000 },
  );
  // Booleans and strings only: chai would walk a DOM node of another window forever to print it.
  expect(
    !!el.shadowRoot!.querySelector('[part~="error"]'),
    `<${el.localName}> shows an error: ${shownText(el)}`,
  ).to.equal(false);
  // Styles applied: custom elements are inline unless the widget's own (adopted) styles say otherwise.
  expect(getComputedStyle(el).display, `<${el.localName}> has no styles`).to.not.equal('inline');
}

function expectQuietConsole(log: EmbedLog): void {
  expect(log.errors, 'console errors').to.deep.equal([]);
  expect(log.violations, 'CSP or Trusted Types violations').to.deep.equal([]);
}

describe('CDN bundle in a plain HTML page', () => {
  it('has an embed sample for every element it registers', () => {
    expect(names.filter((n) => !samples[n])).to.deep.equal([]);
  });

  it('runs its pages under the strict policy (control: inline styles and string HTML are refused)', async () => {
    const { win, doc } = await openPage('strict.html');
    const div = doc.createElement('div');
    expect(() => {
      div.innerHTML = '<b>not trusted</b>';
    }, 'Trusted Types are not enforced').to.throw(/TrustedHTML/);
    const style = doc.createElement('style');
    style.textContent = 'body { color: red }';
    doc.head.append(style);
    await waitUntil(() => win.__embedLog.violations.length > 0, 'style-src is not enforced');
    expect(win.__embedLog.violations.join()).to.match(/style-src/);
  });

  it('renders every widget under a strict CSP with Trusted Types, loaded twice, without error or warning', async () => {
    const { win, doc } = await openPage('strict.html');
    expect(win.Partage?.version).to.equal(VERSION);
    for (const name of names) {
      expect(!!win.customElements.get(`partage-${name}`), `partage-${name} is not registered`).to.equal(true);
    }
    const added = embedAll(doc, 'partage');
    for (const [name, el] of added) if (name !== 'provider') await expectRendered(el, name);
    expectQuietConsole(win.__embedLog);
    expect(win.__embedLog.warnings).to.deep.equal([]);
  });

  it('needs only the lit-html policy when the host names its Trusted Types policies', async () => {
    const { win, doc } = await openPage('named-policies.html');
    expect(win.Partage?.version).to.equal(VERSION);
    const added = embedAll(doc, 'partage');
    for (const [name, el] of added) if (name !== 'provider') await expectRendered(el, name);
    expectQuietConsole(win.__embedLog);
  });

  it('styles its widgets with constructable stylesheets, which style-src does not block', async () => {
    const { win, doc } = await openPage('strict.html');
    const [el] = embedAll(doc, 'partage').values();
    await waitUntil(() => el!.shadowRoot, 'the widget did not upgrade', LOAD);
    const card = doc.querySelector('partage-campaign-card') ?? el!;
    expect(card.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(
      card.shadowRoot!.querySelectorAll('style').length,
      'inline <style> would need style-src unsafe-inline',
    ).to.equal(0);
    expectQuietConsole(win.__embedLog);
  });

  it('hands the provider context to widgets of the same bundle (no api on the widget)', async () => {
    const { win, doc } = await openPage('strict.html');
    const provider = doc.createElement('partage-provider');
    provider.setAttribute('api', API);
    provider.setAttribute('locale', 'en');
    const card = doc.createElement('partage-campaign-card');
    card.setAttribute('campaign', 'atelier-ceramique');
    provider.append(card);
    doc.getElementById('widgets')!.append(provider);
    await expectRendered(card, 'campaign-card');
    expectQuietConsole(win.__embedLog);
  });

  it('keeps the first version and warns exactly once when another version is on the page', async () => {
    const { win, doc } = await openPage('other-version.html');
    await waitUntil(() => win.Partage !== undefined, 'the bundle did not load next to the other version', LOAD);
    expect(win.__embedLog.warnings).to.have.length(1);
    expect(win.__embedLog.warnings[0]).to.match(/0\.0\.1-old is already on this page/);
    expectQuietConsole(win.__embedLog);
    // The other version keeps its tags; every other tag is ours and works.
    expect((win.customElements.get('partage-campaign-card') as unknown as { version: string }).version).to.equal(
      '0.0.1-old',
    );
    const added = embedAll(doc, 'partage');
    for (const [name, el] of added) {
      if (name === 'provider' || name === 'campaign-card' || name === 'countdown') continue;
      await expectRendered(el, name);
    }
    expect(win.__embedLog.warnings).to.have.length(1);
    expectQuietConsole(win.__embedLog);
  });

  it('registers every element under a partner prefix with define({ prefix })', async () => {
    const { win, doc } = await openPage('strict.html');
    win.Partage!.define({ prefix: 'acme' });
    win.Partage!.define({ prefix: 'acme' });
    for (const name of names) {
      expect(!!win.customElements.get(`acme-${name}`), `acme-${name} is not registered`).to.equal(true);
    }
    const added = embedAll(doc, 'acme');
    for (const [name, el] of added) if (name !== 'provider') await expectRendered(el, name);
    expect(win.__embedLog.warnings).to.deep.equal([]);
    expectQuietConsole(win.__embedLog);
  });

  it('refuses an invalid prefix with a clear error', async () => {
    const { win } = await openPage('strict.html');
    expect(() => win.Partage!.define({ prefix: 'Not A Prefix' })).to.throw(/Invalid tag prefix/);
  });
});

describe('Single-widget CDN files', () => {
  // Every file, each in its own page: self-contained, registers its element and no other, renders.
  for (const name of names) {
    it(`partage-${name}.js alone registers and renders only <partage-${name}> under the strict policy`, async () => {
      const { win, doc } = await openWith(`single-widget.html?widget=${name}`, name);
      expect(!!win.customElements.get(`partage-${name}`), `partage-${name} is not registered`).to.equal(true);
      expect(names.filter((n) => n !== name && win.customElements.get(`partage-${n}`))).to.deep.equal([]);
      expect(win.Partage, 'window.Partage belongs to the whole bundle').to.equal(undefined);
      if (name !== 'provider') {
        await expectRendered(addWidget(doc, name, samples[name]!.attributes), name);
      }
      expectQuietConsole(win.__embedLog);
      expect(win.__embedLog.warnings).to.deep.equal([]);
    });
  }

  it('partage-crowdfunding.js registers the provider and the campaign widgets, all rendering under one provider', async () => {
    const { win, doc } = await openWith('single-widget.html?widget=crowdfunding', 'crowdfunding');
    const campaignWidgets = [
      'provider',
      'campaign-progress',
      'campaign-card',
      'countdown',
      'reward-tiers',
      'pledge-form',
      'backers',
      'social-share',
    ];
    expect(names.filter((n) => win.customElements.get(`partage-${n}`))).to.deep.equal(campaignWidgets);
    expect(win.Partage?.version).to.equal(VERSION);
    const provider = doc.createElement('partage-provider');
    provider.setAttribute('api', API);
    provider.setAttribute('locale', 'fr');
    doc.getElementById('widgets')!.append(provider);
    for (const name of campaignWidgets.filter((n) => n !== 'provider')) {
      const el = doc.createElement(`partage-${name}`);
      for (const [attribute, value] of Object.entries(samples[name]!.attributes)) el.setAttribute(attribute, value);
      provider.append(el);
      await expectRendered(el, name);
    }
    expectQuietConsole(win.__embedLog);
    expect(win.__embedLog.warnings).to.deep.equal([]);
  });

  it('lives next to the whole bundle: same version, no warning, every widget renders', async () => {
    const { win, doc } = await openPage('single-then-full.html');
    await waitUntil(() => win.Partage !== undefined, 'the whole bundle did not load after the card file', LOAD);
    const added = embedAll(doc, 'partage');
    for (const [name, el] of added) if (name !== 'provider') await expectRendered(el, name);
    expectQuietConsole(win.__embedLog);
    expect(win.__embedLog.warnings).to.deep.equal([]);
  });
});

describe('Code loaded on demand (dist/cdn/chunks)', () => {
  /** The lazy chunks the page downloaded, by URL. */
  const chunks = (win: Window) =>
    win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.includes('/dist/cdn/chunks/'));

  /** The card file alone on `page`, showing `campaign`. */
  async function card(page: string, campaign: string) {
    const { win, doc } = await openWith(page, 'campaign-card');
    const el = addWidget(doc, 'campaign-card', { campaign }) as HTMLElement & { updateComplete: Promise<boolean> };
    await waitUntil(
      () => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && /€/.test(shownText(el)),
      `the card did not show its amount (it shows "${shownText(el).slice(0, 200)}")`,
      LOAD,
    );
    return { win, el };
  }

  it('a live card loads its live code once, from beside its file, under the strict policy', async () => {
    const { win, el } = await card('single-widget.html?widget=campaign-card', 'atelier-ceramique');
    await waitUntil(() => el.shadowRoot!.querySelector('.live-dot'), 'the card never went live', LOAD);
    const loaded = chunks(win);
    expect(
      loaded.filter((name) => /\/dist\/cdn\/chunks\/campaign-card-live-start-[\w-]+\.js$/.test(name)),
    ).to.have.length(1);
    // Plain snippets: no pre-rendered shadow root, so no hydration support either.
    expect(loaded.filter((name) => name.includes('hydration'))).to.deep.equal([]);
    expectQuietConsole(win.__embedLog);
  });

  it("a finished campaign's card never downloads live code", async () => {
    const { win, el } = await card('single-widget.html?widget=campaign-card', 'court-metrage-voisins');
    // Its render is done and its live subscription, if any, would have been asked for by now.
    await el.updateComplete;
    await new Promise((resolve) => win.requestAnimationFrame(resolve));
    // Only the memory across visits comes after the amount, to keep the answer for a later visit.
    await waitUntil(() => chunks(win).length > 0, 'the memory across visits never loaded', LOAD);
    expect(chunks(win).map((name) => name.replace(/^.*\/chunks\//, '').replace(/-[\w-]{8}\.js$/, ''))).to.deep.equal([
      'campaign-card-memory',
    ]);
    expect(el.shadowRoot!.querySelector('.live-dot')).to.equal(null);
    expectQuietConsole(win.__embedLog);
  });

  it('goes live when its file was loaded with a query string (WordPress adds ?ver=)', async () => {
    // The chunk imports `../partage-campaign-card.js` without the query: a second copy of the
    // file, whose registration is a no-op; the card on the page still goes live, quietly.
    const { win, el } = await card('single-widget.html?widget=campaign-card&ver=6.4', 'atelier-ceramique');
    await waitUntil(() => el.shadowRoot!.querySelector('.live-dot'), 'the card never went live', LOAD);
    expectQuietConsole(win.__embedLog);
    expect(win.__embedLog.warnings).to.deep.equal([]);
  });

  it('offline at its first load, a card gets its recovery code and its amount once the reader is back online', async function () {
    // The shared schedule's first probe waits 1 to 2 s after the failure it heard of.
    this.timeout(40_000);
    // The reader is offline: the campaign and the recovery schedule's chunk both fail to load.
    // Chromium remembers a failed module fetch for the page's lifetime, so only the chunk
    // loader's retry (scripts/lazy-chunks.mjs, a new fragment) can ever bring that code.
    const offline = () => HttpResponse.error();
    const campaignReads = [http.get(`${API}/campaigns`, offline), http.get(`${API}/campaigns/:id`, offline)];
    worker.use(...campaignReads, http.get('*/dist/cdn/chunks/campaign-card-recovery-*', offline));
    const { win, doc } = await openWith('single-widget.html?widget=campaign-card', 'campaign-card');
    // Nothing kept from an earlier test of this origin (no-memory): the error shows, not a remembered answer.
    const el = addWidget(doc, 'campaign-card', { campaign: 'atelier-ceramique', 'no-memory': '' });
    const alert = () => el.shadowRoot?.querySelector('[role="alert"]');
    await waitUntil(alert, 'the card did not show its error', LOAD);
    const recoveryTries = () => chunks(win).filter((name) => name.includes('-recovery-')).length;
    await waitUntil(() => recoveryTries() > 0, 'the card never asked for its recovery code', LOAD);

    // Back online, the backend still down: the card tries again, fails, and this time its
    // recovery code loads, so the shared schedule takes over.
    worker.resetHandlers();
    worker.use(...campaignReads);
    // The card listens for `online` once its failed import has been rejected, a task or more after
    // the failed request shows in the resource timing: the browser says "online" until it is heard.
    await waitUntil(
      () => {
        win.dispatchEvent(new Event('online'));
        return recoveryTries() > 1;
      },
      'the recovery code was not asked for again once online',
      { ...LOAD, interval: 250 },
    );
    expect(alert(), 'the error stays while the backend is down').to.not.equal(null);

    // The backend comes back: the schedule's own probe brings the amount, with no click.
    worker.resetHandlers();
    await waitUntil(() => /€/.test(shownText(el)) && !alert(), 'the card did not recover', { timeout: 15000 });
    expectQuietConsole(win.__embedLog);
  });

  it('the agenda loads its calendar writer only for a reader who goes for the button, and says so when it cannot', async () => {
    const offline = () => HttpResponse.error();
    worker.use(http.get('*/dist/cdn/chunks/agenda-agenda-ics-*', offline));
    const { win, doc } = await openWith('single-widget.html?widget=agenda', 'agenda');
    const el = addWidget(doc, 'agenda', { neighbourhood: 'saint-malo-intra-muros', locale: 'en' });
    const button = () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part="calendar"]');
    await waitUntil(button, 'the agenda showed no event to add', LOAD);
    const icsTries = () => chunks(win).filter((name) => name.includes('-agenda-ics-')).length;
    expect(icsTries(), 'the calendar writer came with the first paint').to.equal(0);

    // Offline when the reader presses the button: a readable status, nothing downloaded.
    const files: Blob[] = [];
    const original = win.URL.createObjectURL;
    win.URL.createObjectURL = (blob: Blob | MediaSource) => (files.push(blob as Blob), original.call(win.URL, blob));
    el.shadowRoot!.addEventListener('click', (e) => {
      const a = e.composedPath()[0];
      if (a instanceof win.HTMLAnchorElement && a.download) e.preventDefault(); // no file dialog here
    });
    button()!.click();
    const status = () => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';
    await waitUntil(
      () => status() === 'The calendar file could not be prepared. Check your connection and try again.',
      `no status after a failed calendar writer ("${status()}")`,
      LOAD,
    );
    expect(files).to.have.length(0);

    // Back online, the same button works: the chunk loader asks again under a new fragment.
    worker.resetHandlers();
    button()!.click();
    await waitUntil(() => files.length === 1, 'no calendar file once back online', LOAD);
    expect(files[0]!.type).to.equal('text/calendar;charset=utf-8');
    expect(await files[0]!.text()).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(icsTries()).to.be.at.least(2);
    expectQuietConsole(win.__embedLog);
  });

  /** Cards of the card file alone on a page, one per locale, reading `campaign` through handlers set by the test. */
  async function failingCards(locales: string[]) {
    const { win, doc } = await openWith('single-widget.html?widget=campaign-card', 'campaign-card');
    // Nothing kept from an earlier test of this origin (no-memory): the error shows, not a remembered answer.
    const cards = locales.map((locale) =>
      addWidget(doc, 'campaign-card', { campaign: 'atelier-ceramique', locale, 'no-memory': '' }),
    );
    return { win, cards };
  }
  const alertOf = (el: Element) => el.shadowRoot?.querySelector('[role="alert"]') ?? null;
  const failureChunks = (win: Window) => chunks(win).filter((name) => name.includes('-failure-text-'));
  const problemChunks = (win: Window) => chunks(win).filter((name) => name.includes('-problems-'));

  it('a card that shows its amount never downloads the wording of failures nor the reading of error answers', async () => {
    const { win, el } = await card('single-widget.html?widget=campaign-card', 'atelier-ceramique');
    await waitUntil(() => el.shadowRoot!.querySelector('.live-dot'), 'the card never went live', LOAD);
    expect(failureChunks(win)).to.deep.equal([]);
    expect(problemChunks(win)).to.deep.equal([]);
    expectQuietConsole(win.__embedLog);
  });

  it('a failed load downloads the wording of failures once and shows the precise error, in French and English', async () => {
    const down = () => problem(503, 'internal_error');
    worker.use(http.get(`${API}/campaigns`, down), http.get(`${API}/campaigns/:id`, down));
    const { win, cards } = await failingCards(['fr', 'en']);
    const [fr, en] = [cards[0]!, cards[1]!];
    await waitUntil(() => alertOf(fr) && alertOf(en), 'the cards did not show their error', LOAD);
    expect(shownText(fr)).to.contain('Le service est indisponible pour le moment.');
    expect(shownText(fr)).to.contain('Réessayer');
    expect(shownText(en)).to.contain('The service is unavailable right now.');
    expect(shownText(en)).to.contain('Try again');
    expect(failureChunks(win)).to.have.length(1);
    expect(failureChunks(win)[0]).to.match(/\/dist\/cdn\/chunks\/campaign-card-failure-text-[\w-]+\.js$/);
    expect(problemChunks(win)).to.have.length(1);
    expect(problemChunks(win)[0]).to.match(/\/dist\/cdn\/chunks\/campaign-card-problems-[\w-]+\.js$/);
    expectQuietConsole(win.__embedLog);
  });

  it('an error answer whose reading code cannot load is still worded from its status, in French and English', async () => {
    const missing = () => problem(404, 'not_found');
    worker.use(
      http.get(`${API}/campaigns`, missing),
      http.get(`${API}/campaigns/:id`, missing),
      http.get('*/dist/cdn/chunks/campaign-card-problems-*', () => HttpResponse.error()),
    );
    const { win, cards } = await failingCards(['fr', 'en']);
    const [fr, en] = [cards[0]!, cards[1]!];
    await waitUntil(() => alertOf(fr) && alertOf(en), 'the cards did not show their error', LOAD);
    expect(problemChunks(win).length).to.be.greaterThan(0);
    expect(shownText(fr)).to.contain('Ce contenu est introuvable.');
    expect(shownText(en)).to.contain('This content could not be found.');
    expectQuietConsole(win.__embedLog);
  });

  it('offline at its first load, without the wording of failures either, a card still says why in French and English, and recovers', async () => {
    // The reader is offline: the campaign and the chunk with the precise wording both fail to load.
    const offline = () => HttpResponse.error();
    const campaignReads = [http.get(`${API}/campaigns`, offline), http.get(`${API}/campaigns/:id`, offline)];
    worker.use(...campaignReads, http.get('*/dist/cdn/chunks/campaign-card-failure-text-*', offline));
    const { win, cards } = await failingCards(['fr', 'en']);
    const [fr, en] = [cards[0]!, cards[1]!];
    await waitUntil(() => alertOf(fr) && alertOf(en), 'the cards did not show their error', LOAD);
    await waitUntil(() => failureChunks(win).length > 0, 'the wording of failures was never asked for', LOAD);
    // The built-in texts: readable, in the card's language, with a retry.
    expect(shownText(fr)).to.contain('Vous semblez hors ligne. Vérifiez votre connexion puis réessayez.');
    expect(shownText(en)).to.contain('You seem to be offline. Check your connection and try again.');
    for (const el of cards) expect(el.shadowRoot!.querySelector('button[part~="retry"]')).to.not.equal(null);

    // Back online: a click on "try again" brings the amount.
    worker.resetHandlers();
    for (const el of cards) el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="retry"]')!.click();
    await waitUntil(
      () => cards.every((el) => /€/.test(shownText(el)) && !alertOf(el)),
      `the cards did not recover (they show "${shownText(fr).slice(0, 120)}")`,
      LOAD,
    );
    expectQuietConsole(win.__embedLog);
  });

  it("from another origin (a CDN), its live code comes from the file's origin, which the page's policy allows", async () => {
    const { win, el } = await card('foreign-origin.html?widget=campaign-card', 'atelier-ceramique');
    await waitUntil(() => el.shadowRoot!.querySelector('.live-dot'), 'the card never went live', LOAD);
    const live = chunks(win).filter((name) => name.includes('-live-start-'));
    expect(live).to.have.length(1);
    expect(live[0]!.startsWith(`${win.__cdnOrigin}/dist/cdn/chunks/`), live[0]).to.equal(true);
    expect(win.__cdnOrigin).to.not.equal(win.location.origin);
    expectQuietConsole(win.__embedLog);
  });
});

describe('Texts of one language on demand (partage.js)', () => {
  /** The texts chunks the page downloaded: `campaign-card-fr`… */
  const texts = (win: Window) =>
    win.performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /\/dist\/cdn\/chunks\/partage-[a-z-]+-(en|fr)-[\w-]{8}\.js/.test(name))
      .map((name) => name.replace(/^.*\/chunks\/partage-/, '').replace(/-[\w-]{8}\.js.*$/, ''));
  const FR_CARD = /\/dist\/cdn\/chunks\/partage-campaign-card-fr-[\w-]{8}\.js$/;

  /** A card with the blogger's own link inside, on the French page of the whole bundle. */
  async function cardPage(query = '', locale?: string) {
    const { win, doc } = await openPage(`whole-bundle.html${query}`);
    await waitUntil(() => (win as { __bundleLoaded?: boolean }).__bundleLoaded, 'partage.js did not load', LOAD);
    const el = doc.createElement('partage-campaign-card') as HTMLElement & { updateComplete: Promise<boolean> };
    el.setAttribute('api', API);
    el.setAttribute('campaign', 'atelier-ceramique');
    if (locale) el.setAttribute('locale', locale);
    const link = doc.createElement('a');
    link.href = 'https://example.org/atelier';
    link.textContent = 'Atelier céramique';
    el.append(link);
    return { win, doc, el };
  }
  const showsAmount = (el: HTMLElement, words: RegExp) => () =>
    !!el.shadowRoot && /€/.test(shownText(el)) && words.test(shownText(el));

  it('a French page downloads the French texts of its widgets only, while the data loads', async () => {
    const { win, doc, el } = await cardPage('?other');
    // The texts wait until the card's data was asked for: they were asked for next to it, not after.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    worker.use(
      http.get(FR_CARD, async () => {
        asked = true;
        await held;
        return passthrough();
      }),
    );
    let campaignAsked = false;
    const seen = ({ request }: { request: Request }) => {
      if (request.url.includes('/campaigns/atelier-ceramique')) campaignAsked = true;
    };
    worker.events.on('request:start', seen);
    doc.getElementById('widgets')!.append(el);
    await waitUntil(() => asked, 'the card never asked for its texts', { timeout: 3000 });
    await waitUntil(
      () => campaignAsked,
      'the card did not ask for its campaign while its texts were on their way',
      LOAD,
    );
    worker.events.removeListener('request:start', seen);
    // Meanwhile: the page's own content (the quiet view's slot), never text keys.
    await waitUntil(() => el.shadowRoot?.querySelector('slot'), 'the card does not show its quiet view', {
      timeout: 3000,
    });
    expect(shownText(el)).to.equal('');
    release();
    await waitUntil(
      showsAmount(el, /collectés sur/),
      `the card did not show its amount in French ("${shownText(el)}")`,
      LOAD,
    );
    expect(texts(win)).to.deep.equal(['campaign-card-fr']);
    expectQuietConsole(win.__embedLog);
  });

  it('switches language: the other texts load and the card shows them, once each', async () => {
    const { win, doc, el } = await cardPage();
    doc.getElementById('widgets')!.append(el);
    await waitUntil(showsAmount(el, /collectés sur/), `no French amount ("${shownText(el)}")`, LOAD);
    el.setAttribute('locale', 'en-GB');
    await waitUntil(showsAmount(el, /raised of/), `no English amount ("${shownText(el)}")`, LOAD);
    el.setAttribute('locale', 'fr');
    await waitUntil(showsAmount(el, /collectés sur/), `not French again ("${shownText(el)}")`, LOAD);
    expect(texts(win).sort()).to.deep.equal(['campaign-card-en', 'campaign-card-fr']);
    expectQuietConsole(win.__embedLog);
  });

  it('texts that could not load are tried again, and the card then shows its amount', async () => {
    // English from the other name: a chunk no earlier test fetched (the switch above fetched it
    // from the page's own name), so the failure is real.
    const { win, doc, el } = await cardPage('?other', 'en');
    let failed = false;
    worker.use(
      http.get(
        /\/dist\/cdn\/chunks\/partage-campaign-card-en-[\w-]{8}\.js$/,
        () => {
          failed = true;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    doc.getElementById('widgets')!.append(el);
    await waitUntil(showsAmount(el, /raised of/), `no amount after a failed chunk ("${shownText(el)}")`, LOAD);
    expect(failed, 'the first fetch of the texts failed').to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    // The failed module fetch is the browser's own report (not the page's code): only errors from
    // the widgets would fail the reader; there are none.
    expect(win.__embedLog.errors.filter((e) => !/Failed to fetch dynamically imported module/.test(e))).to.deep.equal(
      [],
    );
  });

  it('every widget renders from the whole bundle in English on an English page', async () => {
    const { win, doc } = await openPage('whole-bundle.html');
    doc.documentElement.lang = 'en';
    const added = embedAll(doc, 'partage');
    added.delete('provider');
    // The samples' figures are French (`1 240`): here, each widget shows something and no error.
    for (const el of added.values()) {
      el.scrollIntoView();
      await waitUntil(
        () => el.shadowRoot && !el.shadowRoot.querySelector('[aria-busy="true"]') && /\w/.test(shownText(el)),
        `<${el.localName}> did not render in English ("${shownText(el).slice(0, 200)}")`,
        LOAD,
      );
      expect(!!el.shadowRoot!.querySelector('[part~="error"]'), `${el.localName}: ${shownText(el)}`).to.equal(false);
    }
    // One chunk per widget, all English (the provider has no texts).
    expect(texts(win).sort()).to.deep.equal([...added.keys()].map((name) => `${name}-en`).sort());
    expectQuietConsole(win.__embedLog);
  });
});
