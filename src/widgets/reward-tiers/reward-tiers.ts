import { nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { html } from '../../core/element/template.js';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RewardTier } from '../../contract/index.js';
import { formatDate, formatMoney, formatNumber } from '../../core/i18n/format.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { RewardsSource, type TierList } from '../../core/data/rewards-source.js';
import { FollowSelectionController } from '../../core/data/selection.js';
import { errorView, noApiView, staleNotice, quietView } from '../../core/element/views.js';
import { REWARD_SELECT_EVENT } from './reward-tiers.events.js';
import { messages } from './reward-tiers.messages.js';
import { rewardTiersStyles } from './reward-tiers.styles.js';

/**
 * @summary A campaign's reward tiers as a radio group: minimum amount, description, stock left
 * (live), sold-out and unavailable tiers disabled, estimated delivery and shipping. Choosing a tier
 * preselects it in a pledge form under the same provider, and the tiers follow a reward chosen
 * in the form.
 *
 * @slot - Nothing is rendered from the light DOM.
 *
 * @event {CustomEvent<RewardSelectDetail>} partage-reward-select - A tier was chosen by the reader:
 * `detail: { campaignId, rewardId, minimum }` (`rewardId` and `minimum` are null for a pledge
 * without reward). Not fired when the choice comes from the provider's shared selection.
 * @event {CustomEvent<PartageErrorDetail>} partage-error - Loading failed (`detail: { operation: 'listRewards', error }`).
 *
 * @csspart base - The widget's box.
 * @csspart legend - The group's visible label.
 * @csspart list - The cards ("pledge without a reward" first, when the campaign has tiers).
 * @csspart tier - One card; also `tier-selected`, `tier-sold-out`, `tier-unavailable`, `tier-no-reward`.
 * @csspart tier-title - The tier's label (title and minimum amount).
 * @csspart tier-minimum - Minimum amount ("25 € or more").
 * @csspart tier-status - "Sold out" or "Not available".
 * @csspart tier-description - The creator's description.
 * @csspart tier-facts - Stock, delivery, shipping and backers.
 * @csspart tier-stock - Stock left ("4 left of 15") or "Unlimited".
 * @csspart tier-delivery - Estimated delivery (month and year).
 * @csspart tier-shipping - Shipping mode and cost.
 * @csspart tier-backers - How many backers chose the tier.
 * @csspart empty - Shown when the campaign has no tiers.
 * @csspart announcement - Visually hidden live region (a tier just sold out).
 * @csspart error - Error state.
 * @csspart retry - Retry button of the error state.
 *
 * @cssproperty --partage-accent - Border and radio of the chosen tier.
 * @cssproperty --partage-surface - Card background.
 * @cssproperty --partage-surface-muted - Background of disabled tiers.
 * @cssproperty --partage-border - Card borders.
 * @cssproperty --partage-warning - Low stock.
 * @cssproperty --partage-radius - Card corners.
 * @cssproperty --partage-gap - Spacing.
 *
 * @cssstate loading - Tiers are loading (skeleton shown).
 * @cssstate error - Tiers could not be loaded.
 * @cssstate stale - A refresh failed; the last tiers stay on screen.
 * @cssstate empty - The campaign has no tiers.
 * @cssstate selected - A tier (or "without reward") is chosen.
 * @cssstate live - Stock follows the live stream.
 *
 * @tag partage-reward-tiers
 */
export class PartageRewardTiers extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, rewardTiersStyles];

  // Static properties rather than decorators: the file then carries no decorator code (≈0.3 kB).
  static override properties: PropertyDeclarations = {
    campaign: { reflect: true },
    selected: { reflect: true },
    hideNoReward: { type: Boolean, attribute: 'hide-no-reward' },
    announcement: { state: true, attribute: false },
  };

  /** The campaign's id or slug. */
  declare campaign?: string;
  /**
   * The chosen tier's id; `''` for a pledge without reward; absent when nothing is chosen.
   * Under a provider it follows the shared selection (a reward chosen in the pledge form).
   */
  declare selected?: string;
  /** Hides the "pledge without a reward" choice. */
  hideNoReward = false;

  protected readonly catalogue = messages;

  /** Polite announcement of a tier that just sold out. */
  private announcement = '';

  // Tiers of the campaign asked for; their stock follows the live hub once they are on screen.
  readonly #source = new RewardsSource(this, {
    campaign: () => this.campaign,
    onSoldOut: (tier) => {
      this.announcement = this.t('justSoldOut', { title: tier.title });
    },
  });
  readonly #data = this.#source;
  readonly #live = this.#source.live;

  // Under a provider `selected` follows the shared choice (a reward chosen in the pledge form).
  readonly #selection = new FollowSelectionController(this, {
    store: () => this.ctx?.selection,
    loaded: () => this.#current,
    preset: () => this.selected,
    shown: () => this.selected,
    apply: (rewardId) => {
      this.selected = rewardId;
    },
  });

  /** Loads the tiers again; the current ones stay on screen meanwhile. */
  reload(): Promise<void> {
    return this.#data.reload();
  }

  get #key(): string | null {
    return this.#source.key();
  }

  /** The tiers of the campaign asked for (never the previous campaign's while switching). */
  get #current(): TierList | undefined {
    return this.#source.current;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Once the tiers (and so the campaign's id) are known: take the shared choice, or share ours.
    this.#selection.sync();
    const list = this.#current;
    const status = this.#data.status;
    this.setState('loading', !list && status !== 'error' && !!this.#key);
    this.setState('error', !list && (status === 'error' || this.#data.stale));
    this.setState('stale', !!list && this.#data.stale);
    this.setState('empty', !!list && list.tiers.length === 0);
    this.setState('selected', this.selected !== undefined && this.selected !== null);
    this.setState('live', this.#live.state === 'open');
  }

  /** A radio was checked by the reader (click, arrows, Home/End). */
  #choose(rewardId: string | null): void {
    const list = this.#current;
    if (!list) return;
    const tier = rewardId === null ? null : list.tiers.find((t) => t.id === rewardId);
    if (tier === undefined || (tier && tier.availability !== 'available')) return;
    this.selected = rewardId ?? '';
    this.emit(REWARD_SELECT_EVENT, {
      campaignId: list.campaignId,
      rewardId,
      minimum: tier ? { ...tier.minimum } : null,
    });
  }

  #onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.type === 'radio' && input.checked) this.#choose(input.value || null);
  };

  /**
   * Native radios already give one tab stop and arrows that move and select while skipping
   * disabled tiers; Home and End (WAI-ARIA radio group pattern) are added here.
   */
  #onKeydown = (e: KeyboardEvent) => {
    if ((e.key !== 'Home' && e.key !== 'End') || e.altKey || e.ctrlKey || e.metaKey) return;
    const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[type="radio"]:not(:disabled)')];
    const target = e.key === 'Home' ? radios[0] : radios.at(-1);
    if (!target) return;
    e.preventDefault();
    target.focus();
    if (!target.checked) {
      target.checked = true;
      this.#choose(target.value || null);
    }
  };

  protected override render(): TemplateResult {
    return html`${this.#body()}
      <p class="visually-hidden" role="status" part="announcement">${this.announcement}</p>`;
  }

  #body(): TemplateResult {
    if (!this.client) return noApiView(this);
    if (!this.campaign) {
      return html`<div class="state" role="alert" part="error"><p>${this.t('errorNoCampaign')}</p></div>`;
    }
    const list = this.#current;
    if (list) return this.#view(list);
    if (this.#data.status === 'error' || this.#data.stale) {
      return errorView(this, this.#data.error, () => void this.#data.reload());
    }
    return this.#data.quiet ? quietView() : this.#skeleton();
  }

  #view(list: TierList): TemplateResult {
    return html`<div class="tiers" part="base">
      ${staleNotice(this, this.#data)}
      <fieldset @change=${this.#onChange} @keydown=${this.#onKeydown}>
        <legend part="legend">${this.t('legend')}</legend>
        ${list.tiers.length === 0 ? html`<p class="muted" part="empty">${this.t('empty')}</p>` : nothing}
        <div class="list" part="list">
          ${this.hideNoReward || list.tiers.length === 0 ? nothing : this.#noRewardCard()}
          ${repeat(
            list.tiers,
            (t) => t.id,
            (t) => this.#tierCard(t),
          )}
        </div>
      </fieldset>
    </div>`;
  }

  #noRewardCard(): TemplateResult {
    const checked = this.selected === '';
    return html`<div
      class=${classMap({ tier: true, checked })}
      part="tier tier-no-reward ${checked ? 'tier-selected' : ''}"
    >
      <input
        type="radio"
        name="reward"
        id="tier-none"
        value=""
        .checked=${live(checked)}
        aria-describedby="tier-none-details"
      />
      <label for="tier-none" class="head" part="tier-title"><span class="title">${this.t('noReward')}</span></label>
      <div class="details" id="tier-none-details">
        <p class="description" part="tier-description">${this.t('noRewardDescription')}</p>
      </div>
    </div>`;
  }

  #tierCard(t: RewardTier): TemplateResult {
    const locale = this.resolvedLocale;
    const id = `tier-${t.id}`;
    const available = t.availability === 'available';
    const checked = this.selected === t.id;
    const status = t.availability === 'sold_out' ? this.t('soldOut') : available ? null : this.t('unavailable');
    const parts = ['tier', checked ? 'tier-selected' : '', available ? '' : `tier-${t.availability.replace('_', '-')}`];
    return html`<div class=${classMap({ tier: true, checked, disabled: !available })} part=${parts.join(' ').trim()}>
      <input
        type="radio"
        name="reward"
        id=${id}
        value=${t.id}
        .checked=${live(checked)}
        ?disabled=${!available}
        aria-describedby="${id}-details"
      />
      <label for=${id} class="head" part="tier-title">
        <span class="title">${t.title}</span>
        <span class="minimum" part="tier-minimum"
          >${this.t('minimum', { amount: formatMoney(t.minimum, locale) })}</span
        >
      </label>
      <div class="details" id="${id}-details">
        ${status ? html`<p class="status" part="tier-status">${status}</p>` : nothing}
        ${t.description ? html`<p class="description" part="tier-description">${t.description}</p>` : nothing}
        <ul class="facts" part="tier-facts">
          ${this.#stock(t)}
          ${
            t.estimatedDelivery
              ? html`<li part="tier-delivery">
                  ${this.t('delivery', {
                    date: formatDate(t.estimatedDelivery, locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
                  })}
                </li>`
              : nothing
          }
          <li part="tier-shipping">${this.#shipping(t)}</li>
          <li part="tier-backers">
            ${this.t('backers', { count: t.backerCount, n: formatNumber(t.backerCount, locale) })}
          </li>
        </ul>
      </div>
    </div>`;
  }

  #stock(t: RewardTier): TemplateResult {
    const locale = this.resolvedLocale;
    if (t.quantityLimit === null || t.remaining === null) {
      return html`<li part="tier-stock">${this.t('unlimited')}</li>`;
    }
    // A handful left, or the last fifth of a large stock, is worth a glance.
    const low =
      t.availability === 'available' && t.remaining > 0 && t.remaining <= Math.max(5, Math.ceil(t.quantityLimit / 5));
    return html`<li part="tier-stock" class=${low ? 'low' : ''}>
      ${this.t('stockLeft', {
        remaining: formatNumber(t.remaining, locale),
        limit: formatNumber(t.quantityLimit, locale),
        count: t.remaining,
      })}
    </li>`;
  }

  #shipping(t: RewardTier): string {
    const cost = t.shippingCost && t.shippingCost.amount > 0 ? formatMoney(t.shippingCost, this.resolvedLocale) : null;
    switch (t.shipping) {
      case 'none':
        return this.t('shippingNone');
      case 'pickup':
        return this.t('shippingPickup');
      case 'domestic':
        return cost ? this.t('shippingDomesticCost', { cost }) : this.t('shippingDomestic');
      case 'worldwide':
        return cost ? this.t('shippingWorldwideCost', { cost }) : this.t('shippingWorldwide');
    }
  }

  /** Same boxes as the loaded cards, so nothing moves when the tiers arrive. */
  #skeleton(): TemplateResult {
    const card = html`<div class="tier">
      <span class="skeleton sk-radio"></span>
      <span class="head"><span class="skeleton sk-title"></span><span class="skeleton sk-minimum"></span></span>
      <span class="details"><span class="skeleton sk-line"></span><span class="skeleton sk-line sk-short"></span></span>
    </div>`;
    return html`<div class="tiers" part="base" aria-busy="true">
      <span class="visually-hidden">${this.t('loading')}</span>
      <div class="sk-fieldset" aria-hidden="true">
        <span class="skeleton sk-legend"></span>
        <div class="list">${card}${card}${card}</div>
      </div>
    </div>`;
  }
}
