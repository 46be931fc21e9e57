/** What the first request with a key produced, replayed byte for byte to its retries. */
interface Done {
  state: 'done';
  fingerprint: string;
  status: number;
  body: string;
  headers: [string, string][];
}
interface InFlight {
  state: 'in_flight';
  fingerprint: string;
}

export type Claim =
  { kind: 'new' } | { kind: 'replay'; response: Response } | { kind: 'reused' } | { kind: 'in_flight' };

/**
 * Idempotency keys as ARCHITECTURE.md describes them: a key is claimed while its request runs
 * (a duplicate then gets 409), a success is stored and replayed with `Idempotent-Replayed: true`,
 * and a key sent again with another request is refused (422). A failed request releases its key,
 * like the reference backend whose key row rolls back with the failed transaction, so the
 * client may retry the same attempt after a 5xx or a sold-out reward.
 */
export class IdempotencyStore {
  #entries = new Map<string, Done | InFlight>();

  /** `fingerprint` identifies the request (method, path and canonical body). */
  claim(key: string, fingerprint: string): Claim {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.#entries.set(key, { state: 'in_flight', fingerprint });
      return { kind: 'new' };
    }
    if (entry.fingerprint !== fingerprint) return { kind: 'reused' };
    if (entry.state === 'in_flight') return { kind: 'in_flight' };
    const headers = new Headers(entry.headers);
    headers.set('Idempotent-Replayed', 'true');
    return { kind: 'replay', response: new Response(entry.body, { status: entry.status, headers }) };
  }

  /** Stores a successful answer for replay; returns it as the response to send now. */
  complete(key: string, fingerprint: string, status: number, body: string, headers: Record<string, string>): Response {
    this.#entries.set(key, { state: 'done', fingerprint, status, body, headers: Object.entries(headers) });
    return new Response(body, { status, headers });
  }

  /** Frees the key after a failed attempt. */
  release(key: string): void {
    if (this.#entries.get(key)?.state === 'in_flight') this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
