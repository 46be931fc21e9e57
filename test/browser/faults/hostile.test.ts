import { expect, waitUntil } from '@open-wc/testing';
import { CORPUS } from './poison.js';
import { WIDGETS, errorPart, isReady, mount, quickClient, useBench } from './kit.js';

/**
 * Hostile text, every widget: each corpus entry in every string field of every answer (as far as
 * the contract lets it in). Nothing executes, links and images go to https:/http: (mailto: for
 * the share-by-mail link the widget builds) only, and the layout holds: nothing sticks out of the
 * widget's box (long words wrap, or are clipped with the whole text still in the page).
 */
const bench = useBench();
const trap = window as { __pwned?: unknown };

/** Every element of the widget, through nested shadow roots. */
function* composed(node: Node): Generator<Element> {
  for (const child of (node as ParentNode).children ?? []) {
    yield child;
    if (child.shadowRoot) yield* composed(child.shadowRoot);
    yield* composed(child);
  }
}

const SAFE_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

function clipped(el: Element, host: Element): boolean {
  for (
    let n: Element | null = el;
    n && n !== host;
    n = n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null
  ) {
    const style = getComputedStyle(n);
    if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') return true;
  }
  return false;
}

for (const w of WIDGETS) {
  describe(`${w.tag} with hostile text`, function () {
    this.timeout(20_000);

    for (const [name, hostile] of Object.entries(CORPUS)) {
      it(name, async () => {
        delete trap.__pwned;
        const violations: string[] = [];
        const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(e.violatedDirective);
        document.addEventListener('securitypolicyviolation', onViolation);
        try {
          bench.poison = hostile;
          const { el } = await mount(w, quickClient());
          await waitUntil(() => isReady(el) || errorPart(el), `${w.tag} settles`, { timeout: 10_000 });
          // Let event handlers, image errors and lazy bits run if anything was injected.
          await new Promise((r) => setTimeout(r, 200));
          expect(bench.poisoned, 'the corpus reached the widget').to.be.greaterThan(0);
          expect(trap.__pwned, 'nothing executed').to.equal(undefined);
          expect(violations).to.deep.equal([]);

          const all = [...composed(el.shadowRoot!)];
          for (const node of all) {
            expect(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'], 'no injected element').not.to.include(node.tagName);
            for (const attr of node.getAttributeNames())
              expect(attr.startsWith('on'), `no ${attr} attribute on ${node.tagName}`).to.be.false;
            const link = node.getAttribute('href') ?? node.getAttribute('src');
            if (link !== null && (node.tagName === 'A' || node.tagName === 'IMG' || node.tagName === 'AREA')) {
              const protocol = new URL(link, location.href).protocol;
              expect(SAFE_PROTOCOLS.has(protocol), `${node.tagName} ${link.slice(0, 60)}`).to.be.true;
            }
          }

          // Layout holds: nothing drawn outside the widget's own box.
          const box = el.getBoundingClientRect();
          expect(box.width).to.be.at.most(421);
          for (const node of all) {
            const r = node.getBoundingClientRect();
            if (r.width === 0 || clipped(node, el)) continue;
            expect(r.right, `${node.tagName}.${node.className} sticks out`).to.be.at.most(box.right + 2);
          }
          await expect(el).to.be.accessible();
        } finally {
          document.removeEventListener('securitypolicyviolation', onViolation);
        }
      });
    }
  });
}
