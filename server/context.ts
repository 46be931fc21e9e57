import type { Db } from './db/db.js';
import type { CampaignCache } from './store/campaign-cache.js';
import type { EventHub } from './store/events.js';
import type { Authenticator, RateLimit } from './store/members.js';

/** What every route handler may use. */
export interface AppContext {
  db: Db;
  hub: EventHub;
  /** This process's campaign reads, kept between changes. */
  campaigns: CampaignCache;
  /** NOTIFY channel of this database (and schema). */
  channel: string;
  now: () => Date;
  heartbeatMs: number;
  authenticator: Authenticator;
  memberWrites: RateLimit;
}
