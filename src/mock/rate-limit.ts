export interface RateLimit {
  /** Writes allowed per member within the window. */
  limit: number;
  windowMs: number;
}

/** The mock's default: 5 member writes per minute, enough for any honest use of a board. */
export const DEFAULT_MEMBER_RATE_LIMIT: RateLimit = { limit: 5, windowMs: 60_000 };

/** A sliding-window limiter per member; refused requests do not count. */
export class RateLimiter {
  policy: RateLimit | null;
  #hits = new Map<string, number[]>();

  constructor(policy: RateLimit | null) {
    this.policy = policy;
  }

  /** Records a write at `now` (ms); returns the seconds to wait when over the limit, else null. */
  hit(memberId: string, now: number): number | null {
    if (!this.policy) return null;
    const { limit, windowMs } = this.policy;
    const recent = (this.#hits.get(memberId) ?? []).filter((t) => t > now - windowMs);
    if (recent.length >= limit) {
      this.#hits.set(memberId, recent);
      return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    }
    recent.push(now);
    this.#hits.set(memberId, recent);
    return null;
  }

  clear(policy: RateLimit | null): void {
    this.policy = policy;
    this.#hits.clear();
  }
}
