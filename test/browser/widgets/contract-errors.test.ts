import { expect, fixture, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';
import { clientFor, invalidate } from '../../../src/core/data/clients.js';
import { define, elements } from '../../../src/define.js';
import { createMockBackend } from '../../../src/mock/index.js';
import { startWorker } from '../../support/msw.js';
import { samples, shownText } from '../embed/samples.js';

/*
 * A backend that breaks the contract (a field of the wrong type, a missing field) must still give
 * every widget its readable error state with a retry, never a blank or half-drawn widget. The
 * widgets validate with the validators compiled from the contract here, as in the CDN files
 * (web-test-runner.config.js), so this holds for them and not only for zod.
 */
const BASE = 'https://api.broken.test/v1';
const backend = createMockBackend({ baseUrl: BASE });

type Json = Record<string, unknown>;
const breakages: Record<string, (resource: Json) => void> = {
  'a field of the wrong type': (r) => {
    r.id = 42;
  },
  'a missing field': (r) => {
    delete r.id;
  },
};

/** The real answer of the mock backend, broken in its first resource (a page's first item). */
function brokenBackend(breakIt: (resource: Json) => void) {
  return http.get(`${BASE}/*`, async ({ request }) => {
    if (request.headers.get('Accept')?.includes('text/event-stream')) return new HttpResponse(null, { status: 204 });
    const real = await getResponse(backend.handlers, request);
    if (!real || !real.ok) return real;
    const body = (await real.json()) as Json;
    const items = body.items as Json[] | undefined;
    const target = items ? items[0] : body;
    if (target) breakIt(target);
    else body.items = 'none';
    return HttpResponse.json(body, { status: real.status, headers: { ETag: `"broken-${Math.random()}"` } });
  });
}

define();
const names = Object.keys(elements).filter((n) => n !== 'provider');
/** Widgets that read nothing before the reader uses them: nothing to break. */
const readsNothingAtFirst = new Set(['listing-form']);

describe('a response that breaks the contract', () => {
  afterEach(() => {
    invalidate(clientFor(BASE));
    backend.reset();
  });

  for (const [breakage, breakIt] of Object.entries(breakages)) {
    for (const name of names) {
      const sample = samples[name]!;
      it(`${name}, ${breakage}: a readable error with a retry`, async function () {
        await startWorker(brokenBackend(breakIt));
        const el = await fixture<HTMLElement>(`<div></div>`);
        const widget = document.createElement(`partage-${name}`);
        widget.setAttribute('api', BASE);
        widget.setAttribute('locale', 'en');
        for (const [attribute, value] of Object.entries(sample.attributes)) widget.setAttribute(attribute, value);
        el.append(widget);
        const error = () => widget.shadowRoot?.querySelector('[part~="error"]');
        if (readsNothingAtFirst.has(name)) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          expect(error(), `<partage-${name}> reads nothing until used`).to.not.exist;
          return;
        }
        await waitUntil(error, `<partage-${name}> shows no error: ${shownText(widget).slice(0, 200)}`, {
          timeout: 5000,
        });
        expect(error()!.getAttribute('role')).to.equal('alert');
        expect(shownText(widget)).to.contain('The server sent an answer this widget does not understand.');
        expect(widget.shadowRoot!.querySelector('[part~="retry"]'), 'a retry button').to.exist;
        await expect(widget).to.be.accessible();
      });
    }
  }
});
