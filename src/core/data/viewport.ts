/**
 * "Tell me when this element nears the viewport", for every widget of a page at once.
 *
 * One IntersectionObserver for the page instead of one per widget: its first answer for a page of
 * cards arrives in one callback, so their reads leave in one batch (client/campaign-batch.ts).
 * But that answer comes only after the page's first frame is laid out, painted and composited
 * (≈ 250 ms on a page of 100 cards), so new widgets are also measured directly:
 * - widgets upgraded together (`customElements.define` upgrading the page's tags) are measured
 *   in one layout pass at the first one's connection, before the others' shadow roots exist:
 *   the page's own layout, which the first frame computed already, and they are told at once,
 *   so their reads leave before any of them renders (BENCHMARKS.md, the 100-card page);
 * - widgets the parser is still creating, or inside other shadow roots, in one pass a task
 *   later (or at the next frame if it comes first), so the parser is not stopped by a layout
 *   per widget.
 */

/** How far below (and above) the viewport a widget already loads. */
const MARGIN_PX = 600;

/** Per element, since one widget may hold several resources (the board: its neighbourhood and listings). */
const callbacks = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | undefined;
let probing: Element[] = [];

function near(el: Element): void {
  const waiting = callbacks.get(el);
  if (!waiting) return;
  callbacks.delete(el);
  observer?.unobserve(el);
  for (const callback of waiting) callback();
}

/** Zero-size boxes (display: none, or not laid out yet) are left to the observer. */
const isNear = (box: DOMRect) =>
  (box.width > 0 || box.height > 0) && box.bottom > -MARGIN_PX && box.top < innerHeight + MARGIN_PX;

/** The widgets connected since the last probe, measured in one layout pass. */
function probe(): void {
  const batch = probing;
  probing = [];
  for (const el of batch) if (callbacks.has(el) && el.isConnected && isNear(el.getBoundingClientRect())) near(el);
}

/**
 * Boxes of the page's elements of one tag, measured together at the first one's connection and
 * kept for the rest of the task: the upgrades `customElements.define` runs are synchronous, so
 * its other elements connect in the same task, each before its own shadow root dirties the layout.
 */
let measured: WeakMap<Element, DOMRect> | undefined;
let measuredTags = new Set<string>();

function measuredBox(el: Element): DOMRect | undefined {
  if (!measured) {
    measured = new WeakMap();
    queueMicrotask(() => {
      measured = undefined;
      measuredTags = new Set();
    });
  }
  if (!measuredTags.has(el.localName)) {
    measuredTags.add(el.localName);
    for (const other of document.querySelectorAll(el.localName)) measured.set(other, other.getBoundingClientRect());
  }
  return measured.get(el);
}

/**
 * Calls `callback` once, when `el` is within 600 px of the viewport (vertically). Returns the
 * function that cancels it (the widget left the page).
 */
export function whenNearViewport(el: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) near(entry.target);
    },
    { rootMargin: `${MARGIN_PX}px 0px` },
  );
  const waiting = callbacks.get(el);
  if (waiting) waiting.add(callback);
  else {
    callbacks.set(el, new Set([callback]));
    observer.observe(el);
    const box = document.readyState === 'loading' || !el.isConnected ? undefined : measuredBox(el);
    if (box) {
      if (isNear(box)) near(el);
    } else if (probing.push(el) === 1) {
      // A hidden tab runs neither soon: the observer alone answers once it is shown.
      setTimeout(probe);
      requestAnimationFrame(probe);
    }
  }
  return () => {
    const set = callbacks.get(el);
    if (!set?.delete(callback) || set.size > 0) return;
    callbacks.delete(el);
    observer?.unobserve(el);
  };
}
