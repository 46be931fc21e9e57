import { expect } from '@open-wc/testing';
import {
  type Bench,
  type WidgetCase,
  FAULT_NAMES,
  GARBAGE,
  errorPart,
  mount,
  quickClient,
  readable,
  waitError,
  waitReady,
} from './kit.js';

/**
 * The fault matrix: every data widget × every fault of its backend. Under each fault the widget
 * shows a readable, announced error (never blank, never NaN/undefined/raw JSON), its neighbour on
 * another backend is untouched, nothing rejects unhandled; once the backend is back the widget
 * shows its data again by itself, without a click.
 */
export function faultMatrix(bench: Bench, rejections: unknown[], widgets: readonly WidgetCase[]): void {
  for (const w of widgets) {
    describe(`${w.tag} under faults`, function () {
      this.timeout(45_000);

      for (const fault of FAULT_NAMES) {
        it(`${fault}: readable, announced, neighbours untouched; recovers by itself`, async () => {
          bench.fault = fault;
          const { el, neighbour } = await mount(w, quickClient());
          await waitError(el, `shows an error under ${fault}`);

          const error = errorPart(el)!;
          expect(error.getAttribute('role'), 'announced').to.equal('alert');
          const text = readable(el);
          expect(text.length, 'not blank').to.be.greaterThan(10);
          expect(text, 'no garbage').not.to.match(GARBAGE);
          expect(el.getBoundingClientRect().height, 'keeps a size').to.be.greaterThan(20);
          expect(el.shadowRoot!.querySelector('[part~="retry"]'), 'offers a retry').to.exist;
          await expect(el).to.be.accessible();
          await waitReady(neighbour, 'neighbour on a healthy backend');

          bench.fault = null;
          // Offline → online: the browser says so; the other faults just stop.
          if (fault === 'offline') window.dispatchEvent(new Event('online'));
          await waitReady(el, `recovers by itself after ${fault}`);
          expect(readable(el)).not.to.match(GARBAGE);
          await expect(el).to.be.accessible();
          expect(rejections, 'no unhandled rejection').to.deep.equal([]);
        });
      }
    });
  }
}
