import { apiErrorOf } from './http.js';

/** One dispatched Server-Sent Event. */
export interface SseMessage {
  /** The `event:` field, `message` when absent. */
  event: string;
  data: string;
  /** The last event id in force when this message was dispatched ('' when none). */
  id: string;
}

/**
 * Incremental parser for the `text/event-stream` format, following the HTML standard's
 * "interpreting an event stream": lines end in CRLF, LF or CR; `:` starts a comment (heartbeat);
 * `data:` lines accumulate; a blank line dispatches; `id:` persists across events; `retry:`
 * takes digits only.
 */
export class SseParser {
  /** The last event id committed by a dispatch; sent back as Last-Event-ID on reconnection. */
  lastEventId: string;
  /** Reconnection delay asked for by the server (`retry:`), in ms. */
  retry: number | undefined;
  #idBuffer: string;
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #started = false;

  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
    this.#idBuffer = lastEventId;
  }

  /** Feeds decoded text; returns the events completed by it. */
  push(chunk: string): SseMessage[] {
    let text = this.#buffer + chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const out: SseMessage[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (c === '\r' && i === text.length - 1) break;
      this.#line(text.slice(start, i), out);
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.#buffer = text.slice(start);
    return out;
  }

  #line(line: string, out: SseMessage[]): void {
    if (line === '') return this.#dispatch(out);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#data.push(value);
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        // Unknown fields are ignored, as the standard requires.
        break;
    }
  }

  #dispatch(out: SseMessage[]): void {
    this.lastEventId = this.#idBuffer;
    if (this.#data.length > 0)
      out.push({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.lastEventId });
    this.#data = [];
    this.#event = '';
  }
}

export interface StreamOptions {
  url: string;
  fetch: typeof fetch;
  signal: AbortSignal;
  parser: SseParser;
  /** Reopen when nothing (not even a heartbeat comment) arrives for this long. */
  idleMs: number;
  now: () => number;
  onOpen: () => void;
  /** Any bytes received: the connection is healthy, so backoff can start over. */
  onActivity: () => void;
  onMessage: (message: SseMessage) => void;
}

/** Status codes that mean "no such endpoint here" (missing, method refused, not implemented). */
const MISSING = new Set([404, 405, 501]);

/**
 * One connection, over fetch rather than EventSource: EventSource can neither omit credentials
 * explicitly nor send Last-Event-ID after a reconnection of our own, nor be observed by msw.
 * Resolves 'ended' when the stream ends or goes silent (reconnect), 'missing' when the server
 * has no such endpoint, 'unsupported' when the server or the browser cannot stream (poll
 * instead); throws NetworkError-like errors and
 * ApiError for other HTTP errors (reconnect with backoff).
 */
export async function openEventStream(options: StreamOptions): Promise<'ended' | 'unsupported' | 'missing'> {
  if (typeof ReadableStream === 'undefined' || typeof TextDecoder === 'undefined') return 'unsupported';
  const { url, signal, parser } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let idle = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle = true;
      controller.abort();
    }, options.idleMs);
  };
  arm();
  try {
    const headers: Record<string, string> = { Accept: 'text/event-stream' };
    if (parser.lastEventId) headers['Last-Event-ID'] = parser.lastEventId;
    const res = await options.fetch(url, {
      headers,
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-store',
      signal: controller.signal,
    });
    const type = res.headers.get('Content-Type') ?? '';
    // 204 is the standard's "stop reconnecting"; an answer that is not a stream cannot be read as one.
    if (
      MISSING.has(res.status) ||
      res.status === 204 ||
      (res.ok && (!type.startsWith('text/event-stream') || !res.body))
    ) {
      await res.body?.cancel().catch(() => undefined);
      return MISSING.has(res.status) ? 'missing' : 'unsupported';
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw await apiErrorOf(res.status, res.statusText, res.headers, '', options.now());
    }
    options.onOpen();
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        arm();
        for (const message of parser.push(decoder.decode(value, { stream: true }))) options.onMessage(message);
        // After the messages: an id-only frame moved the last event id without firing one.
        options.onActivity();
        if (signal.aborted) break;
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
    return 'ended';
  } catch (error) {
    if (idle && !signal.aborted) return 'ended';
    throw error;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
