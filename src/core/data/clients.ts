import { openTransport, type Transport } from '../../client/transport.js';

export type { Transport } from '../../client/transport.js';
/** Drops cached answers of a client (`invalidate(client, '/polls/p1')`): widgets refresh through it. */
export { invalidate } from '../../client/transport.js';

/**
 * Widgets used alone (with an `api` attribute) share one client per base URL, so that a page
 * with a card, a progress bar and a backers list makes one request per resource and opens one
 * live stream per campaign.
 */
const clients = new Map<string, Transport>();

export function clientFor(baseUrl: string): Transport {
  const key = baseUrl.replace(/\/+$/, '');
  const existing = clients.get(key);
  if (existing) return existing;
  const client = openTransport({ baseUrl: key });
  clients.set(key, client);
  return client;
}
