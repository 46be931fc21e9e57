import { createClient } from '../client/index.js';
import type { PartageClient } from '../client/types.js';

/**
 * Widgets used alone (with an `api` attribute) share one client per base URL, so that a page
 * with a card, a progress bar and a backers list makes one request per resource and opens one
 * live stream per campaign.
 */
const clients = new Map<string, PartageClient>();

export function clientFor(baseUrl: string): PartageClient {
  const key = baseUrl.replace(/\/+$/, '');
  const existing = clients.get(key);
  if (existing) return existing;
  const client = createClient({ baseUrl: key });
  clients.set(key, client);
  return client;
}
