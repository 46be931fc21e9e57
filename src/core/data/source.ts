import type { Transport } from '../../client/transport.js';
import type { PartageElement } from '../element/partage-element.js';
import { ResourceController } from './resource-controller.js';

/** What a data source needs of its widget: a client (own `api` or the provider's) and a life cycle. */
export type SourceHost = PartageElement;

/** A client is what the provider hands to widgets; application code may inject its own. */
export type { Transport } from '../../client/transport.js';

type KeyPart = string | number | null | undefined;

/**
 * The identity of a resource for one backend: `baseUrl|part|part…`, or null while the client or
 * any part is missing (nothing to load yet). Every source builds its key here, so "the same
 * resource" means the same thing in every widget.
 */
export const sourceKey = (client: Pick<Transport, 'baseUrl'> | undefined, ...parts: KeyPart[]): string | null =>
  client && parts.every((p) => p != null && p !== '') ? [client.baseUrl, ...parts].join('|') : null;

/** A loaded value that remembers which key it was loaded for. */
export interface Keyed {
  key: string;
}

export interface KeyedSourceOptions<T extends Keyed> {
  /** The identity of what is asked for now (see sourceKey); null when not configured. */
  key: () => string | null;
  /** Loads the value for `key`; `previous` is the last value (maybe another key's), for merging. */
  load: (client: Transport, key: string, signal: AbortSignal, previous: T | undefined) => Promise<T>;
  /** Name reported in `partage-error` events. */
  operation: string;
}

/**
 * A resource that carries its key, so that `current` is only ever the value of what is asked for
 * now, never a previous campaign's or filter's while the new one loads. This check was written
 * by hand in each list widget. It is the ResourceController (status, error, stale, `set`,
 * `reload`) with that check added.
 */
export class KeyedSource<T extends Keyed> extends ResourceController<T> {
  readonly #key: () => string | null;

  constructor(host: SourceHost, options: KeyedSourceOptions<T>) {
    super(host, {
      key: options.key,
      operation: options.operation,
      load: (client, signal) => options.load(client, options.key()!, signal, this.value),
    });
    this.#key = options.key;
  }

  /** The value of what is asked for now, or undefined (loading, failed, or another key's). */
  get current(): T | undefined {
    const value = this.value;
    return value && value.key === this.#key() ? value : undefined;
  }
}
