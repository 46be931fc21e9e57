import { LiveHub, runLive, type LiveSource } from './live.js';
import { LiveHub as PageHub, sharedHub, type LiveHubConfig, type LiveResourceSpec } from './live-hub.js';
import type { SubscribeOptions, Unsubscribe } from './types.js';

/*
 * The live machinery of one transport, loaded on demand (transport.ts imports this module with
 * `import()`): the SSE parser, reconnection, polling and the page's multiplexed hub. The CDN
 * build puts it in the shared live chunk with the per-resource feeds (campaign-live.ts…).
 */

export interface LiveStart {
  /** One shared stream per URL for every subscriber, with its polling fallback. */
  stream<E>(source: LiveSource<E>, subscriber: SubscribeOptions<E>): Unsubscribe;
  /** One resource on the page's multiplexed stream. */
  follow<E>(spec: LiveResourceSpec<E>, subscriber: SubscribeOptions<E>): Unsubscribe;
}

/** `shared`: clients of a page share one hub per backend; one with its own fetch or clock keeps its own. */
export function liveStart(config: LiveHubConfig, shared: boolean): LiveStart {
  const live = new LiveHub();
  const page = shared ? sharedHub(config) : new PageHub(config);
  return {
    stream: (source, subscriber) => live.subscribe(source.url, (sink) => runLive(source, sink), subscriber),
    follow: (spec, subscriber) => page.subscribe(spec, subscriber),
  };
}
