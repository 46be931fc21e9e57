import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import './define.js';
import '../provider/define.js';
import type { PartageListingForm } from './listing-form.js';
import { problem } from '../../mock/problem.js';
import {
  $,
  $$,
  choose,
  dateIn,
  MORGANE,
  SAINT_MALO,
  textOf,
  type,
  until,
  useNeighbourhoodBackend,
} from '../../../test/support/neighbourhood-helpers.js';

const API = 'https://listing-form.partage.test/v1';
const { backend, worker } = useNeighbourhoodBackend(API);

async function form(token: string | null = MORGANE, locale = 'en'): Promise<PartageListingForm> {
  return fixture<PartageListingForm>(
    token
      ? html`<partage-listing-form
          api=${API}
          neighbourhood=${SAINT_MALO}
          member-token=${token}
          locale=${locale}
        ></partage-listing-form>`
      : html`<partage-listing-form api=${API} neighbourhood=${SAINT_MALO} locale=${locale}></partage-listing-form>`,
  );
}

/** Fills every field the way a reader would (input and change events). */
function fill(
  el: PartageListingForm,
  overrides: Partial<Record<'title' | 'place' | 'description' | 'expires', string>> = {},
) {
  $<HTMLInputElement>(el, 'input[name="kind"][value="offer"]')!.click();
  choose($(el, 'select[name="type"]'), 'lend');
  choose($(el, 'select[name="category"]'), 'tools');
  type($(el, 'input[name="title"]'), overrides.title ?? 'Scie circulaire');
  type(
    $(el, 'textarea[name="description"]'),
    overrides.description ?? 'Avec une lame neuve, à rendre sous huit jours.',
  );
  type($(el, 'input[name="place.label"]'), overrides.place ?? 'Rocabey');
  if (overrides.expires !== undefined) type($(el, 'input[name="expiresAt"]'), overrides.expires);
}

const alertText = (el: PartageListingForm) => textOf($(el, '[role="alert"]'));
const submit = (el: PartageListingForm) => $<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
const valueOf = (el: PartageListingForm, name: string) => $<HTMLInputElement>(el, `[name="${name}"]`)!.value;

describe('<partage-listing-form>', () => {
  it('shows a sign-in prompt without a member token, and asks the host page to sign in', async () => {
    const el = await form(null);
    expect($(el, 'form')).to.equal(null);
    expect(textOf(el)).to.contain('Only members of the neighbourhood can post');
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'partage-sign-in-request');
    $<HTMLButtonElement>(el, '[part="sign-in"]')!.click();
    const { detail } = await event;
    expect(detail).to.deep.equal({ reason: 'post', neighbourhoodId: SAINT_MALO, expired: false });
    // Signed in by the host page: the form takes the prompt's place, focus at its start.
    el.memberToken = MORGANE;
    await until(() => el.shadowRoot!.activeElement === $(el, 'input[name="kind"][value="offer"]'), 'focus in the form');
  });

  it('checks the fields in the browser: errors tied to their fields, one alert, focus on the first', async () => {
    const el = await form();
    await expect(el).to.be.accessible();
    let requests = 0;
    worker().events.on('request:start', () => requests++);
    submit(el);
    await until(() => alertText(el) !== '', 'alert');
    expect(alertText(el)).to.equal('4 fields need your attention.');
    const invalid = $$(el, '[aria-invalid="true"]').map((c) => c.getAttribute('name'));
    expect(invalid).to.deep.equal(['type', 'category', 'title', 'place.label']);
    const title = $<HTMLInputElement>(el, 'input[name="title"]')!;
    const describedBy = title.getAttribute('aria-describedby')!.split(' ');
    const error = describedBy.map((id) => $(el, `#${id}`)).find((n) => n?.classList.contains('field-error'));
    expect(textOf(error)).to.equal('Please fill in this field.');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('type');
    await expect(el).to.be.accessible();

    // A too-short title and an expiry beyond 90 days are caught before anything is sent.
    fill(el, { title: 'Sc', expires: dateIn(120) });
    submit(el);
    await until(() => alertText(el) === '2 fields need your attention.', 'second alert');
    expect(textOf($(el, '#listing-title-error'))).to.equal('Please write at least 3 characters.');
    expect(textOf($(el, '#listing-expires-error'))).to.equal('Please pick a date within 90 days.');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('title');
    expect(requests).to.equal(0);
  });

  it('publishes a listing signed with the member’s display name and confirms it', async () => {
    const el = await form();
    fill(el, { expires: dateIn(10) });
    const created = oneEvent(el, 'partage-listing-created');
    submit(el);
    const { detail } = await created;
    expect(detail.listing.title).to.equal('Scie circulaire');
    expect(detail.listing.author).to.deep.equal({ displayName: 'Morgane L.' });
    expect(detail.listing.place).to.deep.equal({ label: 'Rocabey' });
    expect(detail.listing.expiresAt).to.be.a('string');
    await until(() => !!$(el, '[part="confirmation"]'), 'confirmation');
    expect(textOf($(el, '[part="confirmation"]'))).to.equal('Your listing “Scie circulaire” is published.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="confirmation"]'));
    expect(backend.store.listings.some((l) => l.listing.id === detail.listing.id)).to.equal(true);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="post-another"]')!.click();
    await until(() => !!$(el, 'form'), 'a new form');
    expect(valueOf(el, 'title')).to.equal('');
  });

  it('keeps everything typed on an expired token, asks to sign in again, then sends by itself', async () => {
    const el = await form('demo-member-expired');
    fill(el, { expires: dateIn(5) });
    const signIn = oneEvent(el, 'partage-sign-in-request');
    submit(el);
    const { detail } = await signIn;
    expect(detail).to.deep.equal({ reason: 'post', neighbourhoodId: SAINT_MALO, expired: true });
    await until(() => alertText(el).includes('Your session has expired'), 'expired alert');
    expect(valueOf(el, 'title')).to.equal('Scie circulaire');
    expect(valueOf(el, 'description')).to.equal('Avec une lame neuve, à rendre sous huit jours.');
    expect(valueOf(el, 'place.label')).to.equal('Rocabey');
    expect(valueOf(el, 'type')).to.equal('lend');
    expect(valueOf(el, 'category')).to.equal('tools');
    expect(valueOf(el, 'expiresAt')).to.equal(dateIn(5));
    await expect(el).to.be.accessible();

    // The host page signs the member in and hands over a fresh token: the listing goes out.
    const created = oneEvent(el, 'partage-listing-created');
    el.memberToken = MORGANE;
    const { detail: done } = await created;
    expect(done.listing.title).to.equal('Scie circulaire');
    await until(() => !!$(el, '[part="confirmation"]'), 'confirmation');
  });

  it('maps a 422 from the server onto the fields', async () => {
    worker().use(
      http.post(`${API}/neighbourhoods/:id/listings`, () =>
        problem(422, 'validation_failed', 'title: already posted', {
          errors: [
            { path: 'title', message: 'You already posted this title today.' },
            { path: 'place', message: 'Unknown area.' },
          ],
        }),
      ),
    );
    const el = await form();
    fill(el);
    submit(el);
    await until(() => alertText(el) !== '', 'alert');
    expect(alertText(el)).to.equal('Some fields were refused. Please check them.');
    expect(textOf($(el, '#listing-title-error'))).to.equal('You already posted this title today.');
    expect(textOf($(el, '#listing-place-error'))).to.equal('Unknown area.');
    expect($(el, 'input[name="place.label"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('title');
    expect(valueOf(el, 'title')).to.equal('Scie circulaire');
    await expect(el).to.be.accessible();
  });

  it('maps a real server rule (expiry after the server’s clock) onto its field', async () => {
    // The server's clock runs a month ahead of the reader's: the date looks fine here, not there.
    worker().use(
      http.post(`${API}/neighbourhoods/:id/listings`, async ({ request }) => {
        const body = (await request.json()) as { expiresAt?: string };
        const serverNow = Date.now() + 30 * 86_400_000;
        return body.expiresAt && Date.parse(body.expiresAt) <= serverNow
          ? problem(422, 'validation_failed', 'expiresAt: must be in the future', {
              errors: [{ path: 'expiresAt', message: 'must be in the future' }],
            })
          : undefined;
      }),
    );
    const el = await form();
    fill(el, { expires: dateIn(3) });
    submit(el);
    await until(() => textOf($(el, '#listing-expires-error')) !== '', 'expiry error');
    expect(textOf($(el, '#listing-expires-error'))).to.equal('must be in the future');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('expiresAt');
  });

  it('explains a rate limit with the seconds to wait, and keeps the form', async () => {
    backend.failNext('createListing', 429, { retryAfter: 42 });
    const el = await form();
    fill(el);
    submit(el);
    await until(() => alertText(el) !== '', 'alert');
    expect(alertText(el)).to.equal('You have sent a lot in a short time. Please wait 42 seconds before trying again.');
    expect($(el, 'button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(valueOf(el, 'title')).to.equal('Scie circulaire');
    await expect(el).to.be.accessible();
  });

  it('says so when offline, loses nothing, and sends once back online', async () => {
    const el = await form();
    fill(el);
    backend.setOffline(true);
    submit(el);
    await until(() => alertText(el) !== '', 'alert', 8000);
    expect(alertText(el)).to.equal('You seem to be offline. Nothing is lost: send again once you are back online.');
    expect(valueOf(el, 'title')).to.equal('Scie circulaire');
    await expect(el).to.be.accessible();
    backend.setOffline(false);
    const created = oneEvent(el, 'partage-listing-created');
    submit(el);
    await created;
  });

  it('speaks French', async () => {
    const el = await form(MORGANE, 'fr');
    expect(textOf($(el, 'h2'))).to.equal('Publier une annonce');
    el.headingLevel = 3;
    await el.updateComplete;
    expect(textOf($(el, 'h3'))).to.equal('Publier une annonce');
    expect(textOf($(el, 'label[for="listing-place"]'))).to.equal('Secteur');
    expect(textOf($(el, '#listing-place-hint'))).to.equal('Un quartier ou un nom de rue, jamais votre adresse.');
    submit(el);
    await until(() => alertText(el) !== '', 'alert');
    expect(alertText(el)).to.equal('4 champs sont à corriger.');
    await expect(el).to.be.accessible();
  });

  it('takes the member token from the provider’s callback, asked at each post', async () => {
    let calls = 0;
    const tokenSource = () => {
      calls++;
      return Promise.resolve(MORGANE);
    };
    const wrapper = await fixture(
      html`<partage-provider api=${API} locale="en" .memberToken=${tokenSource}>
        <partage-listing-form neighbourhood=${SAINT_MALO}></partage-listing-form>
      </partage-provider>`,
    );
    const el = wrapper.querySelector('partage-listing-form')!;
    await until(() => !!$(el, 'form'), 'form under the provider');
    fill(el);
    const created = oneEvent(el, 'partage-listing-created');
    submit(el);
    expect((await created).detail.listing.author.displayName).to.equal('Morgane L.');
    expect(calls).to.equal(1);
  });

  it('can be filled in and published with the keyboard alone', async function () {
    // Every key is a round trip to the test runner: slow on a busy machine.
    this.timeout(30_000);
    const wrapper = await fixture(
      html`<div>
        <button id="before">before</button>
        <partage-listing-form
          api=${API}
          neighbourhood=${SAINT_MALO}
          member-token=${MORGANE}
          locale="en"
        ></partage-listing-form>
      </div>`,
    );
    const el = wrapper.querySelector('partage-listing-form')!;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const created = oneEvent(el, 'partage-listing-created');
    await sendKeys({ press: 'Tab' }); // the kind switch (Offer something)
    await sendKeys({ press: 'ArrowRight' }); // Ask for something
    await sendKeys({ press: 'Tab' }); // type
    await sendKeys({ press: 'ArrowDown' }); // Give away
    await sendKeys({ press: 'ArrowDown' }); // Lend
    await sendKeys({ press: 'Tab' }); // category
    await sendKeys({ press: 'ArrowDown' }); // Tools
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Ponceuse' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Un week-end' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Saint-Servan' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await created;
    expect(detail.listing).to.include({
      kind: 'request',
      type: 'lend',
      category: 'tools',
      title: 'Ponceuse',
    });
    expect(detail.listing.place.label).to.equal('Saint-Servan');
    await aTimeout(0);
  });
});
