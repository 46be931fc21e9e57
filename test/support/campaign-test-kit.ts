import { waitUntil } from '@open-wc/testing';
import { http } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { forgetAll } from './memory.js';
import type { CampaignEvent } from '../../src/contract/index.js';
import { clientFor, invalidate } from '../../src/core/data/clients.js';
import { startMockWorker } from '../../src/mock/browser.js';
import { createMockBackend, type MockBackend } from '../../src/mock/index.js';

/**
 * Shared set-up of the campaign widget tests (progress, card, countdown): one mock backend per
 * test file under its own base URL, reset before each test together with the shared client's
 * read cache, so that no test sees another's pledges.
 */
export function useMockBackend(baseUrl: string): { backend: MockBackend; worker: () => SetupWorker } {
  const backend = createMockBackend({ baseUrl });
  let worker: SetupWorker;
  before(async () => {
    worker = await startMockWorker(backend);
  });
  after(() => worker.stop());
  beforeEach(() => {
    worker.resetHandlers();
    backend.reset();
    invalidate(clientFor(baseUrl));
    // Memory across visits would otherwise carry one test's answers into the next one's faults.
    forgetAll();
  });
  return { backend, worker: () => worker };
}

/** Text as a reader sees it: Intl's narrow and non-breaking spaces read as plain spaces. */
export const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Normalised text of the first element matching `selector` in the widget's shadow root. */
export function textOf(el: Element, selector: string): string {
  const found = el.shadowRoot!.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return norm(found.textContent);
}

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const parts = (el: Element, name: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

export async function waitForPart(el: Element, name: string, message = `part ${name}`): Promise<HTMLElement> {
  await waitUntil(() => part(el, name), message, { timeout: 5000 });
  return part(el, name)!;
}

/** `:state(x)` of a widget (CustomStateSet). */
export const hasState = (el: Element, name: string) => el.matches(`:state(${name})`);

/**
 * Replaces a campaign's SSE endpoint with a stream the test writes to, for events the mock
 * backend cannot produce on its own (`campaign.updated`). Returns a sender once a client is
 * connected.
 */
export function controlledStream(worker: SetupWorker, baseUrl: string, campaignId: string) {
  const encoder = new TextEncoder();
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let id = 0;
  // The page's multiplexed stream, when it carries this campaign (widgets of a page share it).
  worker.use(
    http.get(`${baseUrl}/live`, ({ request }) => {
      const campaigns = new URL(request.url).searchParams.get('campaigns')?.split(',') ?? [];
      if (!campaigns.includes(campaignId)) return undefined;
      let self: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          self = controller;
          streams.add(controller);
          controller.enqueue(encoder.encode(': hi\n\n'));
        },
        cancel() {
          streams.delete(self);
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
    }),
  );
  return {
    connections: () => streams.size,
    send(event: CampaignEvent) {
      const data = JSON.stringify({ kind: 'campaign', id: campaignId, event });
      const frame = encoder.encode(`id: ${++id}\nevent: ${event.type}\ndata: ${data}\n\n`);
      for (const s of streams) s.enqueue(frame);
    },
  };
}
