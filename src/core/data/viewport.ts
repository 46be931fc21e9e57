/**
 * "Tell me when this element nears the viewport", for every widget of a page at once.
 *
 * One IntersectionObserver for the page instead of one per widget: its first answer for a page of
 * cards arrives in one callback, so their reads leave in one batch (client/campaign-batch.ts).
 * But that answer comes only after the page's first frame is laid out, painted and composited
 * (≈ 250 ms on a page of 100 cards), so new widgets are also measured directly, in one layout
 * pass, as soon as the widgets connected together have drawn their skeletons (a task after
 * them, or the next frame if it comes first): the layout the frame would compute anyway, and
 * the requests of the widgets already on screen leave before the paint.
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

/** The widgets connected since the last probe, measured in one layout pass. */
function probe(): void {
  const batch = probing;
  probing = [];
  const height = innerHeight;
  for (const el of batch) {
    if (!callbacks.has(el) || !el.isConnected) continue;
    const box = el.getBoundingClientRect();
    // Zero-size boxes (display: none, or not laid out yet) are left to the observer.
    if ((box.width > 0 || box.height > 0) && box.bottom > -MARGIN_PX && box.top < height + MARGIN_PX) near(el);
  }
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
    // A hidden tab runs neither soon: the observer alone answers once it is shown.
    if (probing.push(el) === 1) {
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
