/**
 * Memory across visits: the last good answer of public GETs, kept in the browser's local storage
 * so that a widget whose backend cannot be reached on a later visit shows what it showed last
 * time, marked with its age, instead of only an error.
 *
 * What is kept: the JSON body of GETs sent without a member token (campaigns, reward tiers,
 * public backer names, neighbourhoods, listings), keyed by URL (hence per backend), with the time
 * it was received. Never kept: anything read with a member token, anything written (pledges,
 * posts, replies), tokens, e-mail addresses. Entries over `MAX_ENTRY_CHARS` are not kept; past
 * `MAX_ENTRIES` the oldest go first.
 */

export interface Remembered {
  value: unknown;
  /** When the answer was received (ms since the epoch). */
  savedAt: number;
}

const PREFIX = 'partage:memory:v1:';
/** Per answer: a campaign is ≈2–5 kB, a page of listings ≈20 kB. Larger answers are not kept. */
export const MAX_ENTRY_CHARS = 64_000;
/** Entries kept for all backends together (oldest evicted first). */
export const MAX_ENTRIES = 40;

function storage(): Storage | undefined {
  try {
    // Sandboxed iframes and some privacy modes throw on access: then there is no memory.
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The answer last kept per URL, by identity: the widgets of a page that share one answer (100
 * cards of 6 campaigns) keep it once, not once each.
 */
const kept = new Map<string, unknown>();

/** Keeps `value` as the last good answer of `url`. Never throws (quota, disabled storage). */
export function remember(url: string, value: unknown, now = Date.now()): void {
  const store = storage();
  if (!store || kept.get(url) === value || now < forgottenAt) return;
  kept.delete(url);
  kept.set(url, value);
  // Only the latest answers are held on to (a long session reads many pages).
  if (kept.size > MAX_ENTRIES) kept.delete(kept.keys().next().value!);
  let text: string;
  try {
    text = JSON.stringify({ savedAt: now, value } satisfies Remembered);
  } catch {
    return;
  }
  if (text.length > MAX_ENTRY_CHARS) {
    forget(url);
    return;
  }
  try {
    store.setItem(PREFIX + url, text);
    evict(store);
  } catch {
    // Quota exceeded: memory is a convenience, never a reason to fail.
  }
}

/** The last good answer of `url`, if one is kept and readable. */
export function recall(url: string): Remembered | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const text = store.getItem(PREFIX + url);
    if (!text) return undefined;
    const parsed = JSON.parse(text) as Partial<Remembered>;
    if (typeof parsed.savedAt !== 'number' || !Number.isFinite(parsed.savedAt) || !('value' in parsed))
      return undefined;
    return { savedAt: parsed.savedAt, value: parsed.value };
  } catch {
    return undefined;
  }
}

export function forget(url: string): void {
  kept.delete(url);
  try {
    storage()?.removeItem(PREFIX + url);
  } catch {
    // nothing kept, nothing to forget
  }
}

/** Answers received before this are not kept any more (see forgetAll). */
let forgottenAt = -Infinity;

/**
 * Drops every remembered answer (all backends), including answers already received whose write
 * is still waiting for an idle moment (transport.ts keeps them once the page is idle).
 */
export function forgetAll(): void {
  forgottenAt = Date.now();
  kept.clear();
  const store = storage();
  if (!store) return;
  try {
    for (const key of keys(store)) store.removeItem(key);
  } catch {
    // ignore
  }
}

function keys(store: Storage): string[] {
  const out: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) out.push(key);
  }
  return out;
}

function evict(store: Storage): void {
  const all = keys(store);
  if (all.length <= MAX_ENTRIES) return;
  const dated = all.map((key) => {
    const match = /^\{"savedAt":(\d+)/.exec(store.getItem(key) ?? '');
    return { key, savedAt: match ? Number(match[1]) : 0 };
  });
  dated.sort((a, b) => a.savedAt - b.savedAt);
  for (const { key } of dated.slice(0, all.length - MAX_ENTRIES)) store.removeItem(key);
}
