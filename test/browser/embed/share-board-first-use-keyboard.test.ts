import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chunksLoaded, firstUsePage, isChunk, norm, type FirstUsePage } from './first-use-kit.js';
import { BOARD_CHUNK, BOARD_FILE, inListing, listing, shareBoard } from './share-board-kit.js';

/*
 * The share board's CDN file with the keyboard alone, its reply and report code held until the
 * member has already opened a listing and pressed Enter on "Signaler": the button waits busy, and
 * when the code arrives the form opens with focus on its first reason, and the report goes out.
 */

let page: FirstUsePage;
before(async () => {
  page = await firstUsePage(BOARD_FILE, BOARD_CHUNK);
});
after(() => page.worker.stop());

describe('share board CDN file: keyboard before the reply and report code', () => {
  it('opens a listing and asks for "Report" while the code is held, then reports', async function () {
    this.timeout(30_000);
    const el = await shareBoard();
    const focused = () => el.shadowRoot!.activeElement as HTMLElement | null;
    // Focus reaching the board asks for the code (held here).
    inListing(el, 'toggle')!.focus();
    await waitUntil(() => page.requests.some(isChunk), 'the first focus did not ask for the code');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inListing(el, 'report'), 'Enter did not open the listing');
    inListing(el, 'report')!.focus();
    expect(focused()).to.equal(inListing(el, 'report'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inListing(el, 'report')!.getAttribute('aria-busy') === 'true', 'Enter did not wait busy');
    expect(chunksLoaded(), 'the code arrived although held').to.deep.equal([]);
    await expect(el).to.be.accessible();

    page.chunk('pass');
    await waitUntil(() => inListing(el, 'report-form'), 'the form did not open once the code came', {
      timeout: 10000,
    });
    const reasons = [...listing(el)!.querySelectorAll<HTMLInputElement>('input[name="reason"]')];
    await waitUntil(() => focused() === reasons[0], 'focus did not go to the first reason');
    await sendKeys({ press: 'Space' });
    expect(reasons[0]!.checked).to.equal(true);
    const before = page.backend.store.reports.length;
    // Detail (optional), then Send.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(inListing(el, 'send'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => inListing(el, 'confirmation'), 'no confirmation', { timeout: 10000 });
    expect(norm(inListing(el, 'confirmation')!.textContent)).to.equal('Merci, les modérateurs vont l’examiner.');
    await waitUntil(() => focused() === inListing(el, 'confirmation'), 'the confirmation did not take focus');
    expect(page.backend.store.reports.length).to.equal(before + 1);
    expect(page.backend.store.reports.at(-1)!.reason).to.equal(reasons[0]!.value);
    await expect(el).to.be.accessible();
  });
});
