import type { SubscribeOptions, Unsubscribe } from './types.js';

/**
 * A live subscription whose code loads on demand: the SSE parser, the page's hub, reconnection,
 * polling and the event handling live in a chunk that only a widget going live downloads (a
 * finished campaign never does), and nothing on the first paint waits for it. The returned
 * function unsubscribes before the chunk has arrived as well as after. States and events start
 * when it has: `connecting`, `open`… exactly as if the code had been there from the start.
 */
export function onDemand<E>(
  load: () => Promise<(subscriber: SubscribeOptions<E>) => Unsubscribe>,
  subscriber: SubscribeOptions<E>,
): Unsubscribe {
  // A programming error is reported at once, not after a download.
  if (typeof subscriber?.onEvent !== 'function') throw new TypeError('subscribe needs an onEvent callback');
  let stop: Unsubscribe | undefined;
  let done = false;
  load().then(
    (subscribe) => {
      if (!done) stop = subscribe(subscriber);
    },
    // The chunk could not load (offline, blocked): the widget keeps the data it shows, without
    // live updates; its next subscription (a reconnected widget, a retry) tries the chunk again.
    () => undefined,
  );
  return () => {
    if (done) return;
    done = true;
    stop?.();
  };
}

/**
 * `import()` remembered once it succeeded; a failed one is tried again at the next call. The
 * browser itself remembers a failed module fetch for the page, so in the CDN files the retry goes
 * through their chunk loader (scripts/lazy-chunks.mjs), which asks under a new fragment.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
