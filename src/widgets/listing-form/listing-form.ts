import type { PropertyValues, PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { formStyles } from '../../core/form/form-fields.js';
import { heading } from '../../core/element/heading.js';
import { ListingForm } from '../../core/listing-form/listing-form-controller.js';
import { listingFormLayoutStyles } from '../../core/listing-form/listing-form.styles.js';
import { SIGN_IN_REQUEST, type SignInRequestDetail } from '../../core/member/member-events.js';
import { memberSession } from '../../core/member/member-session.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { noApiView } from '../../core/element/views.js';
import { messages } from './listing-form.messages.js';
import { listingFormStyles } from './listing-form.styles.js';
import { pageLinkSlot, pageLinkStyles } from '../../core/element/page-link.js';

/**
 * @summary A member posts an offer or a request on their neighbourhood's board: kind, type,
 * category, title, description, an approximate area (never an address) and an optional end date.
 * Checked in the browser with the contract's own rules; what the member typed survives an expired
 * token (the host page signs them in, then it is sent by itself), a refusal, a rate limit or a
 * lost connection.
 *
 * @event {CustomEvent<ListingCreatedDetail>} partage-listing-created - The listing is published (`detail: { listing }`).
 * @event {CustomEvent<SignInRequestDetail>} partage-sign-in-request - No member token, or it expired (`detail: { reason: 'post',
 * neighbourhoodId, expired }`): sign the member in, then set `memberToken`.
 * @event {CustomEvent<PartageErrorDetail>} partage-error - Sending failed (`detail: { operation, error }`).
 *
 * @slot page-link - Shown only when the browser runs no script (a pre-rendered snippet read without
 *   JavaScript): the link to the page where the reader can act, put there by `@partage/widgets/ssr`.
 * @csspart page-link - The paragraph holding the `page-link` slot.
 * @csspart base - The widget's box.
 * @csspart heading - The form's title.
 * @csspart form - The `<form>`.
 * @csspart field - Each labelled field.
 * @csspart segmented - The offer/ask switch.
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error.
 * @csspart form-alert - The form's single alert (errors, sign-in, rate limit, offline).
 * @csspart submit - The publish button.
 * @csspart sign-in - Sign-in buttons (prompt and expired session).
 * @csspart confirmation - "Your listing is published".
 * @csspart post-another - Starts a new listing after a confirmation.
 * @csspart error - Configuration error.
 *
 * @cssproperty --partage-accent - Buttons and the chosen kind.
 * @cssproperty --partage-danger - Errors.
 * @cssproperty --partage-success - Confirmation.
 * @cssproperty --partage-surface - Background and fields.
 * @cssproperty --partage-border - Borders.
 * @cssproperty --partage-radius - Corner radius.
 * @cssproperty --partage-gap - Inner spacing.
 *
 * @cssstate signed-out - No member token: a sign-in prompt shows instead of the form.
 * @cssstate sending - The listing is being sent.
 * @cssstate published - The confirmation shows.
 * @cssstate dark - Dark theme in use.
 *
 * @tag partage-listing-form
 */
export class PartageListingForm extends PartageElement<typeof messages.en> {
  static override styles = [
    ...PartageElement.styles,
    formStyles,
    listingFormLayoutStyles,
    listingFormStyles,
    pageLinkStyles,
  ];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    neighbourhood: { reflect: true },
    memberToken: { attribute: 'member-token' },
    headingLevel: { attribute: 'heading-level', type: Number },
  };

  /** Neighbourhood id the listing is posted in. */
  declare neighbourhood?: string;
  /**
   * The member's token from the host platform (or the provider's `memberToken` callback). Setting
   * a new one after a `partage-sign-in-request` sends the waiting listing.
   */
  declare memberToken?: string;
  /** Level of the form’s heading (1–6), to fit the outline of the host page; default: the provider’s, else 2. */
  declare headingLevel?: number;

  protected readonly catalogue = messages;

  readonly #member = memberSession(this, () => this.ctx?.memberToken);
  readonly #form = new ListingForm(this, {
    idPrefix: 'listing',
    member: this.#member,
  });

  /** The reader pressed the sign-in prompt. */
  #signInAsked = false;

  /** Also waits for the form's submission code while it is on its way (a first use, a submit). */
  protected override getUpdateComplete(): Promise<boolean> {
    const loading = this.#form.loading;
    return loading ? loading.then(() => super.getUpdateComplete()) : super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('memberToken') || changed.has('ctx' as keyof PartageListingForm)) {
      void this.#form.action.tokenMayHaveChanged();
      if (this.#signInAsked && this.#member.signedIn()) {
        // Signed in from the prompt: the form replaces it, and the reader starts filling it in.
        this.#signInAsked = false;
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('input[name="kind"]:checked')?.focus(),
        );
      }
    }
    if (changed.has('neighbourhood') && changed.get('neighbourhood') !== undefined) this.#form.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setState('signed-out', !this.#member.signedIn());
    this.setState('sending', this.#form.busy);
    this.setState('published', !!this.#form.created);
  }

  #requestSignIn(): void {
    this.#signInAsked = true;
    const detail: SignInRequestDetail = { reason: 'post', neighbourhoodId: this.neighbourhood ?? '', expired: false };
    this.emit(SIGN_IN_REQUEST, detail);
  }

  protected override render() {
    if (!this.client) return noApiView(this);
    if (!this.neighbourhood)
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoNeighbourhood')}</p></div>`;
    const body = this.#member.signedIn()
      ? this.#form.render()
      : html`<div class="prompt needs-script">
          <p>${this.t('membersOnlyPost')}</p>
          <button type="button" part="sign-in" @click=${() => this.#requestSignIn()}>${this.t('signInToPost')}</button>
        </div>`;
    return html`<section class="panel" part="base" aria-labelledby="listing-heading">
      ${heading(this.resolvedHeadingLevel(this.headingLevel), { id: 'listing-heading', class: 'heading', part: 'heading' }, this.t('formHeading'))}
      ${body} ${pageLinkSlot()}
    </section>`;
  }
}
