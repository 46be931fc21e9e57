import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import { heading } from '../../core/element/heading.js';
import { ListingForm, type ListingStore } from '../../core/listing-form/listing-form-controller.js';
import type { MemberIdentity } from '../../core/member/member-session.js';
import { textsOf } from '../../core/member/member-action.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import type { BoardMessages } from './share-board.messages.js';

/**
 * The board's posting form, opened and closed by the header's toggle: the form itself (its
 * draft survives closing) and where focus goes on opening and closing.
 */
export class PostingPanel {
  /** The posting form is open. */
  open = false;
  readonly form: ListingForm;

  #host: PartageElement;

  /** `list`: the board's listings, where a published one shows at once. */
  constructor(host: PartageElement, member: MemberIdentity, list: ListingStore) {
    this.#host = host;
    this.form = new ListingForm(host, { idPrefix: 'post', member, list });
  }

  get #t() {
    return textsOf<BoardMessages>(this.#host);
  }

  async show(): Promise<void> {
    this.open = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#post-panel input[name="kind"]:checked')?.focus();
  }

  async hide(): Promise<void> {
    this.open = false;
    // A confirmed post is done with; a draft stays for when the member comes back to it.
    if (this.form.created) this.form.reset();
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('[part~="post-toggle"]')?.focus();
  }

  /** The header's button that opens and closes the panel. */
  renderToggle(): TemplateResult {
    return html`<button
      type="button"
      part="post-toggle"
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="post-panel"
      @click=${() => (this.open ? void this.hide() : void this.show())}
    >
      ${this.#t('formHeading')}
    </button>`;
  }

  /** The panel, with its heading at `level`. */
  render(level: number): TemplateResult {
    const t = this.#t;
    const close = html`<button type="button" class="secondary" part="close-form" @click=${() => void this.hide()}>
      ${this.form.created ? t('closeForm') : t('cancel')}
    </button>`;
    return html`<div id="post-panel" class="post-panel" ?hidden=${!this.open}>
      ${
        this.open
          ? html`${heading(level, { id: 'post-heading', class: 'post-heading' }, t('formHeading'))}
            ${this.form.render(close)}`
          : nothing
      }
    </div>`;
  }
}
