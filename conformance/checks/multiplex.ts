import { Campaign, LiveChanges, LiveMessage, MAX_LIVE_RESOURCES, page } from '../../src/contract/index.js';
import type { SseMessage } from '../http.js';
import { expect, expectProblem, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/** Reads messages until a `pledge.created` arrives (id-only frames and heartbeats are skipped). */
async function nextPledge(stream: { next(ms?: number): Promise<SseMessage | null> }, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    const message = left > 0 ? await stream.next(left) : null;
    expect(message, `no pledge.created event within ${timeoutMs / 1000} s`);
    if (message.event === 'pledge.created') return message;
  }
}

/** The multiplexed live stream (`/live`, `/live/changes`) and batched reads (`?ids=`). */
export async function multiplex(ctx: SuiteContext) {
  const { http } = ctx;
  const query = () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    // An unknown campaign among them carries no events and breaks nothing.
    return {
      campaignId,
      path: `live?campaigns=${enc(campaignId)},conformance-no-such-campaign&neighbourhoods=${enc(neighbourhoodId)}`,
    };
  };

  await ctx.check('live: one stream carries several resources; each message names its own', async () => {
    const { campaignId, path } = query();
    const stream = await http.events(path, { Origin: 'https://any-blog.conformance.invalid' });
    try {
      expect(stream.status === 200, `GET /live answered ${stream.status}`);
      expect(String(stream.headers['content-type']).startsWith('text/event-stream'), 'not an event stream');
      expect(stream.headers['access-control-allow-origin'], 'the live stream does not allow other origins');
      expectStatus(await ctx.postPledge(campaignId, ctx.pledge(100, { message: 'multiplex' })), 201, 'POST pledge');
      const message = await nextPledge(stream);
      const data = expectShape(LiveMessage, JSON.parse(message.data), 'the message data');
      expect(data.kind === 'campaign' && data.id === campaignId, `the message names ${data.kind} ${data.id}`);
      expect(data.event.type === 'pledge.created', 'the event is not the pledge');
      expect(
        /^\d*,\d*,\d*$/.test(message.id ?? ''),
        `the id should hold one position per resource (3), got "${message.id}"`,
      );
    } finally {
      stream.close();
    }
  });

  await ctx.check('live: one Last-Event-ID resumes every resource with the events missed', async () => {
    const { campaignId, path } = query();
    const first = await http.events(path);
    let cursor: string;
    try {
      expectStatus(await ctx.postPledge(campaignId, ctx.pledge(100)), 201, 'POST pledge');
      cursor = needs((await nextPledge(first)).id ?? undefined, 'a cursor');
    } finally {
      first.close();
    }
    const missed: string[] = [];
    for (const message of ['missed 1', 'missed 2']) {
      const res = await ctx.postPledge(campaignId, ctx.pledge(100, { message, anonymous: false }));
      expectStatus(res, 201, 'POST pledge while disconnected');
      missed.push((res.json as { id: string }).id);
    }
    const resumed = await http.events(path, { 'Last-Event-ID': cursor });
    try {
      const got: string[] = [];
      while (got.length < 2) {
        const data = expectShape(LiveMessage, JSON.parse((await nextPledge(resumed)).data), 'resumed message');
        if (data.event.type === 'pledge.created' && data.event.backer) got.push(data.event.backer.id);
      }
      expect(got.join() === missed.join(), `resumed ${got.join(', ')}; missed ${missed.join(', ')}`);
    } finally {
      resumed.close();
    }
  });

  await ctx.check('live/changes: the events after a cursor, every resource in one answer', async () => {
    const { campaignId, path } = query();
    const changes = path.replace(/^live\?/, 'live/changes?');
    const start = await http.request(changes);
    expectStatus(start, 200, 'GET /live/changes');
    const before = expectShape(LiveChanges, start.json, 'the first answer');
    expect(before.items.length === 0, 'without a cursor, the first answer only takes stock');
    expectStatus(await ctx.postPledge(campaignId, ctx.pledge(100)), 201, 'POST pledge');
    const next = await http.request(`${changes}&after=${enc(before.cursor)}`);
    expectStatus(next, 200, 'GET /live/changes after the cursor');
    const after = expectShape(LiveChanges, next.json, 'the answer');
    expect(
      after.items.some((m) => m.kind === 'campaign' && m.id === campaignId && m.event.type === 'pledge.created'),
      'the pledge is not among the changes',
    );
    expect(after.cursor !== before.cursor, 'the cursor did not move');
  });

  await ctx.check(`live: more than ${MAX_LIVE_RESOURCES} resources answer 400 too_many_resources`, async () => {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).join(',');
    const res = await http.request(
      `live?campaigns=${ids(30, 'c')}&neighbourhoods=${ids(MAX_LIVE_RESOURCES - 29, 'n')}`,
      {
        headers: { Accept: 'text/event-stream' },
      },
    );
    expectProblem(res, 400, 'too_many_resources', 'GET /live with too many resources');
  });

  await ctx.check(
    'campaigns?ids=: the campaigns asked for, in that order, unknown ones left out, with an ETag',
    async () => {
      const campaignId = needs(ctx.target.campaignId, 'a target campaign');
      const closedId = needs(ctx.target.closedCampaignId, 'a closed campaign');
      const res = await http.request(`campaigns?ids=${enc(closedId)},conformance-no-such-campaign,${enc(campaignId)}`);
      expectStatus(res, 200, 'GET campaigns?ids=');
      const list = expectShape(page(Campaign), res.json, 'the batched read');
      expect(
        list.items.map((c) => c.id).join() === [closedId, campaignId].join(),
        `expected ${closedId}, ${campaignId}; got ${list.items.map((c) => c.id).join(', ')}`,
      );
      expect(list.nextCursor === null, 'a batched read is one page');
      const etag = needs(res.headers.etag as string | undefined, 'an ETag');
      const again = await http.request(
        `campaigns?ids=${enc(closedId)},conformance-no-such-campaign,${enc(campaignId)}`,
        {
          headers: { 'If-None-Match': etag },
        },
      );
      expectStatus(again, 304, 'revalidation with If-None-Match');
    },
  );
}
