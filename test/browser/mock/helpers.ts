import type { PledgeRequest, Problem } from '../../../src/contract/index.js';

export const BASE = 'https://api.partage.test/v1';

export const morgane = 'demo-member-morgane'; // Saint-Malo only
export const ines = 'demo-member-ines'; // Rennes only

let counter = 0;
/** A fresh idempotency key per attempt, as the client makes them. */
export const newKey = () => `test-key-${Date.now()}-${++counter}`;

export function pledgeBody(euros: number, extra: Partial<PledgeRequest> = {}): PledgeRequest {
  return {
    amount: { amount: Math.round(euros * 100), currency: 'EUR' },
    backer: { name: 'Alix M.', email: 'alix@example.org' },
    ...extra,
  };
}

export function postPledge(campaign: string, body: unknown, key: string | null = newKey()): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(`${BASE}/campaigns/${campaign}/pledges`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export function postAs(token: string | null, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${BASE}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Reads a problem+json answer, checking its content type on the way. */
export async function problemOf(res: Response): Promise<Problem> {
  if (res.headers.get('Content-Type') !== 'application/problem+json') {
    throw new Error(`expected application/problem+json, got ${res.headers.get('Content-Type')} (${res.status})`);
  }
  return (await res.json()) as Problem;
}

export interface SseMessage {
  id: string | null;
  event: string | null;
  data: string;
  comment: boolean;
}

/** Reads Server-Sent Events messages off a streaming fetch response, one at a time. */
export class SseReader {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #decoder = new TextDecoder();
  #buffer = '';

  constructor(res: Response) {
    this.#reader = res.body!.getReader();
  }

  /** The next message (comments included), or throws after `timeoutMs`. */
  async next(timeoutMs = 3000): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const message: SseMessage = { id: null, event: null, data: '', comment: false };
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) message.comment = true;
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('event: ')) message.event = line.slice(7);
          else if (line.startsWith('data: ')) message.data += line.slice(6);
        }
        return message;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no SSE message in time');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        this.#reader.read(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no SSE message in time')), left);
        }),
      ]).finally(() => clearTimeout(timer));
      if (chunk.done) throw new Error('SSE stream ended');
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
    }
  }

  /** The next message that is neither a comment nor an id-only frame (which fires no event). */
  async nextEvent(timeoutMs = 3000): Promise<SseMessage> {
    for (;;) {
      const m = await this.next(timeoutMs);
      if (!m.comment && (m.data !== '' || m.event !== null)) return m;
    }
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }
}
