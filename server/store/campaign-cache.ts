import type { Campaign } from '../../src/contract/index.js';
import type { Db } from '../db/db.js';
import { etagOf } from '../http/caching.js';
import { getCampaign } from './campaigns.js';

/** A campaign's representation, serialized and hashed once per version. */
export interface CachedCampaign {
  campaign: Campaign;
  /** The JSON text sent, and its ETag. */
  text: string;
  etag: string;
}

interface Entry extends CachedCampaign {
  id: string;
  slug: string;
  /** Where `now` stood against startsAt / endsAt when read (the status depends on it). */
  phase: number;
  startsAt: number;
  endsAt: number;
}

/** Enough for every campaign a busy page shows; the oldest entry goes first. */
const MAX_ENTRIES = 1_000;

/** 0 before the start, 1 running, 2 ended: the effective status is constant within a phase. */
const phaseOf = (at: number, startsAt: number, endsAt: number) => (endsAt <= at ? 2 : startsAt <= at ? 1 : 0);

/**
 * The campaign reads of this process (`GET /campaigns/{id}`), kept between changes: a widget's
 * read costs no database round trip, no serialization and no hashing while the campaign stays as
 * it is. Correct by invalidation, never by time:
 *
 * - a pledge through this process drops the campaign before its response is sent
 *   (`invalidate`, called once the pledge's writes are over, committed or not);
 * - a change through any process (pledges, milestones, an operator's UPDATE: a trigger, migration
 *   006) sends a NOTIFY `campaign:<id>` on the events channel, which drops it here;
 * - while the listening connection is lost, nothing is cached; when it is back, everything is
 *   dropped (notifications sent meanwhile are gone);
 * - a read that ran while anything was dropped is answered but not kept: it may have read the
 *   state from before the change.
 *
 * The status depends on the time (an ended campaign succeeded or failed), so an entry serves only
 * within the phase (before start, running, ended) it was read in.
 */
export class CampaignCache {
  #entries = new Map<string, Entry>();
  /** Bumped by every drop: a read stores its result only if none happened while it ran. */
  #generation = 0;
  #listening = false;
  #unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly channel: string,
  ) {}

  async start() {
    this.#unlisten = await this.db.listen(
      this.channel,
      (payload) => {
        if (payload.startsWith('campaign:')) this.invalidate(payload.slice('campaign:'.length));
      },
      () => {
        this.clear();
        this.#listening = true;
      },
      () => {
        this.#listening = false;
        this.clear();
      },
    );
    this.#listening = true;
  }

  /** The campaign by id or slug as of `now`, from the cache or the database; null: none. */
  async get(ref: string, now: Date): Promise<CachedCampaign | null> {
    const at = now.getTime();
    const hit = this.#entries.get(ref);
    if (hit && phaseOf(at, hit.startsAt, hit.endsAt) === hit.phase) return hit;
    const generation = this.#generation;
    const campaign = await getCampaign(this.db, ref, now);
    if (!campaign) return null;
    const text = JSON.stringify(campaign);
    const startsAt = Date.parse(campaign.startsAt);
    const endsAt = Date.parse(campaign.endsAt);
    const entry: Entry = {
      campaign,
      text,
      etag: etagOf(text),
      id: campaign.id,
      slug: campaign.slug,
      phase: phaseOf(at, startsAt, endsAt),
      startsAt,
      endsAt,
    };
    if (this.#listening && generation === this.#generation) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(ref, entry);
    }
    return entry;
  }

  /** Drops the campaign `ref` (its id or slug) from the cache, under whatever name it was read. */
  invalidate(ref: string) {
    this.#generation++;
    for (const [key, entry] of this.#entries) {
      if (key === ref || entry.id === ref || entry.slug === ref) this.#entries.delete(key);
    }
  }

  clear() {
    this.#generation++;
    this.#entries.clear();
  }

  /** Entries held (for tests). */
  get size() {
    return this.#entries.size;
  }

  async close() {
    this.#listening = false;
    this.clear();
    await this.#unlisten?.();
  }
}
