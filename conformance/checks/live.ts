import { CampaignEvent, Listing, NeighbourhoodEvent } from '../../src/contract/index.js';
import type { SseMessage } from '../http.js';
import { expect, expectShape, expectStatus, needs, type SuiteContext } from '../suite.js';

const enc = encodeURIComponent;

/** Reads messages until one of `type` arrives (heartbeats and other events are skipped). */
async function nextOfType(
  stream: { next(ms?: number): Promise<SseMessage | null> },
  type: string,
  timeoutMs = 10_000,
): Promise<SseMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    const message = left > 0 ? await stream.next(left) : null;
    expect(message, `no "${type}" event within ${timeoutMs / 1000} s`);
    if (message.event === type) return message;
  }
}

/** Server-Sent Events: ids, typed data, and resume with Last-Event-ID. */
export async function live(ctx: SuiteContext) {
  const { http } = ctx;

  await ctx.check('campaign events: a pledge arrives as pledge.created with an id', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const stream = await http.events(`campaigns/${enc(campaignId)}/events`, {
      Origin: 'https://any-blog.conformance.invalid',
    });
    try {
      expect(stream.status === 200, `GET events answered ${stream.status}`);
      expect(
        String(stream.headers['content-type']).startsWith('text/event-stream'),
        `Content-Type is "${stream.headers['content-type']}"`,
      );
      expect(stream.headers['access-control-allow-origin'], 'the event stream does not allow other origins');
      const res = await ctx.postPledge(campaignId, ctx.pledge(100, { message: 'live check' }));
      expectStatus(res, 201, 'POST pledge');
      const message = await nextOfType(stream, 'pledge.created');
      expect(message.id, 'the event has no id: line');
      const event = expectShape(CampaignEvent, JSON.parse(message.data), 'the event data');
      expect(event.type === 'pledge.created' && event.campaignId === campaignId, 'the event is about another campaign');
    } finally {
      stream.close();
    }
  });

  await ctx.check('campaign events: Last-Event-ID resumes with the events missed', async () => {
    const campaignId = needs(ctx.target.campaignId, 'a target campaign');
    const first = await http.events(`campaigns/${enc(campaignId)}/events`);
    let lastId: string;
    try {
      expectStatus(
        await ctx.postPledge(campaignId, ctx.pledge(100, { message: 'before the disconnect' })),
        201,
        'POST pledge',
      );
      const seen = await nextOfType(first, 'pledge.created');
      lastId = needs(seen.id ?? undefined, 'an event id');
    } finally {
      first.close();
    }
    // Two pledges while nobody listens.
    const missed = [];
    for (const message of ['missed 1', 'missed 2']) {
      const res = await ctx.postPledge(campaignId, ctx.pledge(100, { message, anonymous: false }));
      expectStatus(res, 201, 'POST pledge while disconnected');
      missed.push((res.json as { id: string }).id);
    }
    const resumed = await http.events(`campaigns/${enc(campaignId)}/events`, { 'Last-Event-ID': lastId });
    try {
      const got: string[] = [];
      while (got.length < 2) {
        const m = await nextOfType(resumed, 'pledge.created');
        expect(m.id !== lastId, 'the resume repeated the last seen event');
        const e = expectShape(CampaignEvent, JSON.parse(m.data), 'resumed event');
        if (e.type === 'pledge.created' && e.backer) got.push(e.backer.id);
      }
      expect(got[0] === missed[0] && got[1] === missed[1], `resumed ${got.join(', ')}; missed ${missed.join(', ')}`);
    } finally {
      resumed.close();
    }
  });

  await ctx.check('neighbourhood events: a new listing arrives as listing.created', async () => {
    const neighbourhoodId = needs(ctx.target.neighbourhoodId, 'a target neighbourhood');
    const token = needs(ctx.target.memberToken, 'a member token');
    const stream = await http.events(`neighbourhoods/${enc(neighbourhoodId)}/events`);
    try {
      expect(stream.status === 200, `GET events answered ${stream.status}`);
      const res = await http.request(`neighbourhoods/${enc(neighbourhoodId)}/listings`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: {
          kind: 'offer',
          type: 'lend',
          category: 'tools',
          title: 'Conformance ladder',
          description: 'Live event check.',
          place: { label: 'Sandbox' },
        },
      });
      expectStatus(res, 201, 'POST listing');
      const listing = expectShape(Listing, res.json, 'the new listing');
      const message = await nextOfType(stream, 'listing.created');
      expect(message.id, 'the event has no id: line');
      const event = expectShape(NeighbourhoodEvent, JSON.parse(message.data), 'the event data');
      expect(event.type === 'listing.created' && event.listing.id === listing.id, 'the event is about another listing');
    } finally {
      stream.close();
    }
  });

  await ctx.check('event streams of unknown resources answer 404', async () => {
    const res = await http.request('campaigns/conformance-no-such-campaign/events', {
      headers: { Accept: 'text/event-stream' },
    });
    expectStatus(res, 404, 'GET events of an unknown campaign');
  });
}
