import { expect, fixture, oneEvent } from '@open-wc/testing';
import type { Listing } from '../../contract/index.js';
import type { MemberTokenSource } from '../../core/element/context.js';
import type { ReplySentDetail } from '../../core/element/events.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { memberSession } from '../../core/member/member-session.js';
import {
  $,
  MORGANE,
  SAINT_MALO,
  textOf,
  type,
  until,
  useNeighbourhoodBackend,
} from '../../../test/support/neighbourhood-helpers.js';
import { actionBar, type ActionKind } from './action-bar.js';
import { actionContract } from './action-contract.js';
import { ListingActions } from './listing-actions.js';
import { messages } from './share-board.messages.js';

/**
 * The board's reply and report controller (with its action bar) and the member session it acts through, driven by a
 * minimal host element that shows one listing's actions (no board, no list widget).
 */

const API = 'https://listing-actions.partage.test/v1';
const { backend } = useNeighbourhoodBackend(API);

class ActionsHost extends PartageElement<typeof messages.en> {
  protected readonly catalogue = messages;
  neighbourhood = SAINT_MALO;
  memberToken: string | undefined;
  /** Stands for the provider's callback. */
  provider: MemberTokenSource | undefined;
  listing!: Listing;
  readonly member = memberSession(this, () => this.provider);
  /** What the controller wrote to the list. */
  readonly puts: { listing: Listing; isNew: boolean }[] = [];
  /** Sign-in requests from the signed-out buttons. */
  readonly signIns: { reason: ActionKind; listingId: string }[] = [];
  readonly actions = new ListingActions(
    this,
    this.member,
    { put: (listing, isNew) => this.puts.push({ listing, isNew }) },
    actionContract,
  );

  protected override render() {
    const l = this.listing;
    const open = this.actions.open?.listingId === l.id ? this.actions.open.kind : null;
    return actionBar(this, l, {
      member: this.member.signedIn(),
      open,
      done: this.actions.doneFor(l.id),
      busy: null,
      failed: null,
      form: this.actions.renderForm(l),
      onToggle: (kind) => void this.actions.toggle(l, kind),
      onSignIn: (reason) => this.signIns.push({ reason, listingId: l.id }),
      onRetry: () => undefined,
    });
  }
}
customElements.define('test-listing-actions-host', ActionsHost);

const listingOf = (id: string): Listing =>
  structuredClone(backend.store.listings.find((l) => l.listing.id === id)!.listing);

/** `token` null: signed out. */
async function host(token: string | null = MORGANE, id = 'sm-01'): Promise<ActionsHost> {
  const el = document.createElement('test-listing-actions-host') as ActionsHost;
  el.setAttribute('api', API);
  el.setAttribute('locale', 'en');
  el.memberToken = token ?? undefined;
  el.listing = listingOf(id);
  return fixture<ActionsHost>(el);
}

describe('memberSession', () => {
  it('acts with the widget’s own token first, else the provider’s, and reads the host when asked', async () => {
    const el = await host(null);
    expect(el.member.signedIn()).to.be.false;
    expect(await el.member.token()).to.equal(undefined);
    el.provider = () => Promise.resolve(' from-provider ');
    expect(el.member.signedIn()).to.be.true;
    expect(await el.member.token()).to.equal('from-provider');
    el.memberToken = ` ${MORGANE} `;
    expect(await el.member.token()).to.equal(MORGANE);
    el.neighbourhood = 'rennes-thabor';
    expect(el.member.neighbourhoodId()).to.equal('rennes-thabor');
  });
});

describe('ListingActions (reactive controller)', () => {
  it('sends a reply, counts it in the list, fires partage-reply-sent and focuses the confirmation', async () => {
    const el = await host();
    await el.actions.openForm(el.listing, 'reply');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea[name="message"]'));
    type($(el, 'textarea[name="message"]'), 'Is it still available on Saturday?');
    const sent = oneEvent(el, 'partage-reply-sent');
    $<HTMLButtonElement>(el, '[part~="send"]')!.click();
    const { detail } = (await sent) as CustomEvent<ReplySentDetail>;
    expect(detail.listing.id).to.equal('sm-01');
    expect(detail.reply.message).to.equal('Is it still available on Saturday?');
    expect(el.puts).to.deep.equal([
      { listing: { ...el.listing, replyCount: el.listing.replyCount + 1 }, isNew: false },
    ]);
    await until(() => el.shadowRoot!.activeElement?.id === 'done-sm-01', 'confirmation focused');
    expect(textOf($(el, '[part~="confirmation"]'))).to.equal('Your message was sent to David R.');
    expect(el.actions.open).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('marks the listing closed in the list when the server says it closed meanwhile', async () => {
    const el = await host();
    backend.store.listings.find((l) => l.listing.id === 'sm-01')!.listing.status = 'closed';
    await el.actions.openForm(el.listing, 'reply');
    type($(el, 'textarea[name="message"]'), 'Still there?');
    await el.actions.submitReply(el.listing);
    expect(el.puts).to.deep.equal([{ listing: { ...el.listing, status: 'closed' }, isNew: false }]);
    expect(el.actions.reply.status).to.equal('failed');
  });

  it('signed out, hands the reason and the listing to the sign-in intent it is given', async () => {
    const el = await host(null);
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="sign-in"]')];
    expect(buttons).to.have.length(2);
    buttons.forEach((b) => b.click());
    expect(el.signIns).to.deep.equal([
      { reason: 'reply', listingId: 'sm-01' },
      { reason: 'report', listingId: 'sm-01' },
    ]);
    await expect(el).to.be.accessible();
  });
});
