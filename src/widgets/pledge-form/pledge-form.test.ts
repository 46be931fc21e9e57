import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import type { PledgeResult } from '../../contract/index.js';
import { parseAmount } from './amount.js';
import { formatAmountInput } from './amount-format.js';
import './define.js';
import type { CheckoutDetail, PledgeCreatedDetail } from './pledge-form.events.js';
import type { PartagePledgeForm } from './pledge-form.js';
import '../provider/define.js';
import type { PartageProvider } from '../provider/provider.js';
import {
  hasState,
  norm,
  part,
  parts,
  textOf,
  useMockBackend,
  waitForPart,
} from '../../../test/support/campaign-test-kit.js';
import { LIVE_RETRIES, waitForStream } from '../../../test/support/live.js';

const BASE = 'https://api.pledge.test/v1';
const { backend, worker } = useMockBackend(BASE);

type Control = HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;
const ID = {
  reward: 'pf-reward',
  amount: 'pf-amount',
  name: 'pf-name',
  email: 'pf-email',
  message: 'pf-message',
} as const;

async function pledgeForm(
  campaign = 'atelier-ceramique',
  locale = 'fr',
  attrs: { reward?: string; target?: string } = {},
) {
  const el = await fixture<PartagePledgeForm>(
    html`<partage-pledge-form
      api=${BASE}
      campaign=${campaign}
      locale=${locale}
      reward=${ifDefined(attrs.reward)}
      checkout-target=${attrs.target ?? '_self'}
    ></partage-pledge-form>`,
  );
  await waitUntil(() => part(el, 'form') || part(el, 'closed'), `${campaign} form loaded`, { timeout: 5000 });
  return el;
}

const control = (el: Element, name: keyof typeof ID) => el.shadowRoot!.querySelector<Control>(`#${ID[name]}`)!;
const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const alertText = (el: Element) => norm(part(el, 'alert')!.textContent);
const errorOf = (el: Element, name: keyof typeof ID) => {
  const c = control(el, name);
  const ids = (c.getAttribute('aria-describedby') ?? '').split(' ');
  const error = ids.map((id) => el.shadowRoot!.getElementById(id)).find((n) => n?.matches('[part~="field-error"]'));
  return error ? norm(error.textContent) : null;
};

/** Types into fields the way `input` events do (fast); the keyboard test uses real keys. */
async function fill(
  el: PartagePledgeForm,
  values: { reward?: string; amount?: string; name?: string; email?: string; message?: string; anonymous?: boolean },
) {
  if (values.reward !== undefined) {
    const select = control(el, 'reward');
    // A reader reaches the select first (focus, a tap or a key): the form's first use.
    select.focus();
    select.value = values.reward;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
  }
  for (const name of ['amount', 'name', 'email', 'message'] as const) {
    const value = values[name];
    if (value === undefined) continue;
    const input = control(el, name);
    input.value = value;
    // Composed, as typing's own `input` events are: the host hears them (the form's first use).
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('blur'));
    await el.updateComplete;
  }
  if (values.anonymous) {
    el.shadowRoot!.querySelector<HTMLInputElement>('#pf-anonymous')!.click();
    await el.updateComplete;
  }
}

const submit = async (el: PartagePledgeForm) => {
  part(el, 'submit')!.click();
  await el.updateComplete;
};

/** Every pledge request the page sends, with its Idempotency-Key and body, read as msw sees it. */
function watchPledges() {
  const seen: { key: string | null; body: Promise<unknown> }[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/pledges')) {
      seen.push({ key: request.headers.get('Idempotency-Key'), body: request.clone().json() });
    }
  };
  worker().events.on('request:start', listener);
  afterEachCleanups.push(() => worker().events.removeListener('request:start', listener));
  return seen;
}
const afterEachCleanups: (() => void)[] = [];
afterEach(() => afterEachCleanups.splice(0).forEach((f) => f()));

const valid = { name: 'Camille Durand', email: 'camille@example.org' };

describe('partage-pledge-form: amounts typed in the reader’s locale', () => {
  const eur = (text: string, locale = 'fr') => parseAmount(text, locale, 'EUR');
  it('reads whole amounts, decimals with a comma or a point, and grouped thousands', () => {
    expect(eur('25')).to.deep.equal({ ok: true, minor: 2500 });
    expect(eur('25,50')).to.deep.equal({ ok: true, minor: 2550 });
    expect(eur('25.50')).to.deep.equal({ ok: true, minor: 2550 });
    expect(eur('25,5')).to.deep.equal({ ok: true, minor: 2550 });
    expect(eur('1 267')).to.deep.equal({ ok: true, minor: 126_700 });
    expect(eur('1\u202f267,50')).to.deep.equal({ ok: true, minor: 126_750 });
    expect(eur('1.267')).to.deep.equal({ ok: true, minor: 126_700 });
    expect(eur('1.267,50')).to.deep.equal({ ok: true, minor: 126_750 });
    expect(eur('1,267.50', 'en')).to.deep.equal({ ok: true, minor: 126_750 });
    expect(eur('1,267', 'en')).to.deep.equal({ ok: true, minor: 126_700 });
    expect(eur('25.5', 'en')).to.deep.equal({ ok: true, minor: 2550 });
    expect(eur('25,50', 'en')).to.deep.equal({ ok: true, minor: 2550 });
    expect(eur('1.000.000')).to.deep.equal({ ok: true, minor: 100_000_000 });
    expect(eur('25 €')).to.deep.equal({ ok: true, minor: 2500 });
    expect(eur('€25', 'en')).to.deep.equal({ ok: true, minor: 2500 });
    expect(eur('19,99')).to.deep.equal({ ok: true, minor: 1999 });
    expect(eur('25,500')).to.deep.equal({ ok: true, minor: 2550 });
    expect(parseAmount('1,267', 'en', 'JPY')).to.deep.equal({ ok: true, minor: 1267 });
  });

  it('refuses what is not an amount, and cents that do not exist', () => {
    expect(eur('')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(eur('  € ')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(eur('abc')).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(eur('-25')).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(eur('25,')).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(eur('2e3')).to.deep.equal({ ok: false, problem: 'invalid' });
    expect(eur('25,505')).to.deep.equal({ ok: false, problem: 'precision' });
    expect(eur('1.267', 'en')).to.deep.equal({ ok: false, problem: 'precision' });
    expect(parseAmount('25.5', 'en', 'JPY')).to.deep.equal({ ok: false, problem: 'precision' });
    expect(eur('99999999999999999999')).to.deep.equal({ ok: false, problem: 'invalid' });
  });

  it('writes amounts back the locale’s way, and reads them again', () => {
    expect(norm(formatAmountInput(126_700, 'fr', 'EUR'))).to.equal('1 267');
    expect(formatAmountInput(2550, 'fr', 'EUR')).to.equal('25,50');
    expect(formatAmountInput(126_750, 'en', 'EUR')).to.equal('1,267.50');
    for (const [minor, locale] of [
      [126_750, 'fr'],
      [126_750, 'en'],
      [5, 'de'],
      [100_000_000, 'fr'],
    ] as const) {
      expect(parseAmount(formatAmountInput(minor, locale, 'EUR'), locale, 'EUR')).to.deep.equal({ ok: true, minor });
    }
  });
});

describe('partage-pledge-form', () => {
  it('reserves its size with an aria-busy skeleton while loading', async () => {
    backend.setLatency(Infinity);
    const el = await fixture<PartagePledgeForm>(
      html`<partage-pledge-form api=${BASE} campaign="atelier-ceramique" locale="fr"></partage-pledge-form>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'skeleton');
    expect(norm(el.shadowRoot!.querySelector('[aria-busy="true"]')!.textContent)).to.equal('Chargement…');
    expect(hasState(el, 'loading')).to.be.true;
    expect(el.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();
  });

  it('is a labelled form with the campaign’s rules, rewards, and no card fields', async () => {
    const el = await pledgeForm();
    const form = el.shadowRoot!.querySelector('form')!;
    expect(norm(el.shadowRoot!.getElementById(form.getAttribute('aria-labelledby')!)!.textContent)).to.equal(
      'Soutenir ce projet',
    );
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => norm(l.textContent));
    expect(labels).to.deep.equal([
      'Contrepartie',
      'Votre contribution (€)',
      'Votre nom',
      'Adresse e-mail',
      'Masquer mon nom dans la liste publique des contributeurs',
      'Message public (facultatif)',
    ]);
    expect(textOf(el, '#pf-amount-hint')).to.equal('Minimum : 5 €, maximum 5 000 €.');
    expect(control(el, 'amount').getAttribute('inputmode')).to.equal('decimal');
    expect(control(el, 'email').type).to.equal('email');
    const options = [...control(el, 'reward').options].map((o) => [norm(o.textContent), o.disabled]);
    expect(options).to.deep.equal([
      ['Sans contrepartie', false],
      ['Merci ! (5 € ou plus)', false],
      ['Une tasse émaillée (25 € ou plus)', false],
      ['Un bol et un atelier découverte (épuisée)', true],
      ['Un service à thé (120 € ou plus)', false],
      ['Une journée à l’atelier (250 € ou plus)', false],
      ['Une pièce unique signée (indisponible)', true],
    ]);
    // Payment happens on the platform's checkout: nothing here could take card data.
    const names = [...form.elements].map((e) => (e as HTMLInputElement).name).filter(Boolean);
    expect(names).to.deep.equal(['rewardId', 'amount', 'name', 'email', 'anonymous', 'message']);
    expect(form.querySelector('[autocomplete^="cc-"]')).to.equal(null);
    expect(textOf(el, '[part~="submit"]')).to.equal('Je soutiens');
    expect(part(el, 'alert')!.getAttribute('role')).to.equal('alert');
    expect(parts(el, 'alert')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('checks the form on submit: one alert, aria-invalid, described errors, focus on the first invalid field', async () => {
    const seen = watchPledges();
    const el = await pledgeForm();
    await submit(el);
    expect(alertText(el)).to.equal(
      'Vérifiez ces 3 champs : Votre contribution (€) : Saisissez un montant. Votre nom : Saisissez votre nom. Adresse e-mail : Saisissez votre adresse e-mail.',
    );
    expect(focused(el)).to.equal(control(el, 'amount'));
    expect(control(el, 'amount').getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, 'amount').getAttribute('aria-describedby')).to.equal('pf-amount-hint pf-amount-error');
    expect(errorOf(el, 'amount')).to.equal('Saisissez un montant.');
    expect(errorOf(el, 'name')).to.equal('Saisissez votre nom.');
    expect(errorOf(el, 'email')).to.equal('Saisissez votre adresse e-mail.');
    expect(control(el, 'reward').getAttribute('aria-invalid')).to.equal('false');
    expect(hasState(el, 'invalid')).to.be.true;
    await expect(el).to.be.accessible();

    // Errors follow the typing: a wrong amount, then the minimum, then fixed.
    await fill(el, { amount: 'vingt' });
    expect(errorOf(el, 'amount')).to.equal('Saisissez un montant en chiffres, par exemple 25 ou 25,50.');
    await fill(el, { amount: '2,50' });
    expect(errorOf(el, 'amount')).to.equal('Le minimum est de 5 €.');
    await fill(el, { amount: '6000' });
    expect(errorOf(el, 'amount')).to.equal('Le maximum est de 5 000 €.');
    // Leaving the field writes it the French way.
    expect(norm(control(el, 'amount').value)).to.equal('6 000');
    await fill(el, { amount: '12', name: 'Camille', email: 'camille@' });
    expect(errorOf(el, 'amount')).to.equal(null);
    expect(errorOf(el, 'email')).to.equal('Saisissez une adresse e-mail comme nom@exemple.fr.');
    expect(alertText(el)).to.equal(
      'Vérifiez ce champ : Adresse e-mail : Saisissez une adresse e-mail comme nom@exemple.fr.',
    );
    // The alert's link takes the reader to the field.
    part(el, 'alert')!.querySelector('a')!.click();
    expect(focused(el)).to.equal(control(el, 'email'));
    await fill(el, { email: 'camille@example.org' });
    expect(alertText(el)).to.equal('');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('false');
    expect(control(el, 'email').getAttribute('aria-describedby')).to.equal('pf-email-hint');
    expect(seen).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('raises the amount to a chosen reward’s minimum, never lowers it, and shares the choice', async () => {
    const el = await pledgeForm('atelier-ceramique', 'en');
    setTimeout(() => void fill(el, { reward: 'ceramique-tasse' }));
    const event = await oneEvent(el, 'partage-reward-select');
    expect(event.detail).to.deep.equal({
      campaignId: 'atelier-ceramique',
      rewardId: 'ceramique-tasse',
      minimum: { amount: 2500, currency: 'EUR' },
    });
    await el.updateComplete;
    expect(control(el, 'amount').value).to.equal('25');
    expect(textOf(el, '#pf-amount-hint')).to.equal('Minimum for this reward: €25, maximum €5,000.');
    await fill(el, { amount: '30' });
    await fill(el, { reward: 'ceramique-merci' });
    expect(control(el, 'amount').value).to.equal('30');
    await fill(el, { reward: 'ceramique-service-the' });
    expect(control(el, 'amount').value).to.equal('120');
    await fill(el, { amount: '100' });
    expect(errorOf(el, 'amount')).to.equal('This reward starts at €120.');
    await expect(el).to.be.accessible();
  });

  it('preselects the reward attribute', async () => {
    const el = await pledgeForm('atelier-ceramique', 'fr', { reward: 'ceramique-journee' });
    expect(control(el, 'reward').value).to.equal('ceramique-journee');
    expect(norm(control(el, 'amount').value)).to.equal('250');
  });

  it('confirms a pledge, thanks the backer, fires partage-pledge-created, and offers another pledge', async () => {
    const seen = watchPledges();
    const el = await pledgeForm();
    const before = backend.store.pledges.length;
    await fill(el, {
      reward: 'ceramique-tasse',
      amount: '25,50',
      ...valid,
      message: 'Hâte de tourner !',
      anonymous: true,
    });
    const created = oneEvent(el, 'partage-pledge-created');
    await submit(el);
    const { detail } = (await created) as CustomEvent<PledgeCreatedDetail>;
    expect(detail.campaignId).to.equal('atelier-ceramique');
    expect(detail.pledge.status).to.equal('confirmed');
    expect(await seen[0]!.body).to.deep.equal({
      amount: { amount: 2550, currency: 'EUR' },
      rewardId: 'ceramique-tasse',
      backer: { name: 'Camille Durand', email: 'camille@example.org' },
      anonymous: true,
      message: 'Hâte de tourner !',
    });
    await waitForPart(el, 'outcome-confirmed');
    expect(textOf(el, '[part~="outcome"]')).to.equal(
      'Merci, Camille Durand ! Votre contribution de 25,50 € est confirmée. Votre contrepartie : Une tasse émaillée. Faire une autre contribution',
    );
    expect(focused(el)?.id).to.equal('pf-outcome');
    expect(hasState(el, 'confirmed')).to.be.true;
    expect(backend.store.pledges.length).to.equal(before + 1);
    expect(backend.store.pledges.at(-1)!.anonymous).to.be.true;
    await expect(el).to.be.accessible();

    part(el, 'another')!.click();
    await waitForPart(el, 'form');
    expect(control(el, 'name').value).to.equal('Camille Durand');
    expect(control(el, 'reward').value).to.equal('ceramique-tasse');
    expect(control(el, 'amount').value).to.equal('25');
    expect(control(el, 'message').value).to.equal('');
    expect(focused(el)).to.equal(control(el, 'reward'));
    await submit(el);
    await waitForPart(el, 'outcome-confirmed');
    // Another pledge is another attempt: a new key.
    expect(seen).to.have.length(2);
    expect(seen[0]!.key).to.not.equal(seen[1]!.key);
  });

  it('sends an equity ticket to the checkout, through a cancelable partage-checkout event', async () => {
    const el = await pledgeForm('mon-petit-placement', 'fr');
    expect(textOf(el, '#pf-title')).to.equal('Investir');
    expect(textOf(el, 'label[for="pf-amount"]')).to.equal('Votre investissement (€)');
    expect(textOf(el, '#pf-amount-hint')).to.equal('Ticket minimum : 100 €, maximum 100 000 €.');
    expect(textOf(el, '[part~="equity"]')).to.equal(
      'Cette levée est sursouscrite : vous pourriez être placé sur liste d’attente. Investir dans une jeune entreprise comporte un risque de perte totale ou partielle du capital.',
    );
    expect(el.shadowRoot!.querySelector('#pf-reward')).to.equal(null);
    expect(textOf(el, 'label[for="pf-anonymous"]')).to.equal(
      'Masquer mon nom dans la liste publique des investisseurs',
    );
    await expect(el).to.be.accessible();
    await fill(el, { amount: '50', ...valid });
    expect(errorOf(el, 'amount')).to.equal('Le ticket minimum est de 100 €.');

    await fill(el, { amount: '1 267' });
    const events: string[] = [];
    el.addEventListener('partage-pledge-created', () => events.push('created'));
    el.addEventListener('partage-checkout', (e) => {
      events.push('checkout');
      // The test stays on its page: a host page routing itself does the same.
      e.preventDefault();
    });
    const checkout = oneEvent(el, 'partage-checkout');
    await submit(el);
    const { detail } = (await checkout) as CustomEvent<CheckoutDetail>;
    expect(events).to.deep.equal(['created', 'checkout']);
    expect(detail.target).to.equal('_self');
    expect(detail.pledge.status).to.equal('pending_payment');
    expect(detail.checkoutUrl).to.equal(
      `https://demo.partage.example.org/campaigns/mon-petit-placement/checkout?pledge=${detail.pledge.id}`,
    );
    await waitForPart(el, 'outcome-pending-payment');
    const link = part(el, 'checkout-link') as HTMLAnchorElement;
    expect(link.href).to.equal(detail.checkoutUrl);
    expect(link.target).to.equal('_self');
    expect(textOf(el, '[part~="outcome"]')).to.equal(
      'Dernière étape : le paiement Votre investissement de 1 267 € est enregistré. Terminez sur la page de paiement sécurisée de la plateforme. Continuer vers le paiement sécurisé',
    );
    expect(hasState(el, 'pending-payment')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('opens the checkout in a new tab with checkout-target="_blank"', async () => {
    const el = await pledgeForm('mon-petit-placement', 'en', { target: '_blank' });
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      await fill(el, { amount: '500', ...valid });
      const checkout = oneEvent(el, 'partage-checkout');
      await submit(el);
      const { detail } = (await checkout) as CustomEvent<CheckoutDetail>;
      expect(detail.target).to.equal('_blank');
      await waitForPart(el, 'outcome-pending-payment');
      expect(opened).to.deep.equal([[detail.checkoutUrl, '_blank', 'noopener']]);
      const link = part(el, 'checkout-link') as HTMLAnchorElement;
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      expect(norm(link.textContent)).to.equal('Continue to secure payment (opens a new tab)');
      await expect(el).to.be.accessible();
    } finally {
      window.open = original;
    }
  });

  it('tells an investor past the hard cap their waitlist position', async () => {
    // 4 990 000 € raised of a 5 000 000 € cap: a 20 000 € ticket goes to the waitlist.
    backend.store.findCampaign('mon-petit-placement')!.pledged.amount = 499_000_000;
    const el = await pledgeForm('mon-petit-placement', 'fr');
    await fill(el, { amount: '20 000', ...valid });
    const created = oneEvent(el, 'partage-pledge-created');
    await submit(el);
    const { detail } = (await created) as CustomEvent<PledgeCreatedDetail>;
    const pledge = detail.pledge as Extract<PledgeResult, { status: 'waitlisted' }>;
    expect(pledge.status).to.equal('waitlisted');
    expect(pledge.waitlistPosition).to.equal(801);
    await waitForPart(el, 'outcome-waitlisted');
    expect(textOf(el, '[part~="outcome"]')).to.equal(
      'Vous êtes sur liste d’attente La levée est sursouscrite : votre ticket de 20 000 € est en position 801 sur la liste d’attente. La plateforme vous contactera si des places se libèrent.',
    );
    expect(focused(el)?.id).to.equal('pf-outcome');
    expect(hasState(el, 'waitlisted')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('maps a server 422 onto the fields it names', async () => {
    worker().use(
      http.post(`${BASE}/campaigns/atelier-ceramique/pledges`, () =>
        HttpResponse.json(
          {
            type: 'https://partage.example.org/problems/validation-failed',
            title: 'The request is not valid',
            status: 422,
            code: 'validation_failed',
            detail: 'backer.email: this address cannot receive e-mail',
            errors: [
              { path: 'backer.email', message: 'This address cannot receive e-mail.' },
              { path: 'amount.amount', message: 'Amounts must be whole euros here.' },
              { path: 'referrer', message: 'Unknown referrer.' },
            ],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const el = await pledgeForm('atelier-ceramique', 'en');
    await fill(el, { amount: '25.50', ...valid });
    await submit(el);
    await waitUntil(() => errorOf(el, 'email'), 'server errors shown');
    expect(errorOf(el, 'email')).to.equal('This address cannot receive e-mail.');
    expect(errorOf(el, 'amount')).to.equal('Amounts must be whole euros here.');
    expect(control(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(alertText(el)).to.equal(
      'Unknown referrer. Please check these 2 fields: Your pledge (€): Amounts must be whole euros here. E-mail address: This address cannot receive e-mail.',
    );
    expect(focused(el)).to.equal(control(el, 'amount'));
    await expect(el).to.be.accessible();
    // Editing a field drops the server's word on it; the other stays.
    await fill(el, { amount: '25' });
    expect(errorOf(el, 'amount')).to.equal(null);
    expect(errorOf(el, 'email')).to.equal('This address cannot receive e-mail.');
  });

  it('offers the rewards still available when the chosen one sold out meanwhile', async () => {
    const el = await pledgeForm();
    await fill(el, { reward: 'ceramique-service-the', ...valid });
    // Sold out on the server without the form knowing (no live event).
    const tier = backend.store.rewards.find((r) => r.id === 'ceramique-service-the')!;
    tier.remaining = 0;
    tier.availability = 'sold_out';
    await submit(el);
    await waitForPart(el, 'alternatives');
    expect(errorOf(el, 'reward')).to.equal('« Un service à thé » est épuisée. Choisissez une autre contrepartie.');
    expect(focused(el)).to.equal(control(el, 'reward'));
    expect(control(el, 'reward').getAttribute('aria-invalid')).to.equal('true');
    expect(alertText(el)).to.equal(
      'Vérifiez ce champ : Contrepartie : « Un service à thé » est épuisée. Choisissez une autre contrepartie.',
    );
    const offered = [...part(el, 'alternatives')!.querySelectorAll('button')].map((b) => norm(b.textContent));
    expect(offered).to.deep.equal([
      'Merci !, 5 € ou plus',
      'Une tasse émaillée, 25 € ou plus',
      'Une journée à l’atelier, 250 € ou plus',
    ]);
    const option = [...control(el, 'reward').options].find((o) => o.value === 'ceramique-service-the')!;
    expect(option.disabled).to.be.true;
    await expect(el).to.be.accessible();

    part(el, 'alternatives')!.querySelectorAll('button')[1]!.click();
    await el.updateComplete;
    expect(control(el, 'reward').value).to.equal('ceramique-tasse');
    expect(control(el, 'amount').value).to.equal('120');
    expect(part(el, 'alternatives')).to.equal(null);
    expect(alertText(el)).to.equal('');
    await submit(el);
    await waitForPart(el, 'outcome-confirmed');
  });

  it('disables a reward that sells out live, and says so', async () => {
    const el = await pledgeForm();
    await fill(el, { reward: 'ceramique-service-the' });
    await waitForStream(backend, 'campaigns/atelier-ceramique');
    for (let i = 0; i < 4; i++)
      backend.simulatePledge('atelier-ceramique', 12_000, { rewardId: 'ceramique-service-the' });
    await waitUntil(() => errorOf(el, 'reward'), 'sold out shown');
    expect(errorOf(el, 'reward')).to.equal('« Un service à thé » est épuisée. Choisissez une autre contrepartie.');
    expect([...control(el, 'reward').options].find((o) => o.value === 'ceramique-service-the')!.disabled).to.be.true;
    await expect(el).to.be.accessible();
  }).retries(LIVE_RETRIES);

  it('shows closed and upcoming campaigns instead of the fields', async () => {
    const ended = await pledgeForm('court-metrage-voisins', 'fr');
    expect(textOf(ended, '[part~="closed"]')).to.equal(
      'Cette campagne est close Elle n’accepte plus de contributions.',
    );
    expect(ended.shadowRoot!.querySelector('form')).to.equal(null);
    expect(hasState(ended, 'closed')).to.be.true;
    await expect(ended).to.be.accessible();

    const upcoming = await pledgeForm('bd-la-maree', 'en');
    const opens = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(
      new Date(backend.store.findCampaign('bd-la-maree')!.startsAt),
    );
    expect(textOf(upcoming, '[part~="closed"]')).to.equal(`Not open yet This campaign opens on ${norm(opens)}.`);
    await expect(upcoming).to.be.accessible();
  });

  it('says so when the campaign closed while the reader was filling the form', async () => {
    const el = await pledgeForm('atelier-ceramique', 'en');
    await fill(el, { amount: '10', ...valid });
    backend.failNext('createPledge', 409, 'campaign_closed');
    await submit(el);
    await waitForPart(el, 'closed');
    expect(textOf(el, '[part~="closed"]')).to.equal('This campaign is closed It no longer accepts pledges.');
    expect(focused(el)?.id).to.equal('pf-closed');
    await expect(el).to.be.accessible();
  });

  it('keeps the answers offline, and retries with the same Idempotency-Key', async () => {
    const seen = watchPledges();
    const el = await pledgeForm();
    const before = backend.store.pledges.length;
    await fill(el, { amount: '42', ...valid, message: 'Bravo' });
    backend.setOffline(true);
    await submit(el);
    await waitUntil(() => part(el, 'retry'), 'offline alert', { timeout: 8000 });
    expect(alertText(el)).to.equal(
      'Vous semblez hors ligne. Vérifiez votre connexion puis réessayez. Vos réponses sont conservées. Réessayer',
    );
    // The client itself retried a few times, always with the same key.
    expect(seen.length).to.be.greaterThan(0);
    expect(control(el, 'amount').value).to.equal('42');
    expect(control(el, 'name').value).to.equal('Camille Durand');
    expect(control(el, 'message').value).to.equal('Bravo');
    expect(backend.store.pledges.length).to.equal(before);
    await expect(el).to.be.accessible();

    backend.setOffline(false);
    const offlineTries = seen.length;
    part(el, 'retry')!.click();
    await waitForPart(el, 'outcome-confirmed');
    expect(seen.length).to.equal(offlineTries + 1);
    expect(new Set(seen.map((s) => s.key)).size).to.equal(1);
    expect(seen[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(await seen.at(-1)!.body).to.deep.equal(await seen[0]!.body);
    expect(backend.store.pledges.length).to.equal(before + 1);
  });

  it('uses a new key once the answers changed after a failure', async () => {
    const seen = watchPledges();
    const el = await pledgeForm();
    await fill(el, { amount: '42', ...valid });
    backend.failNext('createPledge', 500);
    await submit(el);
    await waitUntil(() => part(el, 'retry'), 'server error alert');
    expect(alertText(el)).to.equal('Le service est indisponible pour le moment. Réessayer');
    await fill(el, { amount: '43' });
    await submit(el);
    await waitForPart(el, 'outcome-confirmed');
    expect(seen).to.have.length(2);
    expect(seen[0]!.key).to.not.equal(seen[1]!.key);
  });

  it('makes one pledge of a double submit', async () => {
    const seen = watchPledges();
    const el = await pledgeForm();
    const before = backend.store.pledges.length;
    await fill(el, { amount: '15', ...valid });
    backend.setLatency(300);
    const button = part(el, 'submit') as HTMLButtonElement;
    button.click();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(norm(button.textContent)).to.equal('Envoi en cours…');
    expect(hasState(el, 'sending')).to.be.true;
    // Enter in a field submits the form too: still nothing more.
    control(el, 'email').focus();
    await sendKeys({ press: 'Enter' });
    button.click();
    await waitForPart(el, 'outcome-confirmed');
    expect(seen).to.have.length(1);
    expect(backend.store.pledges.length).to.equal(before + 1);
  });

  it('says when the reader must wait after too many attempts', async () => {
    const el = await pledgeForm();
    await fill(el, { amount: '15', ...valid });
    backend.failNext('createPledge', 429, { retryAfter: 120 });
    await submit(el);
    await waitUntil(() => part(el, 'retry'), 'rate limit alert');
    expect(alertText(el)).to.equal('Trop de tentatives. Merci de patienter 120 secondes. Réessayer');
    await expect(el).to.be.accessible();
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button type="button">before</button>
        <partage-pledge-form api=${BASE} campaign="atelier-ceramique" locale="en"></partage-pledge-form>
      </div>`,
    );
    const el = wrapper.querySelector('partage-pledge-form')!;
    await waitForPart(el, 'form');
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(control(el, 'reward'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(control(el, 'reward').value).to.equal('ceramique-tasse');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(control(el, 'amount'));
    expect(control(el, 'amount').value).to.equal('25');
    // Tabbing into a field selects its text: typing replaces it.
    await sendKeys({ type: '1,267.5' });
    await sendKeys({ press: 'Tab' });
    expect(control(el, 'amount').value).to.equal('1,267.50');
    await sendKeys({ type: 'Alix Martin' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'alix@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Go Lou!' });
    await el.updateComplete;
    expect(textOf(el, '[part~="counter"]')).to.equal('493 characters left');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(part(el, 'submit'));
    const created = oneEvent(el, 'partage-pledge-created');
    await sendKeys({ press: 'Enter' });
    await created;
    await waitForPart(el, 'outcome-confirmed');
    const stored = backend.store.pledges.at(-1)!;
    expect(stored).to.include({
      name: 'Alix Martin',
      email: 'alix@example.org',
      anonymous: true,
      message: 'Go Lou!',
      rewardId: 'ceramique-tasse',
    });
    expect(stored.amount).to.deep.equal({ amount: 126_750, currency: 'EUR' });
    expect(focused(el)?.id).to.equal('pf-outcome');
  });

  it('follows the reward shared under a provider, and shares its own', async () => {
    const provider = await fixture<PartageProvider>(
      html`<partage-provider api=${BASE} locale="fr">
        <partage-pledge-form campaign="atelier-ceramique"></partage-pledge-form>
      </partage-provider>`,
    );
    const el = provider.querySelector('partage-pledge-form')!;
    await waitForPart(el, 'form');
    provider.selection.selectReward('atelier-ceramique', 'ceramique-journee');
    await el.updateComplete;
    expect(control(el, 'reward').value).to.equal('ceramique-journee');
    expect(norm(control(el, 'amount').value)).to.equal('250');
    await fill(el, { reward: 'ceramique-merci' });
    expect(provider.selection.reward('atelier-ceramique')).to.equal('ceramique-merci');
    await fill(el, { reward: '' });
    expect(provider.selection.reward('atelier-ceramique')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a readable error with a retry when the campaign cannot load', async () => {
    backend.failNext('getCampaign', 503, { times: 3 });
    const el = await fixture<PartagePledgeForm>(
      html`<partage-pledge-form api=${BASE} campaign="atelier-ceramique" locale="en"></partage-pledge-form>`,
    );
    const error = await waitForPart(el, 'error');
    expect(norm(error.querySelector('p')!.textContent)).to.equal('The service is unavailable right now.');
    expect(hasState(el, 'error')).to.be.true;
    await expect(el).to.be.accessible();
    part(el, 'retry')!.click();
    await waitForPart(el, 'form');
    expect(hasState(el, 'error')).to.be.false;
  });

  it('counts the characters left in the public message', async () => {
    const el = await pledgeForm();
    await fill(el, { message: 'x'.repeat(460) });
    expect(textOf(el, '[part~="counter"]')).to.equal('40 caractères restants');
    expect(part(el, 'counter')!.classList.contains('low')).to.be.true;
    expect(control(el, 'message').getAttribute('aria-describedby')).to.equal('pf-message-hint pf-message-count');
    expect(control(el, 'message').maxLength).to.equal(500);
    await fill(el, { message: 'x'.repeat(499) });
    expect(textOf(el, '[part~="counter"]')).to.equal('1 caractère restant');
    await aTimeout(0);
  });
});
