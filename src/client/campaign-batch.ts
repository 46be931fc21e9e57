import { CampaignPage, type Campaign } from '../contract/campaign.js';
import { getCampaignEndpoint, type Endpoint } from '../contract/endpoints.js';
import { ApiError } from './errors.js';
import { abortedError } from './http.js';
import type { Transport } from './transport.js';

interface Waiter {
  resolve: (campaign: Campaign) => void;
  reject: (error: unknown) => void;
  single: (signal: AbortSignal) => Promise<Campaign>;
  signal: AbortSignal;
}

/**
 * `GET /campaigns?ids=…` (listCampaigns): declared here with only its answer's schema, so that a
 * card's bundle does not carry the list's query schemas, which only the server checks.
 */
const batchEndpoint = {
  method: 'GET',
  path: '/campaigns',
  access: 'public',
  status: 200,
  response: CampaignPage,
} as const satisfies Endpoint;

/** The contract's limit on `?ids=`. */
const MAX_IDS = 50;
/** Backends found without `?ids=` (per page): their campaigns are read one by one. */
const withoutBatch = new Set<string>();
/** Per backend: widgets may each hold their own wrapper of the page's transport. */
const pending = new Map<string, Map<string, Waiter[]>>();

/**
 * One campaign, read together with every other campaign a widget of the page asks for in the
 * same run of microtasks: `GET /campaigns?ids=a,b,c` instead of one request each (a page of cards loads in one
 * request). Results are cached per campaign, so widgets of the same campaign share one read. A
 * lone campaign, and every campaign of a backend without batched reads, is read on its own.
 */
export function readCampaign(api: Transport, campaignId: string, signal?: AbortSignal): Promise<Campaign> {
  if (withoutBatch.has(api.baseUrl)) return api.read(getCampaignEndpoint, { campaignId }, undefined, { signal });
  return api.readVia(
    getCampaignEndpoint,
    { campaignId },
    (s, single) =>
      new Promise<Campaign>((resolve, reject) => {
        let batch = pending.get(api.baseUrl);
        if (!batch) {
          const created = new Map<string, Waiter[]>();
          batch = created;
          pending.set(api.baseUrl, created);
          // A microtask, not a task: the widgets of a page that near the viewport together are told
          // in one callback (core/data/viewport.ts), and a task would leave only after the frame
          // being drawn.
          queueMicrotask(() => {
            if (pending.get(api.baseUrl) === created) pending.delete(api.baseUrl);
            void flush(api, created);
          });
        }
        batch.set(campaignId, [...(batch.get(campaignId) ?? []), { resolve, reject, single, signal: s }]);
      }),
    { signal },
  );
}

async function flush(api: Transport, batch: Map<string, Waiter[]>): Promise<void> {
  for (const [id, waiters] of batch) {
    const live = waiters.filter((w) => {
      if (w.signal.aborted) w.reject(abortedError(api.baseUrl, w.signal.reason));
      return !w.signal.aborted;
    });
    if (live.length === 0) batch.delete(id);
    else batch.set(id, live);
  }
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += MAX_IDS) void flushChunk(api, batch, ids.slice(i, i + MAX_IDS));
}

/** Reads each campaign on its own (the cache already de-duplicates per campaign). */
function singly(batch: Map<string, Waiter[]>, ids: string[]) {
  for (const id of ids) {
    for (const w of batch.get(id) ?? []) w.single(w.signal).then(w.resolve, w.reject);
  }
}

async function flushChunk(api: Transport, batch: Map<string, Waiter[]>, ids: string[]): Promise<void> {
  if (ids.length === 1 || withoutBatch.has(api.baseUrl)) return singly(batch, ids);
  let items: Campaign[];
  try {
    items = (await api.read(batchEndpoint, {}, { ids: ids.join(',') })).items;
  } catch (error) {
    // A backend whose list refuses `ids`, or has no list at all: single reads from now on.
    if (error instanceof ApiError && [400, 404, 405, 422, 501].includes(error.status)) {
      withoutBatch.add(api.baseUrl);
      return singly(batch, ids);
    }
    // Offline, a timeout, a 5xx: every widget gets the error (the page's recovery probes again),
    // rather than as many more requests to a backend that is already struggling.
    for (const id of ids) for (const w of batch.get(id) ?? []) w.reject(error);
    return;
  }
  const byRef = new Map<string, Campaign>();
  for (const c of items) byRef.set(c.slug, c);
  for (const c of items) byRef.set(c.id, c);
  // A backend that ignores `ids` answers its usual first page, with campaigns nobody asked for.
  if (items.some((c) => !ids.includes(c.id) && !ids.includes(c.slug))) {
    withoutBatch.add(api.baseUrl);
    return singly(batch, ids);
  }
  const missing: string[] = [];
  for (const id of ids) {
    const campaign = byRef.get(id);
    if (campaign) for (const w of batch.get(id) ?? []) w.resolve(campaign);
    else missing.push(id);
  }
  // Unknown ones are read on their own: their 404 is the widget's "no such campaign".
  singly(batch, missing);
}
