import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { PartagePoll } from './poll.js';
import { $, $$, MORGANE, textOf, until, useNeighbourhoodBackend } from '../../../test/support/neighbourhood-helpers.js';
import { LIVE_RETRIES, waitForStream } from '../../../test/support/live.js';

const API = 'https://poll.partage.test/v1';
const { backend } = useNeighbourhoodBackend(API);
const INES = 'demo-member-ines'; // Rennes only

const poll = (id: string, options: { token?: string; locale?: string } = {}) =>
  fixture<PartagePoll>(
    html`<partage-poll
      api=${API}
      poll=${id}
      locale=${options.locale ?? 'en'}
      member-token=${options.token ?? ''}
    ></partage-poll>`,
  );

const loaded = (el: PartagePoll) => until(() => !!$(el, '[part="meta"]'), 'poll loaded');
/** Each result as a reader hears it: label and figures. */
const results = (el: PartagePoll) => $$(el, '[part="result"]').map((r) => textOf(r));
const vote = async (el: PartagePoll, label: string) => {
  const option = $$(el, '[part="option"]').find((o) => textOf(o) === label);
  option!.querySelector('input')!.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part="vote"]')!.click();
};

describe('<partage-poll>', () => {
  it('reserves its size with a skeleton while loading, and passes axe', async () => {
    backend.setLatency(Infinity);
    const el = await poll('sm-poll-marche');
    await until(() => $(el, 'section')?.getAttribute('aria-busy') === 'true', 'busy');
    expect($$(el, '.line-skeleton')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows an open poll as a radio group with its results as bars with counts and percentages', async () => {
    const el = await poll('sm-poll-marche');
    await loaded(el);
    expect(textOf($(el, '[part="question"]'))).to.equal(
      'Où installer le marché du samedi pendant les travaux de la place ?',
    );
    expect(textOf($(el, '[part="meta"]'))).to.match(/^By Mairie de Saint-Malo · Open until /);
    expect($$(el, 'input[type="radio"]')).to.have.length(3);
    expect(textOf($(el, '.voters'))).to.equal('214 people voted');
    expect(results(el)).to.deep.equal([
      'Haut de la place Brevet 98 votes, 46%',
      'Esplanade de la gare 71 votes, 33%',
      'Rue Ernest Renan, à Rocabey 45 votes, 21%',
    ]);
    expect($$(el, '[part="bar"]').every((b) => b.getAttribute('aria-hidden') === 'true')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks the host page to sign in a reader who votes without a member token', async () => {
    const el = await poll('sm-poll-marche');
    await loaded(el);
    expect(textOf($(el, '[part="notice"]'))).to.contain('Sign in to take part');
    const asked = oneEvent(el, 'partage-sign-in-request');
    await vote(el, 'Esplanade de la gare');
    const { detail } = await asked;
    expect(detail).to.deep.include({
      reason: 'vote',
      neighbourhoodId: 'saint-malo-intra-muros',
      pollId: 'sm-poll-marche',
    });
    await until(() => !!$(el, '[role="alert"]'), 'sign-in alert');
    await expect(el).to.be.accessible();
    // The host page signs the member in: the vote that waited for it is sent by itself.
    const counted = oneEvent(el, 'partage-vote');
    el.memberToken = MORGANE;
    expect((await counted).detail).to.deep.equal({ pollId: 'sm-poll-marche', optionIds: ['gare'], changed: false });
  });

  it('counts a member vote, shows it, and lets them change it with the keyboard', async () => {
    const el = await poll('sm-poll-marche', { token: MORGANE });
    await loaded(el);
    await vote(el, 'Esplanade de la gare');
    await until(() => textOf($(el, '[role="status"]')) === 'Your vote was counted.', 'counted');
    expect(textOf($(el, '.mine'))).to.equal('You voted: Esplanade de la gare.');
    expect(results(el)[1]).to.equal('Esplanade de la gare (your choice) 72 votes, 33%');
    expect(textOf($(el, '.voters'))).to.equal('215 people voted');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part="change"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!$(el, 'form'), 'form again');
    // Keyboard: the checked radio takes focus; arrows move the choice within the group.
    $<HTMLInputElement>(el, 'input:checked')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input:checked')!.value).to.equal('rocabey');
    expect(textOf($(el, '[part="vote"]'))).to.equal('Confirm my new vote');
    $<HTMLButtonElement>(el, '[part="vote"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => textOf($(el, '[role="status"]')) === 'Your vote was changed.', 'changed');
    expect(results(el).slice(1)).to.deep.equal([
      'Esplanade de la gare 71 votes, 33%',
      'Rue Ernest Renan, à Rocabey (your choice) 46 votes, 21%',
    ]);
    expect(textOf($(el, '.voters'))).to.equal('215 people voted');
  });

  it('multiple choice: checkboxes up to the maximum, results only after voting', async () => {
    const el = await poll('sm-poll-jardin', { token: MORGANE });
    await loaded(el);
    expect($$(el, 'input[type="checkbox"]')).to.have.length(4);
    expect(textOf($(el, '.hint'))).to.equal('Choose up to 2 answers.');
    expect(textOf($(el, '[part="notice"]'))).to.equal('Results are shown once you have voted.');
    expect($(el, '[part="results"]')).to.equal(null);
    const boxes = $$<HTMLInputElement>(el, 'input[type="checkbox"]');
    boxes[0]!.click();
    boxes[2]!.click();
    await el.updateComplete;
    expect(boxes[1]!.disabled && boxes[3]!.disabled, 'a third choice is not offered').to.equal(true);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="vote"]')!.click();
    await until(() => !!$(el, '[part="results"]'), 'results after voting');
    expect(results(el)).to.deep.equal([
      'Un composteur collectif (your choice) 42 votes, 66%',
      'Des bancs à l’ombre 18 votes, 28%',
      'Un potager pour les enfants (your choice) 36 votes, 56%',
      'Un récupérateur d’eau de pluie 22 votes, 34%',
    ]);
    expect($(el, '[part="change"]'), 'this poll does not allow changes').to.equal(null);
  });

  it('asks for a choice before sending', async () => {
    const el = await poll('sm-poll-marche', { token: MORGANE });
    await loaded(el);
    $<HTMLButtonElement>(el, '[part="vote"]')!.click();
    await until(() => !!$(el, '[role="alert"]'), 'alert');
    expect(textOf($(el, '[role="alert"]'))).to.equal('Please choose an answer first.');
    expect($(el, 'fieldset')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('shows a closed poll with its results and no form, in French', async () => {
    const el = await poll('sm-poll-sillon', { locale: 'fr' });
    await loaded(el);
    expect(textOf($(el, '[part="meta"]'))).to.match(/Clos le/);
    expect($(el, 'form')).to.equal(null);
    expect(textOf($(el, '.voters'))).to.equal('425 personnes ont voté');
    expect(results(el)[0]).to.match(/^Oui, tous les dimanches 187 voix, 44\s?%$/);
    await expect(el).to.be.accessible();
  });

  it('shows an upcoming poll without form nor results', async () => {
    const el = await poll('sm-poll-noel');
    await loaded(el);
    expect(textOf($(el, '[part="meta"]'))).to.match(/Opens on/);
    expect($(el, 'form')).to.equal(null);
    expect(textOf($(el, '[part="notice"]'))).to.equal('Voting opens soon. Come back then!');
    await expect(el).to.be.accessible();
  });

  it('refuses a vote that arrives after closing and shows the poll as it is now', async () => {
    const el = await poll('sm-poll-marche', { token: MORGANE });
    await loaded(el);
    backend.store.civic.closePoll(backend.store.civic.findPoll('sm-poll-marche')!);
    await vote(el, 'Esplanade de la gare');
    await until(() => !$(el, 'form'), 'form gone');
    expect(textOf($(el, '[part="meta"]'))).to.match(/Closed on/);
    expect(textOf($(el, '.voters'))).to.equal('214 people voted');
    await expect(el).to.be.accessible();
  });

  it('tells a member of another neighbourhood that they cannot vote', async () => {
    const el = await poll('sm-poll-marche', { token: INES });
    await loaded(el);
    expect($(el, 'form')).to.equal(null);
    expect(textOf($(el, '[part="notice"]'))).to.equal('Only members of this neighbourhood can vote in this poll.');
    await expect(el).to.be.accessible();
  });

  it('updates the counts live as neighbours vote', async () => {
    const el = await poll('sm-poll-marche');
    await loaded(el);
    await waitForStream(backend, 'neighbourhoods/saint-malo-intra-muros', 'no live stream opened');
    const david = backend.store.memberByToken('demo-member-david')!;
    backend.store.civic.vote(backend.store.civic.findPoll('sm-poll-marche')!, david, ['brevet-nord']);
    await until(() => textOf($(el, '.voters')) === '215 people voted', 'live count');
    expect(results(el)[0]).to.equal('Haut de la place Brevet 99 votes, 46%');
  }).retries(LIVE_RETRIES);

  it('shows a readable error with a retry, and passes axe', async () => {
    backend.failNext('getPoll', 503, { times: 3 }); // the client retries GETs up to 3 times
    const el = await poll('sm-poll-marche');
    await until(() => !!$(el, '[role=alert]'), 'error shown');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await loaded(el);
  });

  it('shows not found for an unknown poll', async () => {
    const el = await poll('no-such-poll');
    await until(() => !!$(el, '[role=alert]'), 'error shown');
    expect(textOf($(el, '[role=alert] p'))).to.equal('This content could not be found.');
  });
});
