import { waitUntil } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { forgetAll } from './memory.js';
import { clientFor, invalidate } from '../../src/core/data/clients.js';
import { startMockWorker } from '../../src/mock/browser.js';
import { createMockBackend, type MockBackend } from '../../src/mock/index.js';

/** Demo member tokens (src/mock/fixtures/neighbourhoods.ts). */
export const MORGANE = 'demo-member-morgane'; // Saint-Malo
export const DAVID = 'demo-member-david'; // Saint-Malo and Rennes
export const SAINT_MALO = 'saint-malo-intra-muros';
export const RENNES = 'rennes-thabor';

/**
 * One mock backend per test file, under its own base URL so that the shared clients' caches and
 * live streams of other files never answer for it. Every test starts from the fixtures with an
 * empty client cache.
 */
export function useNeighbourhoodBackend(baseUrl: string): { backend: MockBackend; worker: () => SetupWorker } {
  const backend = createMockBackend({ baseUrl });
  let worker: SetupWorker | undefined;
  before(async () => {
    worker = await startMockWorker(backend);
  });
  after(() => worker?.stop());
  beforeEach(() => {
    backend.reset();
    invalidate(clientFor(baseUrl));
    // Memory across visits would otherwise carry one test's answers into the next one's faults.
    forgetAll();
    worker?.resetHandlers();
  });
  return { backend, worker: () => worker! };
}

/** The open shadow root of a widget. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** Visible text of a widget (its shadow content), whitespace collapsed. */
export const textOf = (el: Element | null | undefined): string =>
  (el instanceof Element && el.shadowRoot ? el.shadowRoot.textContent : (el?.textContent ?? ''))!
    .replace(/\s+/g, ' ')
    .trim();

/** Sets a text control's value the way typing does (an input event). */
export function type(control: HTMLInputElement | HTMLTextAreaElement | null, value: string): void {
  if (!control) throw new Error('no such control');
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Picks an option of a native select the way a reader does (a change event). */
export function choose(select: HTMLSelectElement | null, value: string): void {
  if (!select) throw new Error('no such select');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Waits for what a reader would see; generous, as the machine running the tests may be busy. */
export async function until(predicate: () => boolean, message: string, timeout = 8000): Promise<void> {
  await waitUntil(predicate, message, { timeout });
}

/** Local `YYYY-MM-DD`, `days` from today, as a date input holds it. */
export function dateIn(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
