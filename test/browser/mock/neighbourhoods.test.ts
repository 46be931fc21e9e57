import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { Listing, ListingRequest, Member, Neighbourhood, Page, Reply } from '../../../src/contract/index.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { BASE, getJson, ines, morgane, postAs, problemOf } from './helpers.js';

const backend = createMockBackend();
let worker: SetupWorker;

before(async () => {
  worker = await startMockWorker(backend);
});
after(() => worker.stop());
beforeEach(() => backend.reset());

const board = (query = '') => getJson<Page<Listing>>(`/neighbourhoods/saint-malo-intra-muros/listings${query}`);

const newListing: ListingRequest = {
  kind: 'offer',
  type: 'lend',
  category: 'tools',
  title: 'Scie circulaire',
  description: 'Avec lame neuve.',
  place: { label: 'Rocabey' },
};

describe('mock backend: neighbourhood board', () => {
  it('serves neighbourhoods with stats that agree with the board', async () => {
    const all = await getJson<Page<Neighbourhood>>('/neighbourhoods?city=saint-malo');
    expect(all.items.map((n) => n.id)).to.deep.equal(['saint-malo-intra-muros']);
    const n = await getJson<Neighbourhood>('/neighbourhoods/saint-malo-intra-muros');
    const open = await board('?status=open&limit=100');
    expect(n.stats.openListings).to.equal(open.items.length);
  });

  it('lists newest first and pages without gaps or repeats', async () => {
    const all = await board('?limit=100');
    const times = all.items.map((l) => Date.parse(l.createdAt));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Listing> = await board(`?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).to.be.at.most(7);
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).to.deep.equal(all.items.map((l) => l.id));
  });

  it('filters by kind, type, category and status', async () => {
    const requests = await board('?kind=request&type=lend&limit=100');
    expect(requests.items.map((l) => l.title)).to.have.members([
      'Besoin d’une échelle de 3 m',
      'Appareil à raclette',
      'Vidéoprojecteur pour un soir',
    ]);
    const closed = await board('?status=closed');
    expect(closed.items.every((l) => l.status === 'closed')).to.equal(true);
    expect(closed.items).to.have.length(2);
    const tools = await board('?category=tools');
    expect(tools.items.every((l) => l.category === 'tools')).to.equal(true);
    const bad = await fetch(`${BASE}/neighbourhoods/saint-malo-intra-muros/listings?type=rent`);
    expect(bad.status).to.equal(400);
    expect((await problemOf(bad)).errors?.[0]?.path).to.equal('type');
  });

  it('searches title and description regardless of case and accents', async () => {
    expect((await board('?q=VELO')).items.map((l) => l.title)).to.deep.equal(['Vélo enfant 20 pouces']);
    expect((await board('?q=echelle')).items.map((l) => l.title)).to.deep.equal(['Besoin d’une échelle de 3 m']);
    // "coeur" finds "cœur" in a description; several words must all match.
    expect((await board('?q=coeur%20tomates')).items.map((l) => l.title)).to.deep.equal(['Plants de tomates']);
    expect((await board('?q=marmite%20raclette')).items).to.have.length(0);
  });

  it('refuses member actions without a known token (401) or outside their neighbourhood (403)', async () => {
    const none = await postAs(null, '/neighbourhoods/saint-malo-intra-muros/listings', newListing);
    expect(none.status).to.equal(401);
    expect(none.headers.get('WWW-Authenticate')).to.match(/^Bearer/);
    expect((await problemOf(none)).code).to.equal('unauthorized');
    const unknown = await postAs('stolen-token', '/neighbourhoods/saint-malo-intra-muros/listings', newListing);
    expect(unknown.status).to.equal(401);
    const outsider = await postAs(ines, '/neighbourhoods/saint-malo-intra-muros/listings', newListing);
    expect(outsider.status).to.equal(403);
    expect((await problemOf(outsider)).code).to.equal('forbidden');
    const replyOutside = await postAs(ines, '/listings/sm-01/replies', { message: 'Intéressée !' });
    expect(replyOutside.status).to.equal(403);

    const me = await fetch(`${BASE}/me`, { headers: { Authorization: `Bearer ${morgane}` } });
    expect(((await me.json()) as Member).displayName).to.equal('Morgane L.');
  });

  it('puts a member’s new listing first, signed with their display name', async () => {
    const res = await postAs(morgane, '/neighbourhoods/saint-malo-intra-muros/listings', newListing);
    expect(res.status).to.equal(201);
    const created = (await res.json()) as Listing;
    expect(created).to.include({ title: 'Scie circulaire', status: 'open', replyCount: 0 });
    expect(created.author).to.deep.equal({ displayName: 'Morgane L.' });
    expect((await board()).items[0]!.id).to.equal(created.id);
    expect((await getJson<Listing>(`/listings/${created.id}`)).title).to.equal('Scie circulaire');

    const invalid = await postAs(morgane, '/neighbourhoods/saint-malo-intra-muros/listings', {
      ...newListing,
      title: 'ab',
      kind: 'gift',
    });
    expect(invalid.status).to.equal(422);
    expect((await problemOf(invalid)).errors?.map((e) => e.path)).to.have.members(['title', 'kind']);
    const past = await postAs(morgane, '/neighbourhoods/saint-malo-intra-muros/listings', {
      ...newListing,
      expiresAt: '2000-01-01T00:00:00Z',
    });
    expect((await problemOf(past)).errors?.[0]?.path).to.equal('expiresAt');
  });

  it('counts replies and refuses them on closed listings (409 listing_closed)', async () => {
    const before = await getJson<Listing>('/listings/sm-01');
    const res = await postAs(morgane, '/listings/sm-01/replies', { message: 'Je peux passer ce soir ?' });
    expect(res.status).to.equal(201);
    expect(((await res.json()) as Reply).author.displayName).to.equal('Morgane L.');
    expect((await getJson<Listing>('/listings/sm-01')).replyCount).to.equal(before.replyCount + 1);

    const closed = await postAs(morgane, '/listings/sm-10/replies', { message: 'Encore dispo ?' });
    expect(closed.status).to.equal(409);
    expect((await problemOf(closed)).code).to.equal('listing_closed');
    const report = await postAs(morgane, '/listings/sm-01/reports', { reason: 'spam' });
    expect(report.status).to.equal(201);
    expect(await report.json()).to.include({ listingId: 'sm-01', reason: 'spam', status: 'received' });
  });

  it('rate-limits member writes: 429 rate_limited with Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await postAs(morgane, '/listings/sm-01/replies', { message: `Message ${i}` })).status).to.equal(201);
    }
    const limited = await postAs(morgane, '/listings/sm-01/replies', { message: 'Encore un' });
    expect(limited.status).to.equal(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).to.be.within(1, 60);
    expect(await problemOf(limited)).to.include({ code: 'rate_limited', retryAfter });
    // Another member is not affected.
    expect((await postAs('demo-member-david', '/listings/sm-01/replies', { message: 'Moi aussi' })).status).to.equal(
      201,
    );

    backend.setMemberRateLimit({ limit: 100, windowMs: 60_000 });
    expect((await postAs(morgane, '/listings/sm-01/replies', { message: 'Enfin' })).status).to.equal(201);
  });
});
