import {
  checkAgendaTimes,
  checkPollRequest,
  checkPollUpdate,
  checkVoteChoices,
  pollSettings,
  pollStatusAt,
  resultsVisible,
  rsvpRefusal,
  voteRefusal,
  type AgendaItem,
  type AgendaItemRequest,
  type AgendaItemUpdate,
  type Member,
  type MyRsvp,
  type MyVote,
  type NeighbourhoodEvent,
  type Poll,
  type PollRequest,
  type PollUpdate,
  type RsvpRequest,
  type RuleViolation,
} from '../contract/index.js';
import type { NeighbourhoodRecord } from './fixtures/index.js';
import { civicActivity } from './fixtures/index.js';

export type Outcome<T> = { ok: true; value: T } | { ok: false; violation: RuleViolation };

interface StoredPoll {
  seq: number;
  /** Full counts; readers get them only as `resultsVisibility` allows. */
  poll: Poll;
  closedAt: string | null;
  /** memberId → chosen option ids. Never sent to anyone but that member. */
  ballots: Map<string, { optionIds: string[]; votedAt: string }>;
}

interface StoredItem {
  seq: number;
  item: AgendaItem;
  /** memberId → answer; the waitlist is served in `seq` order. */
  answers: Map<string, { status: 'going' | 'waitlisted' | 'not_going'; seq: number }>;
}

type Publish = (neighbourhoodId: string, event: NeighbourhoodEvent) => void;

/**
 * Polls and agenda in memory, with the reference backend's rules (src/contract/civic-rules.ts).
 * Mutations are synchronous, so overlapping requests can never overfill an event.
 */
export class CivicStore {
  readonly polls: StoredPoll[];
  readonly items: StoredItem[];
  #seq = 0;

  constructor(
    polls: Poll[],
    items: AgendaItem[],
    private readonly neighbourhoods: NeighbourhoodRecord[],
    private readonly now: () => Date,
    private readonly publish: Publish,
  ) {
    this.polls = polls.map((poll) => ({ seq: ++this.#seq, poll, closedAt: null, ballots: new Map() }));
    this.items = items.map((item) => ({ seq: ++this.#seq, item, answers: new Map() }));
  }

  // ---- polls -------------------------------------------------------------------------------

  findPoll(id: string): StoredPoll | undefined {
    return this.polls.find((p) => p.poll.id === id);
  }

  pollsOf(neighbourhoodId: string): StoredPoll[] {
    return this.polls.filter((p) => p.poll.neighbourhoodId === neighbourhoodId);
  }

  /** The poll as this reader sees it (`memberId` undefined: anonymous). */
  view(stored: StoredPoll, memberId?: string): Poll {
    const status = pollStatusAt({ ...stored.poll, closedAt: stored.closedAt }, this.now());
    const visible = resultsVisible(
      stored.poll.resultsVisibility,
      status,
      memberId !== undefined && stored.ballots.has(memberId),
    );
    return structuredClone({ ...stored.poll, status, results: visible ? stored.poll.results : null });
  }

  myVote(stored: StoredPoll, memberId: string): MyVote {
    const ballot = stored.ballots.get(memberId);
    return {
      pollId: stored.poll.id,
      optionIds: ballot ? [...ballot.optionIds] : [],
      votedAt: ballot?.votedAt ?? null,
      poll: this.view(stored, memberId),
    };
  }

  createPoll(neighbourhood: NeighbourhoodRecord, request: PollRequest): Outcome<Poll> {
    const now = this.now();
    const violation = checkPollRequest(request, now);
    if (violation) return { ok: false, violation };
    const s = pollSettings(request, now);
    const at = now.toISOString();
    const options = request.options.map((label, i) => ({ id: `o${i + 1}`, label }));
    const poll: Poll = {
      id: `poll-${++this.#seq}`,
      neighbourhoodId: neighbourhood.id,
      question: request.question,
      description: request.description ?? '',
      options,
      ...s,
      status: 'open',
      organiser: { ...request.organiser },
      voterCount: 0,
      results: { voterCount: 0, options: options.map((o) => ({ optionId: o.id, votes: 0 })) },
      createdAt: at,
      updatedAt: at,
    };
    const stored: StoredPoll = { seq: this.#seq, poll, closedAt: null, ballots: new Map() };
    this.polls.push(stored);
    this.#pollChanged(stored);
    return { ok: true, value: this.view(stored) };
  }

  updatePoll(stored: StoredPoll, change: PollUpdate): Outcome<Poll> {
    const now = this.now();
    const status = pollStatusAt({ ...stored.poll, closedAt: stored.closedAt }, now);
    const violation = checkPollUpdate({ ...stored.poll, status }, change, now);
    if (violation) return { ok: false, violation };
    const p = stored.poll;
    if (change.question !== undefined) p.question = change.question;
    if (change.description !== undefined) p.description = change.description;
    if (change.opensAt !== undefined) p.opensAt = change.opensAt;
    if (change.closesAt !== undefined) p.closesAt = change.closesAt;
    p.updatedAt = now.toISOString();
    this.#pollChanged(stored);
    return { ok: true, value: this.view(stored) };
  }

  closePoll(stored: StoredPoll): Poll {
    stored.closedAt ??= this.now().toISOString();
    stored.poll.updatedAt = this.now().toISOString();
    this.#pollChanged(stored);
    return this.view(stored);
  }

  vote(stored: StoredPoll, member: Member, optionIds: string[]): Outcome<MyVote> {
    const now = this.now();
    const refusal = voteRefusal(pollStatusAt({ ...stored.poll, closedAt: stored.closedAt }, now));
    if (refusal) return { ok: false, violation: refusal };
    const invalid = checkVoteChoices(stored.poll, optionIds);
    if (invalid) return { ok: false, violation: invalid };
    const previous = stored.ballots.get(member.id);
    if (previous && !stored.poll.allowChange) {
      return {
        ok: false,
        violation: { status: 409, code: 'vote_final', detail: 'You already voted; this poll does not allow changes.' },
      };
    }
    const results = stored.poll.results!;
    const move = (ids: string[], by: number) => {
      for (const o of results.options) if (ids.includes(o.optionId)) o.votes += by;
    };
    if (previous) move(previous.optionIds, -1);
    else {
      stored.poll.voterCount += 1;
      results.voterCount += 1;
    }
    move(optionIds, 1);
    stored.ballots.set(member.id, { optionIds: [...optionIds], votedAt: now.toISOString() });
    stored.poll.updatedAt = now.toISOString();
    this.#pollChanged(stored);
    return { ok: true, value: this.myVote(stored, member.id) };
  }

  #pollChanged(stored: StoredPoll) {
    const n = this.#touch(stored.poll.neighbourhoodId);
    if (n)
      this.publish(n.id, {
        type: 'poll.updated',
        neighbourhoodId: n.id,
        poll: this.view(stored),
        stats: { ...n.stats },
      });
  }

  // ---- agenda ------------------------------------------------------------------------------

  findItem(id: string): StoredItem | undefined {
    return this.items.find((i) => i.item.id === id);
  }

  /** Not yet over, soonest first. */
  upcomingOf(neighbourhoodId: string): StoredItem[] {
    const now = this.now().getTime();
    return this.items.filter((i) => i.item.neighbourhoodId === neighbourhoodId && Date.parse(i.item.endsAt) > now);
  }

  createItem(neighbourhood: NeighbourhoodRecord, request: AgendaItemRequest): Outcome<AgendaItem> {
    const violation = checkAgendaTimes(request, request);
    if (violation) return { ok: false, violation };
    const at = this.now().toISOString();
    const capacity = request.capacity ?? null;
    const item: AgendaItem = {
      id: `agenda-${++this.#seq}`,
      neighbourhoodId: neighbourhood.id,
      title: request.title,
      description: request.description ?? '',
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      place: { ...request.place },
      organiser: { ...request.organiser },
      capacity,
      going: 0,
      waitlisted: 0,
      remaining: capacity,
      status: 'scheduled',
      createdAt: at,
      updatedAt: at,
    };
    const stored: StoredItem = { seq: this.#seq, item, answers: new Map() };
    this.items.push(stored);
    this.#itemChanged(stored);
    return { ok: true, value: structuredClone(item) };
  }

  updateItem(stored: StoredItem, change: AgendaItemUpdate): Outcome<AgendaItem> {
    const item = stored.item;
    if (item.status === 'cancelled')
      return { ok: false, violation: { status: 409, code: 'event_cancelled', detail: 'This event was cancelled.' } };
    const violation = checkAgendaTimes(item, change);
    if (violation) return { ok: false, violation };
    if (change.capacity != null && change.capacity < item.going) {
      const detail = `may not drop below the ${item.going} members going`;
      return { ok: false, violation: { status: 400, code: 'validation_failed', path: 'capacity', detail } };
    }
    const { capacity, ...rest } = change;
    Object.assign(item, structuredClone(rest));
    if (capacity !== undefined) {
      item.capacity = capacity;
      this.#promote(stored);
    }
    this.#itemChanged(stored);
    return { ok: true, value: structuredClone(item) };
  }

  cancelItem(stored: StoredItem): AgendaItem {
    stored.item.status = 'cancelled';
    this.#itemChanged(stored);
    return structuredClone(stored.item);
  }

  myRsvp(stored: StoredItem, memberId: string): MyRsvp {
    const mine = stored.answers.get(memberId);
    let position: number | null = null;
    if (mine?.status === 'waitlisted') {
      const known = [...stored.answers.values()].filter((a) => a.status === 'waitlisted');
      // Seeded waitlists count people the mock has no answers for: they are ahead in line.
      position = stored.item.waitlisted - known.length + known.filter((a) => a.seq <= mine.seq).length;
    }
    return {
      itemId: stored.item.id,
      status: mine?.status ?? 'none',
      waitlistPosition: position,
      item: structuredClone(stored.item),
    };
  }

  rsvp(stored: StoredItem, member: Member, request: RsvpRequest): Outcome<MyRsvp> {
    const refusal = rsvpRefusal(stored.item, this.now());
    if (refusal) return { ok: false, violation: refusal };
    const item = stored.item;
    const current = stored.answers.get(member.id)?.status ?? 'not_going';
    const set = (status: 'going' | 'waitlisted' | 'not_going') =>
      stored.answers.set(member.id, { status, seq: ++this.#seq });
    if (request.response === 'going' && current === 'not_going') {
      if (item.capacity === null || item.going < item.capacity) {
        item.going += 1;
        set('going');
      } else {
        item.waitlisted += 1;
        set('waitlisted');
      }
    } else if (request.response === 'not_going' && current !== 'not_going') {
      set('not_going');
      if (current === 'going') {
        item.going -= 1;
        this.#promote(stored);
      } else item.waitlisted = Math.max(0, item.waitlisted - 1);
    }
    this.#itemChanged(stored);
    return { ok: true, value: this.myRsvp(stored, member.id) };
  }

  /** Freed places go to the waitlist, first come first served. */
  #promote(stored: StoredItem) {
    const item = stored.item;
    const line = [...stored.answers.values()].filter((a) => a.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
    for (const answer of line) {
      if (item.capacity !== null && item.going >= item.capacity) break;
      answer.status = 'going';
      item.going += 1;
      item.waitlisted -= 1;
    }
  }

  #itemChanged(stored: StoredItem) {
    const item = stored.item;
    item.remaining = item.capacity === null ? null : Math.max(0, item.capacity - item.going);
    item.updatedAt = this.now().toISOString();
    const n = this.#touch(item.neighbourhoodId);
    if (n)
      this.publish(n.id, {
        type: 'agenda.updated',
        neighbourhoodId: n.id,
        item: structuredClone(item),
        stats: { ...n.stats },
      });
  }

  /** Votes and RSVPs are counted, not stored, as in the reference backend. */
  #touch(neighbourhoodId: string): NeighbourhoodRecord | undefined {
    const n = this.neighbourhoods.find((x) => x.id === neighbourhoodId);
    if (!n) return undefined;
    Object.assign(
      n.stats,
      civicActivity(
        n.id,
        this.polls.map((p) => p.poll),
        this.items.map((i) => i.item),
        this.now(),
      ),
    );
    n.updatedAt = this.now().toISOString();
    return n;
  }
}
