import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { PledgeDataSource } from '../../core/data/pledges-source.js';
import { PartageElement } from '../../core/element/partage-element.js';
import type { PledgeCreatedDetail, RewardSelectDetail } from '../../core/element/events.js';
import { useMockBackend } from '../../../test/support/campaign-test-kit.js';
import { PledgeAnswers } from './pledge-answers.js';
import { answerRules } from './pledge-answer-rules.js';
import { IDS } from './pledge-fields.js';
import type { CheckoutTarget } from './pledge-form.events.js';
import { messages } from './pledge-form.messages.js';
import { messages as interactionMessages } from './pledge-interaction.messages.js';
import type { PledgeMessages } from './pledge-texts.js';
import { PledgeSubmission } from './pledge-submission.js';
import { FIELDS } from './pledge-values.js';

/**
 * The pledge form's two state objects, each driven by a minimal host element (no form view):
 * what they do to the host (renders, events, focus) and to the backend (requests, keys).
 */

const BASE = 'https://api.submission.test/v1';
const { backend, worker } = useMockBackend(BASE);

/** The smallest host the controllers accept: the data source, the two controllers, a trace of renders. */
class SubmissionHost extends PartageElement<PledgeMessages> {
  protected readonly catalogue = {
    en: { ...messages.en, ...interactionMessages.en },
    fr: { ...messages.fr, ...interactionMessages.fr },
  };
  campaign = 'atelier-ceramique';
  checkoutTarget: CheckoutTarget = '_self';
  readonly data: PledgeDataSource = new PledgeDataSource(this, {
    campaign: () => this.campaign,
    follow: () => false,
  });
  readonly answers = new PledgeAnswers(this, this.data, answerRules);
  readonly submission = new PledgeSubmission(this, this.data, this.answers);
  /** What each render saw: whether a pledge was on its way. */
  readonly seen: boolean[] = [];

  protected override render() {
    this.seen.push(this.submission.sending);
    return html`${FIELDS.map((f) => html`<input id=${IDS[f]} />`)}
      <p id="pf-outcome" tabindex="-1"></p>
      <p id="pf-closed" tabindex="-1"></p>`;
  }
}
customElements.define('test-pledge-submission-host', SubmissionHost);

async function host(): Promise<SubmissionHost> {
  const el = await fixture<SubmissionHost>(
    html`<test-pledge-submission-host api=${BASE} locale="en"></test-pledge-submission-host>`,
  );
  await waitUntil(() => el.data.current, 'campaign loaded', { timeout: 5000 });
  return el;
}

function fill(el: SubmissionHost, amount = '42'): void {
  el.answers.set('amount', amount);
  el.answers.set('name', 'Camille Durand');
  el.answers.set('email', 'camille@example.org');
}

/** The Idempotency-Key of every pledge request sent. */
function watchKeys(): (string | null)[] {
  const keys: (string | null)[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/pledges'))
      keys.push(request.headers.get('Idempotency-Key'));
  };
  worker().events.on('request:start', listener);
  cleanups.push(() => worker().events.removeListener('request:start', listener));
  return keys;
}
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const focusedId = (el: SubmissionHost) => (el.shadowRoot!.activeElement as HTMLElement | null)?.id;

describe('PledgeSubmission (reactive controller)', () => {
  it('sends one pledge however often submit is called while it is on its way, rendering through its host', async () => {
    const keys = watchKeys();
    const el = await host();
    const before = backend.store.pledges.length;
    fill(el);
    const created = oneEvent(el, 'partage-pledge-created');
    const first = el.submission.submit();
    const second = el.submission.submit();
    expect(el.submission.sending).to.be.true;
    await el.updateComplete;
    expect(el.seen.at(-1), 'a render saw the pledge on its way').to.be.true;
    await Promise.all([first, second]);
    expect(keys).to.have.length(1);
    expect(backend.store.pledges.length).to.equal(before + 1);
    expect(el.submission.sending).to.be.false;
    expect(el.submission.result?.pledge.status).to.equal('confirmed');
    expect(el.submission.result?.body.amount).to.deep.equal({ amount: 4200, currency: 'EUR' });
    const detail = ((await created) as CustomEvent<PledgeCreatedDetail>).detail;
    expect(detail.pledge.id).to.equal(el.submission.result?.pledge.id);
    expect(focusedId(el)).to.equal('pf-outcome');
    // The outcome replaced the form: a field that loses focus now changes nothing.
    expect(el.answers.closed).to.be.true;
    el.answers.leave('amount');
    expect(el.answers.values.amount).to.equal('42');
  });

  it('retries the same answers with the same key, and changed answers (or a refused key) with a new one', async () => {
    const keys = watchKeys();
    const el = await host();
    fill(el);
    backend.failNext('createPledge', 500);
    await el.submission.submit();
    expect(el.answers.notice).to.deep.include({ retry: true });
    expect(el.submission.result).to.equal(undefined);
    backend.failNext('createPledge', 500);
    await el.submission.submit();
    expect(keys[1]).to.equal(keys[0]);

    el.answers.set('amount', '43');
    expect(el.answers.notice, 'an edit clears the notice').to.equal(undefined);
    worker().use(
      http.post(
        `${BASE}/campaigns/:id/pledges`,
        () =>
          HttpResponse.json(
            {
              type: 'https://partage.example.org/problems/idempotency-key-reused',
              title: 'This Idempotency-Key was used for another request',
              status: 422,
              code: 'idempotency_key_reused',
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    await el.submission.submit();
    expect(keys[2]).to.not.equal(keys[1]);
    expect(el.answers.notice).to.deep.include({ retry: true });
    await el.submission.submit();
    expect(keys[3], 'a refused key is never sent again').to.not.equal(keys[2]);
    expect(el.submission.result?.pledge.status).to.equal('confirmed');
    expect(new Set(keys).size).to.equal(3);
  });

  it('maps refusals onto the answers: fields to fix, a sold-out reward, a closed campaign', async () => {
    const keys = watchKeys();
    const el = await host();
    await el.submission.submit();
    expect(keys, 'nothing sent for invalid answers').to.have.length(0);
    expect(Object.keys(el.answers.errors)).to.deep.equal(['amount', 'name', 'email']);
    expect(el.answers.showSummary).to.be.true;
    expect(focusedId(el)).to.equal(IDS.amount);

    fill(el, '150');
    el.answers.apply('ceramique-service-the');
    backend.failNext('createPledge', 409, 'reward_sold_out');
    await el.submission.submit();
    expect(el.answers.errors.rewardId).to.deep.equal({ kind: 'soldOut', title: 'Un service à thé' });
    expect(el.data.current!.rewards.find((r) => r.id === 'ceramique-service-the')!.availability).to.equal('sold_out');
    expect(focusedId(el)).to.equal(IDS.rewardId);

    el.answers.apply('');
    backend.failNext('createPledge', 409, 'campaign_closed');
    await el.submission.submit();
    expect(el.submission.closedNow).to.be.true;
    expect(focusedId(el)).to.equal('pf-closed');
    expect(el.answers.closed).to.be.true;

    // Another campaign (or another pledge) starts over: open, empty, a new key next time.
    el.submission.reset({ name: 'Camille Durand' });
    await el.updateComplete;
    expect(el.submission.closedNow).to.be.false;
    expect(el.answers.closed).to.be.false;
    expect(el.answers.errors).to.deep.equal({});
    expect(el.answers.values).to.include({ name: 'Camille Durand', amount: '', rewardId: '' });
  });
});

describe('PledgeAnswers (state object driven by its host)', () => {
  it('shows a field’s errors once the reader left it, and keeps a server’s word until the field is edited', async () => {
    const el = await host();
    el.answers.set('amount', 'abc');
    expect(el.answers.errors, 'not left yet').to.deep.equal({});
    el.answers.leave('amount');
    expect(el.answers.errors.amount?.kind).to.equal('amountInvalid');
    el.answers.set('amount', '12.5');
    el.answers.leave('amount');
    expect(el.answers.values.amount, 'tidied the locale’s way').to.equal('12.50');
    expect(el.answers.errors).to.deep.equal({});

    el.answers.report({
      errors: { email: { kind: 'server', message: 'No mail here.' } },
      notice: undefined,
      showSummary: true,
    });
    el.answers.set('name', 'Camille');
    expect(el.answers.errors.email, 'another field edited').to.deep.equal({ kind: 'server', message: 'No mail here.' });
    el.answers.set('email', 'camille@example.org');
    expect(el.answers.errors.email).to.equal(undefined);
  });

  it('raises the amount to a reward’s minimum, and shares a reward the reader picks', async () => {
    const el = await host();
    el.answers.set('amount', '10');
    el.answers.apply('ceramique-tasse');
    expect(el.answers.values).to.include({ rewardId: 'ceramique-tasse', amount: '25' });
    el.answers.apply('no-such-reward');
    expect(el.answers.values.rewardId, 'an unknown reward means none').to.equal('');

    const shared = oneEvent(el, 'partage-reward-select');
    void el.answers.pick('ceramique-bol-atelier', true);
    const { detail } = (await shared) as CustomEvent<RewardSelectDetail>;
    expect(detail).to.deep.equal({
      campaignId: el.data.current!.campaign.id,
      rewardId: 'ceramique-bol-atelier',
      minimum: { amount: 6000, currency: 'EUR' },
    });
    await waitUntil(() => focusedId(el) === IDS.rewardId, 'focus back on the reward select');
  });
});
