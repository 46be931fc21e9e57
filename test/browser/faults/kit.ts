import { fixture, html, waitUntil } from '@open-wc/testing';
import { delay, getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { createTransport, type Transport } from '../../../src/client/transport.js';
import { forgetAll } from '../../../src/client/memory.js';
import { createMockBackend, type MockBackend } from '../../../src/mock/index.js';
import { poisonResponse } from './poison.js';
import '../../../src/widgets/provider/define.js';
import '../../../src/widgets/campaign-progress/define.js';
import '../../../src/widgets/campaign-card/define.js';
import '../../../src/widgets/countdown/define.js';
import '../../../src/widgets/reward-tiers/define.js';
import '../../../src/widgets/pledge-form/define.js';
import '../../../src/widgets/backers/define.js';
import '../../../src/widgets/social-share/define.js';
import '../../../src/widgets/neighbourhood-stats/define.js';
import '../../../src/widgets/share-board/define.js';
import '../../../src/widgets/listing-form/define.js';
import '../../../src/widgets/poll/define.js';
import '../../../src/widgets/agenda/define.js';

/**
 * The fault-injection kit shared by the reliability suites: every data widget of the project in
 * one table, a mock backend per suite, and switchable faults placed in front of it.
 */

export const BASE = 'https://api.faults.test/v1';
/** A second, healthy backend: its widget is the "neighbour" that must stay untouched. */
export const NEIGHBOUR_BASE = 'https://api.neighbour.test/v1';

export interface WidgetCase {
  tag: string;
  attrs: Record<string, string>;
}

const CAMPAIGN = { campaign: 'atelier-ceramique' };
const NEIGHBOURHOOD = { neighbourhood: 'saint-malo-intra-muros' };

/** Every widget that loads data (the listing form only writes: see writes.test.ts). */
export const WIDGETS: readonly WidgetCase[] = [
  { tag: 'partage-campaign-progress', attrs: CAMPAIGN },
  { tag: 'partage-campaign-card', attrs: CAMPAIGN },
  { tag: 'partage-countdown', attrs: CAMPAIGN },
  { tag: 'partage-reward-tiers', attrs: CAMPAIGN },
  { tag: 'partage-pledge-form', attrs: CAMPAIGN },
  { tag: 'partage-backers', attrs: CAMPAIGN },
  { tag: 'partage-social-share', attrs: CAMPAIGN },
  { tag: 'partage-neighbourhood-stats', attrs: NEIGHBOURHOOD },
  { tag: 'partage-share-board', attrs: NEIGHBOURHOOD },
  { tag: 'partage-poll', attrs: { poll: 'sm-poll-marche' } },
  { tag: 'partage-agenda', attrs: NEIGHBOURHOOD },
];

export type FaultName = 'problem500' | 'unavailable503' | 'silent' | 'malformed' | 'contract' | 'network' | 'offline';

/** What each fault answers to a JSON read of the faulty backend. */
export const FAULTS: Record<FaultName, () => Promise<Response>> = {
  problem500: async () =>
    HttpResponse.json(
      { type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_error' },
      { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
    ),
  unavailable503: async () =>
    HttpResponse.json(
      { type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'service_unavailable' },
      { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } },
    ),
  silent: async () => {
    await delay('infinite');
    return HttpResponse.error();
  },
  malformed: async () =>
    new HttpResponse('{"id": "atelier-ceramique", "title": "Ate', { headers: { 'Content-Type': 'application/json' } }),
  contract: async () => HttpResponse.json({ id: 42, title: null, items: 'nope', pledged: { amount: 'NaN' } }),
  network: async () => HttpResponse.error(),
  offline: async () => HttpResponse.error(),
};
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export interface Hit {
  url: string;
  method: string;
  at: number;
}

/** The faulty backend: a mock backend with a switchable fault in front of its JSON reads. */
export interface Bench {
  backend: MockBackend;
  neighbour: MockBackend;
  worker: SetupWorker;
  /** Every request that reached the faulty backend (live streams excepted). */
  hits: Hit[];
  fault: FaultName | null;
  /** Only URLs containing this are faulted (all JSON reads when empty). */
  match: string;
  /** A hostile string placed in every string field of every answer the contract lets it in. */
  poison: string | null;
  /** String fields poisoned so far. */
  poisoned: number;
}

/** One bench per suite file: a worker carrying both backends, reset before each test. */
export function useBench(): Bench {
  const backend = createMockBackend({ baseUrl: BASE });
  const neighbour = createMockBackend({ baseUrl: NEIGHBOUR_BASE });
  const bench = { backend, neighbour, hits: [], fault: null, match: '', poison: null, poisoned: 0 } as unknown as Bench;
  const faultFront: HttpHandler = http.all(`${BASE}/*`, async ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/events')) return undefined;
    bench.hits.push({ url: url.pathname + url.search, method: request.method, at: performance.now() });
    if (bench.poison !== null && request.method === 'GET') {
      const answer = await getResponse(backend.handlers, request);
      if (!answer) return undefined;
      const poisoned = await poisonResponse(url, request.method, answer, bench.poison);
      bench.poisoned += poisoned.count;
      return poisoned.answer;
    }
    if (!bench.fault || request.method !== 'GET' || !request.url.includes(bench.match)) return undefined;
    return FAULTS[bench.fault]();
  });
  before(async () => {
    bench.worker = setupWorker(faultFront, ...backend.handlers, ...neighbour.handlers);
    await bench.worker.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
  });
  after(() => bench.worker.stop());
  beforeEach(() => {
    bench.worker.resetHandlers();
    backend.reset();
    neighbour.reset();
    bench.hits.length = 0;
    bench.fault = null;
    bench.match = '';
    bench.poison = null;
    bench.poisoned = 0;
    forgetAll();
  });
  return bench;
}

/** A fresh client per test (own read cache, own recovery schedule), quick to give up on silence. */
export const quickClient = (): Transport =>
  createTransport({ baseUrl: BASE, timeoutMs: 1_000, maxAttempts: 2, retryBaseMs: 50 });

export interface Mounted {
  el: HTMLElement;
  neighbour: HTMLElement;
  page: HTMLElement;
}

/** `w` under a provider of `client`, beside a neighbour widget on the healthy backend. */
export async function mount(w: WidgetCase, client: Transport, extra: Record<string, string> = {}): Promise<Mounted> {
  const tag = unsafeStatic(w.tag);
  const attrs = { locale: 'fr', ...w.attrs, ...extra };
  const page = await fixture<HTMLElement>(
    html`<div style="width: 420px">
      <partage-provider .customClient=${client} locale="fr">${staticHtml`<${tag}></${tag}>`}</partage-provider>
      <partage-campaign-progress
        id="neighbour"
        api=${NEIGHBOUR_BASE}
        campaign="atelier-ceramique"
        locale="fr"
      ></partage-campaign-progress>
    </div>`,
  );
  const el = page.querySelector<HTMLElement>(`partage-provider > ${w.tag}`)!;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const neighbour = page.querySelector<HTMLElement>('#neighbour')!;
  return { el, neighbour, page };
}

export const root = (el: Element) => el.shadowRoot!;
export const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Everything a reader could read in the widget: its text, plus labels and alternatives. */
export function readable(el: Element): string {
  const r = root(el);
  const labels = [...r.querySelectorAll('[aria-label],[alt],[title]')].map(
    (n) => `${n.getAttribute('aria-label') ?? ''} ${n.getAttribute('alt') ?? ''} ${n.getAttribute('title') ?? ''}`,
  );
  return norm(`${r.textContent ?? ''} ${labels.join(' ')}`);
}

/** Text that must never reach a reader: unformatted numbers, missing values, raw JSON. */
export const GARBAGE = /\bNaN\b|\bundefined\b|\bnull\b|\[object |\{"|"\s*:\s*"/;

export const errorPart = (el: Element) => root(el).querySelector<HTMLElement>('[part~="error"]');
export const staleNote = (el: Element) => root(el).querySelector<HTMLElement>('.stale');

/** Shows its data: no error, no skeleton, no stale notice. */
export function isReady(el: Element): boolean {
  const r = root(el);
  if (!r) return false;
  if (errorPart(el) || staleNote(el)) return false;
  if (r.querySelector('[aria-busy="true"]')) return false;
  if (el.matches(':state(loading)') || el.matches(':state(error)')) return false;
  const text = norm(r.textContent);
  // Some parts load on their own (the board's header): no loading text left anywhere.
  return text.length > 0 && !/Chargement…|Loading…/.test(text);
}

export const waitReady = (el: Element, what: string, timeout = 20_000) =>
  waitUntil(() => isReady(el), `${el.localName} ${what}`, { timeout, interval: 100 });

export const waitError = (el: Element, what: string, timeout = 15_000) =>
  waitUntil(() => errorPart(el) !== null, `${el.localName} ${what}`, { timeout, interval: 100 });

/** Unhandled rejections seen on the page; emptied before each test. */
export function watchRejections(): unknown[] {
  const seen: unknown[] = [];
  window.addEventListener('unhandledrejection', (e) => seen.push(e.reason));
  beforeEach(() => void seen.splice(0));
  return seen;
}
