import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import { problem } from '../../mock/problem.js';
import '../listing-form/define.js';
import './define.js';
import type { PartageShareBoard } from './share-board.js';
import {
  $,
  $$,
  choose,
  MORGANE,
  SAINT_MALO,
  textOf,
  type,
  until,
  useNeighbourhoodBackend,
} from '../../../test/support/neighbourhood-helpers.js';
import { LIVE_RETRIES, waitForStream } from '../../../test/support/live.js';

const API = 'https://board-actions.partage.test/v1';
const { backend, worker } = useNeighbourhoodBackend(API);

const board = (token: string = MORGANE) =>
  fixture<PartageShareBoard>(
    html`<partage-share-board
      api=${API}
      neighbourhood=${SAINT_MALO}
      member-token=${token}
      locale="en"
    ></partage-share-board>`,
  );

const titles = (el: PartageShareBoard) => $$(el, '[part~="toggle"]').map((b) => textOf(b));
const loaded = (el: PartageShareBoard) => until(() => !!$(el, '[part~="listing"]'), 'board loaded');
const item = (el: PartageShareBoard, id: string) => $(el, `li[data-id="${id}"]`)!;
const within = <T extends HTMLElement = HTMLElement>(root: Element, selector: string) =>
  root.querySelector<T>(selector);

async function openPosting(el: PartageShareBoard): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="post-toggle"]')!.click();
  await until(() => !!$(el, '#post-panel form'), 'posting form');
}

function fillPost(el: PartageShareBoard, title = 'Scie circulaire'): void {
  choose($(el, '#post-panel select[name="type"]'), 'lend');
  choose($(el, '#post-panel select[name="category"]'), 'tools');
  type($(el, '#post-panel input[name="title"]'), title);
  type($(el, '#post-panel textarea[name="description"]'), 'Avec une lame neuve.');
  type($(el, '#post-panel input[name="place.label"]'), 'Rocabey');
}

const postAlert = (el: PartageShareBoard) => textOf($(el, '#post-panel [role="alert"]'));
const publish = (el: PartageShareBoard) => $<HTMLButtonElement>(el, '#post-panel button[type="submit"]')!.click();

/** Opens a listing's detail and one of its member forms. */
async function openAction(el: PartageShareBoard, id: string, kind: 'interested' | 'report'): Promise<HTMLElement> {
  const li = item(el, id);
  within<HTMLButtonElement>(li, '[part~="toggle"]')!.click();
  await until(() => !!within(li, `[part~="${kind}"]`), 'detail actions');
  within<HTMLButtonElement>(li, `[part~="${kind}"]`)!.click();
  await until(() => !!within(li, 'form'), `${kind} form`);
  return li;
}

describe('<partage-share-board> member actions', () => {
  describe('posting', () => {
    it('publishes from the board: the new listing appears on top and focus comes back on close', async () => {
      const el = await board();
      await loaded(el);
      await openPosting(el);
      expect($(el, '[part~="post-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#post-panel input[name="kind"][value="offer"]'));
      await expect(el).to.be.accessible();
      fillPost(el);
      const created = oneEvent(el, 'partage-listing-created');
      publish(el);
      const { detail } = await created;
      await until(() => titles(el)[0] === 'Scie circulaire', 'new listing on top');
      expect(titles(el).filter((t) => t === 'Scie circulaire')).to.have.length(1);
      expect(textOf(item(el, detail.listing.id).querySelector('.meta'))).to.match(
        /^Around Rocabey · .* · No replies yet$/,
      );
      expect(textOf($(el, '#post-panel [part="confirmation"]'))).to.equal(
        'Your listing “Scie circulaire” is published.',
      );
      await expect(el).to.be.accessible();
      // The live echo of our own post does not duplicate it.
      await waitForStream(backend, `neighbourhoods/${SAINT_MALO}`, 'no live stream opened');
      backend.simulateListing(SAINT_MALO, { title: 'Autre annonce' }, MORGANE);
      await until(() => titles(el)[0] === 'Autre annonce', 'later listing');
      expect(titles(el).filter((t) => t === 'Scie circulaire')).to.have.length(1);

      $<HTMLButtonElement>(el, '[part="close-form"]')!.click();
      await until(() => $<HTMLElement>(el, '#post-panel')!.hidden, 'closed');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="post-toggle"]'));
    }).retries(LIVE_RETRIES);

    it('shows a listing posted by the stand-alone form on the same page, live', async () => {
      const wrapper = await fixture(
        html`<div>
          <partage-listing-form
            api=${API}
            neighbourhood=${SAINT_MALO}
            member-token=${MORGANE}
            locale="en"
          ></partage-listing-form>
          <partage-share-board api=${API} neighbourhood=${SAINT_MALO} locale="en"></partage-share-board>
        </div>`,
      );
      const form = wrapper.querySelector('partage-listing-form')!;
      const el = wrapper.querySelector('partage-share-board')!;
      await loaded(el);
      await waitForStream(backend, `neighbourhoods/${SAINT_MALO}`, 'no live stream opened');
      choose($(form, 'select[name="type"]'), 'give');
      choose($(form, 'select[name="category"]'), 'books');
      type($(form, 'input[name="title"]'), 'Bandes dessinées');
      type($(form, 'input[name="place.label"]'), 'Paramé');
      $<HTMLButtonElement>(form, 'button[type="submit"]')!.click();
      await until(() => titles(el)[0] === 'Bandes dessinées', 'posted listing on the board');
      expect(textOf($(el, 'p[role="status"][aria-live="polite"]'))).to.equal('New listing: Bandes dessinées');
    }).retries(LIVE_RETRIES);

    it('on an expired token asks to sign in, keeps the typed listing, and publishes with the new token', async () => {
      const el = await board('demo-member-expired');
      await loaded(el);
      await openPosting(el);
      fillPost(el, 'Ponceuse');
      const signIn = oneEvent(el, 'partage-sign-in-request');
      publish(el);
      expect((await signIn).detail).to.deep.equal({ reason: 'post', neighbourhoodId: SAINT_MALO, expired: true });
      await until(() => postAlert(el).startsWith('Your session has expired'), 'expired alert');
      expect($<HTMLInputElement>(el, '#post-panel input[name="title"]')!.value).to.equal('Ponceuse');
      expect($<HTMLInputElement>(el, '#post-panel input[name="place.label"]')!.value).to.equal('Rocabey');
      await expect(el).to.be.accessible();
      el.memberToken = MORGANE;
      await until(() => titles(el)[0] === 'Ponceuse', 'published after sign-in');
    });

    it('checks the expiry date in the browser and explains a 429 with the wait', async () => {
      const el = await board();
      await loaded(el);
      await openPosting(el);
      // A real server rule: the expiry must be in the future by the server's clock.
      fillPost(el);
      type($(el, '#post-panel input[name="expiresAt"]'), '2000-01-01');
      publish(el);
      await until(() => postAlert(el) === 'One field needs your attention.', 'client check');
      expect(textOf($(el, '#post-expires-error'))).to.equal('Please pick today or a later date.');

      type($(el, '#post-panel input[name="expiresAt"]'), '');
      backend.failNext('createListing', 429, { retryAfter: 17 });
      publish(el);
      await until(() => postAlert(el).includes('17 seconds'), 'rate limit');
      expect(postAlert(el)).to.equal(
        'You have sent a lot in a short time. Please wait 17 seconds before trying again.',
      );
      expect($(el, '#post-panel button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
      expect($<HTMLInputElement>(el, '#post-panel input[name="title"]')!.value).to.equal('Scie circulaire');
      await expect(el).to.be.accessible();
    });

    it('maps a 422’s field errors onto the form, and words one without details', async () => {
      const el = await board();
      await loaded(el);
      await openPosting(el);
      fillPost(el);
      worker().use(
        http.post(
          `${API}/neighbourhoods/:id/listings`,
          () =>
            problem(422, 'validation_failed', 'place.label: not a district of this neighbourhood', {
              errors: [{ path: 'place.label', message: 'Not a district of this neighbourhood.' }],
            }),
          { once: true },
        ),
      );
      publish(el);
      await until(() => postAlert(el) !== '', 'server refusal');
      expect(postAlert(el)).to.equal('Some fields were refused. Please check them.');
      expect(textOf($(el, '#post-place-error'))).to.equal('Not a district of this neighbourhood.');
      expect($(el, '#post-panel input[name="place.label"]')!.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#post-panel input[name="place.label"]'));
      await expect(el).to.be.accessible();

      // A refusal without `errors` still gets one readable alert, and nothing typed is lost.
      backend.failNext('createListing', 422, { detail: 'refused' });
      publish(el);
      await until(
        () => !$(el, '#post-place-error') && postAlert(el) === 'Some fields were refused. Please check them.',
        'second refusal',
      );
      expect($<HTMLInputElement>(el, '#post-panel input[name="place.label"]')!.value).to.equal('Rocabey');
    });
  });

  it('tells a member of another neighbourhood that only its members can post (403)', async () => {
    const el = await board('demo-member-ines');
    await loaded(el);
    await openPosting(el);
    fillPost(el);
    publish(el);
    await until(() => postAlert(el) !== '', 'forbidden');
    expect(postAlert(el)).to.equal('Only members of this neighbourhood can do this.');
    expect($<HTMLInputElement>(el, '#post-panel input[name="title"]')!.value).to.equal('Scie circulaire');
  });

  describe('reply', () => {
    it('sends "I’m interested" and confirms who it went to', async () => {
      const el = await board();
      await loaded(el);
      const li = await openAction(el, 'sm-01', 'interested');
      expect(el.shadowRoot!.activeElement).to.equal(within(li, 'textarea[name="message"]'));
      expect(textOf(within(li, 'label[for="reply-sm-01-message"]'))).to.equal('Your message to David R.');
      await expect(el).to.be.accessible();
      // Empty message: caught in the browser.
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      await until(() => textOf(within(li, '.field-error')) === 'Please fill in this field.', 'empty message');
      expect(within(li, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');

      type(within(li, 'textarea[name="message"]') as HTMLTextAreaElement, 'Bonjour, je peux passer samedi matin ?');
      const sent = oneEvent(el, 'partage-reply-sent');
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      const { detail } = await sent;
      expect(detail.reply.message).to.equal('Bonjour, je peux passer samedi matin ?');
      expect(detail.reply.author.displayName).to.equal('Morgane L.');
      await until(() => !!within(li, '[part="confirmation"]'), 'confirmation');
      expect(textOf(within(li, '[part="confirmation"]'))).to.equal('Your message was sent to David R.');
      expect(el.shadowRoot!.activeElement).to.equal(within(li, '[part="confirmation"]'));
      expect(textOf(within(li, '.replies'))).to.equal('3 replies');
      expect(within(li, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says when the listing closed meanwhile (409) and shows it closed', async () => {
      const el = await board();
      await loaded(el);
      const li = await openAction(el, 'sm-01', 'interested');
      backend.store.listings.find((l) => l.listing.id === 'sm-01')!.listing.status = 'closed';
      type(within(li, 'textarea[name="message"]') as HTMLTextAreaElement, 'Encore disponible ?');
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      await until(() => textOf(within(li, '[role="alert"]')) !== '', 'closed alert');
      expect(textOf(within(li, '[role="alert"]'))).to.equal('This listing is closed and no longer takes replies.');
      expect(textOf(within(li, '[part~="status"]'))).to.equal('Closed');
      expect(within(li, '[part~="interested"]')).to.equal(null);
      expect(within<HTMLTextAreaElement>(li, 'textarea')!.value).to.equal('Encore disponible ?');
      await expect(el).to.be.accessible();
    });

    it('on an expired token asks to sign in for this listing, then sends the same message', async () => {
      const el = await board('demo-member-expired');
      await loaded(el);
      const li = await openAction(el, 'sm-03', 'interested');
      type(within(li, 'textarea[name="message"]') as HTMLTextAreaElement, 'Pour ma nièce, merci !');
      const signIn = oneEvent(el, 'partage-sign-in-request');
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      expect((await signIn).detail).to.deep.equal({
        reason: 'reply',
        neighbourhoodId: SAINT_MALO,
        expired: true,
        listingId: 'sm-03',
      });
      await until(() => textOf(within(li, '[role="alert"]')).startsWith('Your session has expired'), 'expired');
      expect(within<HTMLTextAreaElement>(li, 'textarea')!.value).to.equal('Pour ma nièce, merci !');
      await expect(el).to.be.accessible();
      const sent = oneEvent(el, 'partage-reply-sent');
      el.memberToken = MORGANE;
      expect((await sent).detail.reply.message).to.equal('Pour ma nièce, merci !');
      await until(() => textOf(within(li, '[part="confirmation"]')) === 'Your message was sent to Claire D.', 'sent');
    });
  });

  describe('report', () => {
    it('needs a reason, then thanks the member', async () => {
      const el = await board();
      await loaded(el);
      const li = await openAction(el, 'sm-05', 'report');
      expect(textOf(within(li, 'legend'))).to.equal('Why are you reporting this listing?');
      expect([...li.querySelectorAll('input[name="reason"]')].map((r) => textOf(r.parentElement))).to.deep.equal([
        'Spam or advertising',
        'Inappropriate content',
        'Scam',
        'Exposes personal data',
        'Dangerous object or service',
        'Another reason',
      ]);
      await expect(el).to.be.accessible();
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      await until(() => textOf(within(li, '.field-error')) === 'Please fill in this field.', 'reason required');
      expect(el.shadowRoot!.activeElement).to.equal(within(li, 'input[name="reason"]'));

      within<HTMLInputElement>(li, 'input[name="reason"][value="scam"]')!.click();
      type(within(li, 'textarea[name="detail"]') as HTMLTextAreaElement, 'Demande un paiement à l’avance.');
      const sent = oneEvent(el, 'partage-report-sent');
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      const { detail } = await sent;
      expect(detail.report).to.include({ listingId: 'sm-05', reason: 'scam', status: 'received' });
      await until(() => !!within(li, '[part="confirmation"]'), 'thanks');
      expect(textOf(within(li, '[part="confirmation"]'))).to.equal('Thanks, the moderators will review it.');
      expect(backend.store.reports).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('on an expired token asks to sign in with reason "report"', async () => {
      const el = await board('demo-member-expired');
      await loaded(el);
      const li = await openAction(el, 'sm-05', 'report');
      within<HTMLInputElement>(li, 'input[name="reason"][value="spam"]')!.click();
      const signIn = oneEvent(el, 'partage-sign-in-request');
      within<HTMLButtonElement>(li, 'button[type="submit"]')!.click();
      expect((await signIn).detail).to.include({ reason: 'report', expired: true, listingId: 'sm-05' });
      await until(() => textOf(within(li, '[role="alert"]')).startsWith('Your session has expired'), 'expired');
      expect(within<HTMLInputElement>(li, 'input[name="reason"][value="spam"]')!.checked).to.equal(true);
    });

    it('closing a form gives focus back to its button and keeps the draft', async () => {
      const el = await board();
      await loaded(el);
      const li = await openAction(el, 'sm-02', 'interested');
      type(within(li, 'textarea[name="message"]') as HTMLTextAreaElement, 'Je la prête volontiers');
      within<HTMLButtonElement>(li, '[part="cancel"]')!.click();
      await until(() => !within(li, 'form'), 'closed');
      expect(el.shadowRoot!.activeElement).to.equal(within(li, '[part~="interested"]'));
      within<HTMLButtonElement>(li, '[part~="interested"]')!.click();
      await until(() => !!within(li, 'form'), 'reopened');
      expect(within<HTMLTextAreaElement>(li, 'textarea')!.value).to.equal('Je la prête volontiers');
    });
  });

  it('can post on the board with the keyboard alone', async function () {
    // Every key is a round trip to the test runner: slow on a busy machine.
    this.timeout(30_000);
    const wrapper = await fixture(
      html`<div>
        <button id="before">before</button>
        <partage-share-board
          api=${API}
          neighbourhood=${SAINT_MALO}
          member-token=${MORGANE}
          locale="en"
        ></partage-share-board>
      </div>`,
    );
    const el = wrapper.querySelector('partage-share-board')!;
    await loaded(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' }); // "Post a listing"
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="post-toggle"]'));
    await sendKeys({ press: 'Enter' }); // opens the form, focus on "Offer something"
    await until(
      () => el.shadowRoot!.activeElement === $(el, '#post-panel input[name="kind"]:checked'),
      'focus in form',
    );
    await sendKeys({ press: 'Tab' }); // type
    await sendKeys({ press: 'ArrowDown' }); // Give away
    await sendKeys({ press: 'Tab' }); // category
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowDown' }); // …Books
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Polars à donner' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // no description
    await sendKeys({ type: 'Intra-Muros' });
    const created = oneEvent(el, 'partage-listing-created');
    await sendKeys({ press: 'Enter' });
    const { detail } = await created;
    expect(detail.listing).to.include({ kind: 'offer', type: 'give', category: 'books', title: 'Polars à donner' });
    await until(() => titles(el)[0] === 'Polars à donner', 'on the board');
    // Focus went to the confirmation; Tab reaches "Close", which returns focus to the toggle.
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#post-panel [part="confirmation"]'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="close-form"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement === $(el, '[part~="post-toggle"]'), 'focus back on the toggle');
  });
});
