import { waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';

/*
 * The pledge form's own CDN file (dist/cdn/partage-pledge-form.js) loaded in the test page itself,
 * so axe can check it, with its interaction chunk (checks, submit flow, outcome) held, failed or
 * let through at will. A browser keeps a module that loaded for the page's life: each test file
 * (one page each) sees the chunk arrive once, so each tells one story from a fresh page.
 */

export const API = 'https://first-use.partage.test/v1';
const FILE = '/dist/cdn/partage-pledge-form.js';
const CHUNK = /\/dist\/cdn\/chunks\/pledge-form-pledge-interaction-[\w-]{8}\.js/;

export type Form = HTMLElement & { updateComplete: Promise<boolean> };

/** How the interaction chunk is answered: held until told, failed (offline) or served. */
export type ChunkMode = 'hold' | 'fail' | 'pass';

export interface FirstUsePage {
  backend: ReturnType<typeof createMockBackend>;
  worker: SetupWorker;
  /** Every request the page made, in the order they started (URLs as msw saw them). */
  requests: string[];
  /** Sets how the chunk is answered from now on; held requests are answered that way at once. */
  chunk(mode: ChunkMode): void;
}

/** Starts the mock backend with the chunk held, then loads the CDN file. */
export async function firstUsePage(): Promise<FirstUsePage> {
  const backend = createMockBackend({ baseUrl: API });
  const worker = await startMockWorker(backend);
  const requests: string[] = [];
  worker.events.on('request:start', ({ request }) => void requests.push(request.url));
  let mode: ChunkMode = 'hold';
  let answer: (() => void)[] = [];
  const decided = () => new Promise<void>((resolve) => (mode === 'hold' ? answer.push(resolve) : resolve()));
  worker.use(
    http.get(CHUNK, async () => {
      await decided();
      return mode === 'fail' ? HttpResponse.error() : passthrough();
    }),
  );
  const file = await fetch(FILE, { method: 'HEAD' });
  if (!file.ok) throw new Error(`${FILE} is missing (HTTP ${file.status}): build it first with \`npm run build\`.`);
  await import(/* @vite-ignore */ FILE);
  return {
    backend,
    worker,
    requests,
    chunk(next) {
      mode = next;
      if (next !== 'hold') answer.splice(0).forEach((go) => go());
      answer = next === 'hold' ? answer : [];
    },
  };
}

export const isChunk = (url: string) => CHUNK.test(url);

/** The interaction chunk's requests that completed, from the resource timing. */
export const chunksLoaded = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter(isChunk);

/** `<partage-pledge-form>` of the CDN file, in French, once its form shows. */
export async function pledgeForm(parent: HTMLElement = document.body): Promise<Form> {
  const el = document.createElement('partage-pledge-form') as Form;
  el.setAttribute('api', API);
  el.setAttribute('campaign', 'atelier-ceramique');
  el.setAttribute('locale', 'fr');
  parent.append(el);
  await waitUntil(() => part(el, 'submit'), 'the form did not show', { timeout: 10000 });
  return el;
}

export const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
export const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
export const control = (el: Element, id: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement & HTMLSelectElement>(`#pf-${id}`)!;
export const alertText = (el: Element) => norm(part(el, 'alert')?.textContent);
export const errorText = (el: Element, id: string) =>
  norm(el.shadowRoot!.getElementById(`pf-${id}-error`)?.textContent);
export const hasState = (el: Element, name: string) => el.matches(`:state(${name})`);

/** Types into a field as `input` events do (composed, as typing's own are). */
export function type(el: Element, id: string, value: string): void {
  const input = control(el, id);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
