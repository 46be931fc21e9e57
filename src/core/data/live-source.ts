import type { SubscribeOptions, Unsubscribe } from '../../client/types.js';
import type { Transport } from '../../client/transport.js';
import { LiveController } from './live-controller.js';
import { sourceKey, type SourceHost } from './source.js';

export type { LiveState } from '../../client/types.js';

export interface LiveSourceOptions<E> {
  /** The resource followed (a campaign or neighbourhood id); undefined to stay unsubscribed. */
  id: () => string | undefined;
  /** Whether to follow now (e.g. only once loading started, only while the campaign can move). */
  active?: () => boolean;
  onEvent: (event: E) => void;
}

/** A client operation that opens (or joins) the page's shared stream of one resource. */
export type Subscribe<E> = (api: Transport, id: string, subscriber: SubscribeOptions<E>) => Unsubscribe;

/** A widget's subscription to the live hub: `state` is `open` while events flow (the "Live" badge). */
export type LiveSource<E> = LiveController<E>;

/**
 * A widget's subscription to the live hub for one resource: keyed by backend and id, opened
 * while the widget is on the page and `active`, closed when it leaves or the id changes. The
 * client shares one stream per resource between every widget of the page.
 */
export const liveSource = <E>(host: SourceHost, subscribe: Subscribe<E>, options: LiveSourceOptions<E>) =>
  new LiveController<E>(host, {
    key: () => ((options.active?.() ?? true) ? sourceKey(host.client, options.id()) : null),
    subscribe: (client, handlers) => subscribe(client, options.id()!, handlers),
    onEvent: options.onEvent,
  });
