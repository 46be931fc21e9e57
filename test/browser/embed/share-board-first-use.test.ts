import { expect, waitUntil } from '@open-wc/testing';
import { chunksLoaded, firstUsePage, isChunk, norm, type FirstUsePage } from './first-use-kit.js';
import { BOARD_CHUNK, BOARD_FILE, inListing, listing, shareBoard } from './share-board-kit.js';

/*
 * dist/cdn/partage-share-board.js draws its listings and their actions without the reply and
 * report forms' code (forms, checks, sending: chunks/share-board-listing-interaction-*.js), which
 * comes at the board's first use or when the browser is idle. Here the chunk is held, then fails
 * (the reader went offline), then is served: a member who clicks "Ça m’intéresse" at once waits on
 * a busy button, is told, retries, and replies as with the code already there.
 */

let page: FirstUsePage;
before(async () => {
  page = await firstUsePage(BOARD_FILE, BOARD_CHUNK);
});
after(() => page.worker.stop());

describe('share board CDN file: reply and report code on first use', () => {
  it('paints its listings without the code; "I’m interested" before it waits busy, offline says so, then replies', async function () {
    this.timeout(30_000);
    const el = await shareBoard();
    // First paint: the listings, with the chunk held: none of it waited for the code.
    expect(norm(inListing(el, 'toggle')!.textContent)).to.not.equal('');
    expect(chunksLoaded(), 'the chunk arrived before the first paint').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // The detail opens (its action bar is part of the first paint); the member clicks at once.
    inListing(el, 'toggle')!.click();
    await waitUntil(() => inListing(el, 'interested'), 'the detail did not show its actions');
    const interested = inListing(el, 'interested')!;
    expect(norm(interested.textContent)).to.equal('Ça m’intéresse');
    expect(norm(inListing(el, 'report')!.textContent)).to.equal('Signaler');
    interested.click();
    await waitUntil(
      () => inListing(el, 'interested')!.getAttribute('aria-busy') === 'true',
      'the button did not wait busy',
    );
    await waitUntil(() => page.requests.some(isChunk), 'the chunk was never asked for');
    expect(inListing(el, 'reply-form')).to.equal(null);
    await expect(el).to.be.accessible();

    // Offline: the chunk fails. A readable alert with a retry, where the member clicked.
    page.chunk('fail');
    await waitUntil(() => inListing(el, 'retry'), 'no retry after the code failed to load', { timeout: 10000 });
    expect(norm(inListing(el, 'form-alert')!.textContent)).to.equal(
      'Vous semblez hors ligne. Vérifiez votre connexion puis réessayez. Réessayer',
    );
    expect(inListing(el, 'interested')!.getAttribute('aria-busy')).to.equal('false');
    expect(inListing(el, 'reply-form')).to.equal(null);
    await expect(el).to.be.accessible();

    // Back online, the retry brings the code: the form opens with focus in its message.
    page.chunk('pass');
    inListing(el, 'retry')!.click();
    await waitUntil(() => inListing(el, 'reply-form'), 'the form did not open after the retry', { timeout: 10000 });
    expect(inListing(el, 'form-alert')?.textContent ?? '').to.not.contain('hors ligne');
    const message = listing(el)!.querySelector<HTMLTextAreaElement>('textarea[name="message"]')!;
    await waitUntil(() => el.shadowRoot!.activeElement === message, 'the message did not take focus');
    await expect(el).to.be.accessible();

    // Empty, the contract's check says so as ever; then the reply goes out.
    inListing(el, 'send')!.click();
    await waitUntil(
      () => norm(inListing(el, 'form-alert')?.textContent) === 'Un champ est à corriger.',
      'no field error',
    );
    expect(norm(listing(el)!.querySelector('.field-error')?.textContent)).to.equal('Merci de remplir ce champ.');
    const before = page.backend.store.replies.length;
    message.value = 'Toujours disponible samedi ?';
    message.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    inListing(el, 'send')!.click();
    await waitUntil(() => inListing(el, 'confirmation'), 'no confirmation', { timeout: 10000 });
    expect(norm(inListing(el, 'confirmation')!.textContent)).to.match(/^Votre message a été envoyé à /);
    expect(page.backend.store.replies.length).to.equal(before + 1);
    expect(page.backend.store.replies.at(-1)!.message).to.equal('Toujours disponible samedi ?');
    await expect(el).to.be.accessible();
  });
});
