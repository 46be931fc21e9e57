import type { RequestHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';

/*
 * One msw worker per test page (each test file runs in its own page). The runner serves the
 * worker script at /mockServiceWorker.js. Unhandled requests pass through untouched, so only
 * the handlers a test declares answer.
 */
let started: Promise<SetupWorker> | undefined;

/** Starts the page's worker once and replaces its handlers with `handlers`. */
export async function startWorker(...handlers: RequestHandler[]): Promise<SetupWorker> {
  started ??= (async () => {
    const worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    return worker;
  })();
  const worker = await started;
  worker.resetHandlers(...handlers);
  return worker;
}
