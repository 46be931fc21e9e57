import { setupWorker, type SetupWorker } from 'msw/browser';
import type { MockBackend } from './backend.js';

/**
 * Starts msw's service worker with the backend's handlers (tests, stories, offline demos).
 * Requests the mock does not know go to the network untouched. Stop it with `worker.stop()`.
 */
export async function startMockWorker(backend: Pick<MockBackend, 'handlers'>): Promise<SetupWorker> {
  const worker = setupWorker(...backend.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  return worker;
}
