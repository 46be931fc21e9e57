import http from 'node:http';
import https from 'node:https';

/**
 * A small HTTP client for the suite, on node:http rather than fetch: a bounded connection pool
 * (1 000 concurrent pledges must not need 1 000 sockets), full control of hostile requests
 * (wrong content types, 10 MB bodies that the server may cut off), and incremental reading of
 * event streams.
 */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  ms: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A string or bytes sent as is; an object is sent as JSON. */
  body?: unknown;
  timeoutMs?: number;
}

export class HttpClient {
  readonly #agent: http.Agent;
  readonly #base: URL;

  constructor(
    readonly baseUrl: string,
    maxSockets = 64,
  ) {
    this.#base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const Agent = this.#base.protocol === 'https:' ? https.Agent : http.Agent;
    this.#agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** `path` is relative to the base URL (`campaigns/x`) or absolute (`/v1/...`). */
  url(path: string): URL {
    return new URL(path.replace(/^\//, ''), this.#base);
  }

  request(path: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const url = this.url(path);
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let payload: Buffer | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === 'string') payload = Buffer.from(options.body);
      else if (options.body instanceof Uint8Array) payload = Buffer.from(options.body);
      else {
        payload = Buffer.from(JSON.stringify(options.body));
        headers['Content-Type'] ??= 'application/json';
      }
      headers['Content-Length'] = String(payload.byteLength);
    }
    const started = performance.now();
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = lib.request(url, { method: options.method ?? 'GET', headers, agent: this.#agent }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json, ms: performance.now() - started });
        });
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () =>
        req.destroy(new Error(`timeout after ${options.timeoutMs ?? 30_000} ms: ${url}`)),
      );
      req.on('error', (error) => {
        // A server may answer 413 and close while a huge body is still being sent: the answer
        // counts, the write error that follows does not.
        if (!answered) reject(error);
      });
      if (payload) req.write(payload, () => undefined);
      req.end();
    });
  }

  /** Opens an event stream and parses its messages as they arrive. */
  events(path: string, headers: Record<string, string> = {}): Promise<EventStream> {
    const url = this.url(path);
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        const stream = new EventStream(res, () => req.destroy());
        resolve(stream);
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout opening the event stream')));
      req.on('error', reject);
    });
  }

  close() {
    this.#agent.destroy();
  }
}

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/** Incremental text/event-stream parser (the WHATWG rules that matter here). */
export class EventStream {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly comments: string[] = [];
  #queue: SseMessage[] = [];
  #waiters: ((m: SseMessage | null) => void)[] = [];
  #buffer = '';
  #ended = false;
  #text = '';

  constructor(
    res: http.IncomingMessage,
    private readonly destroy: () => void,
  ) {
    this.status = res.statusCode ?? 0;
    this.headers = res.headers;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.#feed(chunk));
    res.on('end', () => this.#end());
    res.on('error', () => this.#end());
    res.on('close', () => this.#end());
  }

  /** The raw body so far (for error responses). */
  get text() {
    return this.#text;
  }

  #feed(chunk: string) {
    this.#text += chunk.length + this.#text.length < 100_000 ? chunk : '';
    this.#buffer += chunk;
    let index: number;
    while ((index = this.#buffer.search(/\r\n\r\n|\n\n|\r\r/)) !== -1) {
      const block = this.#buffer.slice(0, index);
      this.#buffer = this.#buffer.slice(index).replace(/^(\r\n\r\n|\n\n|\r\r)/, '');
      const message: SseMessage = { id: null, event: 'message', data: '' };
      const data: string[] = [];
      let hasField = false;
      for (const line of block.split(/\r\n|\n|\r/)) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'id') message.id = value;
        else if (field === 'event') message.event = value;
        else continue;
        hasField = true;
      }
      if (!hasField || data.length === 0) continue;
      message.data = data.join('\n');
      const waiter = this.#waiters.shift();
      if (waiter) waiter(message);
      else this.#queue.push(message);
    }
  }

  #end() {
    if (this.#ended) return;
    this.#ended = true;
    for (const w of this.#waiters.splice(0)) w(null);
  }

  /** The next message, or null when the stream ended or nothing came within `timeoutMs`. */
  next(timeoutMs = 5_000): Promise<SseMessage | null> {
    const queued = this.#queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.#ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(done), 1);
        resolve(null);
      }, timeoutMs);
      const done = (m: SseMessage | null) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.#waiters.push(done);
    });
  }

  close() {
    this.destroy();
    this.#end();
  }
}
