import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventStreamResponse, type EventStreamWriter } from '../../../server/http/event-stream.js';
import type { EventHub } from '../../../server/store/events.js';

/**
 * The one SSE writer behind `/campaigns/{id}/events`, `/neighbourhoods/{id}/events` and
 * `/v1/live`: what it writes, and that every way a stream ends undoes what its opener set up.
 * The routes' own tests (sse, two processes, conformance) cover it with a real hub.
 */

/** The only part of the hub the writer touches. */
const hub = () => ({ connections: 0 }) as unknown as EventHub;
const decoder = new TextDecoder();

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string): Promise<string> {
  let all = '';
  while (!all.includes(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    all += decoder.decode(value);
  }
  return all;
}

describe('eventStreamResponse (the shared SSE writer)', () => {
  // The writer's heartbeat timer is unref'd (it must not keep a server alive): this keeps the
  // test process alive while a test waits for one.
  let keepAlive: ReturnType<typeof setInterval>;
  before(() => (keepAlive = setInterval(() => {}, 1000)));
  after(() => clearInterval(keepAlive));

  it('writes retry, then what the opener writes, then heartbeats; an abort runs every stop once', async () => {
    const h = hub();
    const abort = new AbortController();
    let stops = 0;
    const response = eventStreamResponse(
      new Request('http://x/events', { signal: abort.signal }),
      h,
      { heartbeatMs: 20, retryMs: 1500 },
      async (writer) => {
        writer.onClose(() => stops++);
        writer.write('id: 1\nevent: pledge.created\ndata: {}\n\n');
      },
    );
    assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(h.connections, 1);
    const reader = response.body!.getReader();
    const text = await readUntil(reader, ': heartbeat');
    assert.ok(text.startsWith('retry: 1500\n: connected\n\nid: 1\nevent: pledge.created\ndata: {}\n\n'), text);
    abort.abort();
    assert.equal(stops, 1);
    assert.equal(h.connections, 0);
    abort.abort();
    assert.equal(stops, 1, 'never twice');
    assert.equal((await readUntil(reader, '\u0000')).includes('heartbeat\n\n: heartbeat'), false);
  });

  it('closes a client that stopped reading once over 1 MB is queued for it', async () => {
    const h = hub();
    let stops = 0;
    let writer: EventStreamWriter | undefined;
    const response = eventStreamResponse(new Request('http://x/live'), h, { heartbeatMs: 60_000 }, async (w) => {
      w.onClose(() => stops++);
      writer = w;
    });
    await new Promise((r) => setTimeout(r, 10));
    const chunk = `data: ${'x'.repeat(64 * 1024)}\n\n`;
    for (let i = 0; i < 20 && stops === 0; i++) writer!.write(chunk);
    assert.equal(stops, 1);
    assert.equal(h.connections, 0);
    await response.body!.cancel();
  });

  it('a client gone while the opener subscribes: its stop runs at once, no heartbeat starts', async () => {
    const h = hub();
    const abort = new AbortController();
    let stopped = false;
    let release!: () => void;
    const subscribed = new Promise<void>((r) => (release = r));
    const response = eventStreamResponse(
      new Request('http://x/events', { signal: abort.signal }),
      h,
      { heartbeatMs: 5 },
      async (writer) => {
        await subscribed;
        writer.onClose(() => (stopped = true));
      },
    );
    const reader = response.body!.getReader();
    await readUntil(reader, ': connected');
    abort.abort();
    assert.equal(h.connections, 0);
    release();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(stopped, true);
    const rest = await readUntil(reader, '\u0000');
    assert.equal(rest, '', 'closed: nothing more, no heartbeat');
  });

  it('an opener that fails errors the stream and gives the connection back', async () => {
    const h = hub();
    const response = eventStreamResponse(new Request('http://x/events'), h, { heartbeatMs: 5 }, async () => {
      throw new Error('database gone');
    });
    await assert.rejects(response.text(), /database gone/);
    assert.equal(h.connections, 0);
  });
});
