import { getPartnerVisits } from '../../client/civic-organiser.js';
import { ApiError } from '../../client/errors.js';
import type { PartnerVisits } from '../../contract/index.js';
import { resolveMemberToken, type MemberTokenSources } from '../member/member-token.js';
import { ResourceController } from './resource-controller.js';
import { sourceKey, type SourceHost } from './source.js';

export interface PartnerVisitsSourceOptions {
  /** The widget's `neighbourhood` attribute: an id or a slug. */
  neighbourhood: () => string | undefined;
  /** The organiser view was asked for; otherwise nothing is requested at all. */
  enabled: () => boolean;
  /** Where the member token comes from (the widget's own, else the provider's). */
  tokens: () => MemberTokenSources;
}

/** The visits, or null: no token, or a token that is not one of this neighbourhood's organisers. */
interface Loaded {
  key: string;
  visits: PartnerVisits | null;
}

/**
 * Visits of a neighbourhood's partner links for its organisers (the stats widget's organiser
 * view). Counts are private: read with the member token, never remembered across visits, and a
 * reader who is not an organiser simply gets nothing to show (not an error).
 */
export class PartnerVisitsSource {
  readonly data: ResourceController<Loaded>;
  #host: SourceHost;
  #options: PartnerVisitsSourceOptions;

  constructor(host: SourceHost, options: PartnerVisitsSourceOptions) {
    this.#host = host;
    this.#options = options;
    this.data = new ResourceController<Loaded>(host, {
      key: () => this.key,
      operation: 'getPartnerVisits',
      remember: false,
      load: async (client, signal) => {
        const key = this.key!;
        const token = await resolveMemberToken(options.tokens());
        if (!token) return { key, visits: null };
        try {
          return {
            key,
            visits: await getPartnerVisits(client, options.neighbourhood()!, { signal, memberToken: token }),
          };
        } catch (error) {
          if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return { key, visits: null };
          throw error;
        }
      },
    });
  }

  get key(): string | null {
    if (!this.#options.enabled()) return null;
    const { own, provider } = this.#options.tokens();
    // A new token may be another member's: the key changes, so the view loads again.
    const who = typeof own === 'string' && own.trim() !== '' ? own : provider ? 'provider' : 'none';
    return sourceKey(this.#host.client, this.#options.neighbourhood(), who);
  }

  /** The visits of the neighbourhood asked for, for an organiser; null otherwise. */
  get current(): PartnerVisits | null {
    const value = this.data.value;
    return value && value.key === this.key ? value.visits : null;
  }

  async refresh(): Promise<void> {
    if (this.key) await this.data.reload();
  }
}
