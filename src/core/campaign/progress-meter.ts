import { css, nothing, type TemplateResult } from 'lit';
import { html } from '../element/template.js';
import { cssProps, serverStyle } from '../element/css-props.js';
import type { Campaign, CampaignTotals, Milestone, Money } from '../../contract/index.js';
import { formatMoney, formatPercent } from '../i18n/format.js';

/**
 * The funding bar shared by the campaign progress widget and the campaign card: a `meter` whose
 * ARIA value carries the true percentage (413 %, never clamped to 100 %), the successive goals
 * marked on the bar, and an ordered list of those goals saying which ones are reached.
 *
 * Texts live here once; each widget spreads `meterMessages` into its own catalogue, so partners
 * override them like any other text of that widget.
 */
export const meterMessages = {
  en: {
    meterLabel: 'Funding progress',
    meterValue: (p: { pledged: string; goal: string; percent: string }) =>
      `${p.pledged} raised of a ${p.goal} goal (${p.percent})`,
    meterValueNoGoal: (p: { pledged: string }) => `${p.pledged} raised`,
    milestonesLabel: 'Goals',
    milestoneReached: 'reached',
    milestoneAhead: 'not reached yet',
  },
  fr: {
    meterLabel: 'Progression de la collecte',
    meterValue: (p: { pledged: string; goal: string; percent: string }) =>
      `${p.pledged} collectés sur un objectif de ${p.goal} (${p.percent})`,
    meterValueNoGoal: (p: { pledged: string }) => `${p.pledged} collectés`,
    milestonesLabel: 'Paliers',
    milestoneReached: 'atteint',
    milestoneAhead: 'pas encore atteint',
  },
};
export type MeterMessages = typeof meterMessages.en;

export interface MeterData {
  pledged: Money;
  goal: Money;
  milestones: readonly Milestone[];
}

export interface MeterMarker {
  /** Position on the bar, 0–1. */
  at: number;
  reached: boolean;
  /** null for the goal's own marker (when no milestone sits on the goal). */
  milestone: Milestone | null;
}

export interface MeterModel {
  /** pledged / goal, unclamped (4.13 for 413 %); null when there is no goal to compare with. */
  ratio: number | null;
  /** The ratio as shown: never rounds up to 100 % before the goal is really reached. */
  shownRatio: number | null;
  /** Filled part of the bar, 0–1. */
  fill: number;
  /** Where the goal sits on the bar, 0–1. */
  goalAt: number;
  overfunded: boolean;
  markers: MeterMarker[];
  /** aria-valuenow / aria-valuemax, in percent of the goal (or in major units without a goal). */
  valueNow: number;
  valueMax: number;
}

/** Past this fraction a tick would sit on the bar's rounded end. */
const END = 0.995;

const sameCurrency = (a: Money, b: Money) => a.currency === b.currency;

/** A milestone counts as reached when the backend says so or the total has passed it. */
export const milestoneReached = (m: Milestone, pledged: Money) =>
  m.reachedAt !== null || (sameCurrency(m.target, pledged) && pledged.amount >= m.target.amount);

/**
 * Geometry and ARIA values of the bar. The scale runs to the highest of the goal, the last
 * milestone and the total, so that successive goals past the first one can be marked, and a
 * campaign past every goal shows a full bar whose part beyond the goal is marked as overflow.
 */
export function meterModel({ pledged, goal, milestones }: MeterData): MeterModel {
  const usable = milestones.filter((m) => sameCurrency(m.target, goal));
  const scale = Math.max(goal.amount, pledged.amount, ...usable.map((m) => m.target.amount), 1);
  const hasGoal = goal.amount > 0 && sameCurrency(goal, pledged);
  const ratio = hasGoal ? pledged.amount / goal.amount : null;
  // 99.6 % must not read "100 %" while the goal is not met: honest in both directions.
  const shownRatio = ratio === null ? null : ratio < 1 ? Math.min(ratio, 0.99) : ratio;
  const goalAt = goal.amount / scale;
  // A tick at the very end of the bar says nothing the bar's end does not already say.
  const markers: MeterMarker[] = usable
    .map((m) => ({
      at: m.target.amount / scale,
      reached: milestoneReached(m, pledged),
      milestone: m as Milestone | null,
    }))
    .filter((m) => m.at < END)
    .sort((a, b) => a.at - b.at);
  // The goal gets its own tick unless a milestone already sits on it.
  if (hasGoal && goalAt < END && !usable.some((m) => m.target.amount === goal.amount)) {
    markers.push({ at: goalAt, reached: pledged.amount >= goal.amount, milestone: null });
    markers.sort((a, b) => a.at - b.at);
  }
  const valueNow = shownRatio === null ? pledged.amount : Math.round(shownRatio * 100);
  const valueMax = hasGoal ? Math.max(Math.round((scale / goal.amount) * 100), valueNow) : scale;
  return {
    ratio,
    shownRatio,
    fill: Math.min(pledged.amount / scale, 1),
    goalAt,
    overfunded: ratio !== null && ratio > 1,
    markers,
    valueNow,
    valueMax,
  };
}

/** What the meter needs from its widget: the locale and the widget's `t()` (typed loosely). */
export interface MeterHost {
  readonly resolvedLocale: string;
  t: (...args: never) => string;
}

export interface MeterOptions {
  /** `3,1 M €` instead of `3 100 000 €` in the ARIA text and the goal list. */
  compact?: boolean;
  /** Show the list of goals under the bar, or keep it for assistive technologies only. */
  milestoneList?: 'visible' | 'hidden';
}

type Translate = (key: keyof MeterMessages, params?: Record<string, string>) => string;

/** The bar (meter + goal markers + overflow marking) and the list of successive goals. */
export function progressMeter(host: MeterHost, data: MeterData, options: MeterOptions = {}): TemplateResult {
  const t = host.t.bind(host) as unknown as Translate;
  const locale = host.resolvedLocale;
  const money = (m: Money) => formatMoney(m, locale, { compact: options.compact ?? false });
  const model = meterModel(data);
  const valueText =
    model.shownRatio === null
      ? t('meterValueNoGoal', { pledged: money(data.pledged) })
      : t('meterValue', {
          pledged: money(data.pledged),
          goal: money(data.goal),
          percent: formatPercent(model.shownRatio, locale),
        });
  const milestones = data.milestones.filter((m) => sameCurrency(m.target, data.goal));
  const overflowWidth = model.fill - model.goalAt;

  return html`<div
      class="meter ${model.overfunded ? 'overfunded' : ''}"
      part="meter"
      role="meter"
      aria-label=${t('meterLabel')}
      aria-valuemin="0"
      aria-valuemax=${model.valueMax}
      aria-valuenow=${model.valueNow}
      aria-valuetext=${valueText}
    >
      <div
        class="meter-fill"
        part="meter-fill"
        ${cssProps({ 'inline-size': pct(model.fill) })}
        style=${serverStyle({ 'inline-size': pct(model.fill) })}
      ></div>
      ${
        model.overfunded && overflowWidth > 0
          ? html`<div
              class="meter-overflow"
              part="meter-overflow"
              ${cssProps({ 'inset-inline-start': pct(model.goalAt), 'inline-size': pct(overflowWidth) })}
              style=${serverStyle({ 'inset-inline-start': pct(model.goalAt), 'inline-size': pct(overflowWidth) })}
            ></div>`
          : nothing
      }
      ${model.markers.map(
        (m) =>
          html`<span
            class="meter-marker ${m.reached ? 'reached' : ''} ${m.milestone ? '' : 'goal'}"
            part="milestone-marker${m.reached ? ' milestone-marker-reached' : ''}"
            ${cssProps({ 'inset-inline-start': pct(m.at) })}
            style=${serverStyle({ 'inset-inline-start': pct(m.at) })}
          ></span>`,
      )}
    </div>
    ${
      milestones.length === 0
        ? nothing
        : html`<ol
            class="milestones ${options.milestoneList === 'hidden' ? 'visually-hidden' : ''}"
            part="milestones"
            aria-label=${t('milestonesLabel')}
          >
            ${[...milestones]
              .sort((a, b) => a.target.amount - b.target.amount)
              .map((m) => {
                const reached = milestoneReached(m, data.pledged);
                return html`<li
                  class="milestone ${reached ? 'reached' : ''}"
                  part="milestone${reached ? ' milestone-reached' : ''}"
                >
                  <span class="milestone-dot" aria-hidden="true"></span>
                  <span class="milestone-title">${m.title}</span>
                  <span class="milestone-target">${money(m.target)}</span>
                  <span class="milestone-state">${t(reached ? 'milestoneReached' : 'milestoneAhead')}</span>
                </li>`;
              })}
          </ol>`
    }`;
}

const pct = (fraction: number) => `${(Math.max(0, Math.min(1, fraction)) * 100).toFixed(2)}%`;

/**
 * Styles of `progressMeter`: the bar. A widget that shows the list of goals adds
 * `milestoneListStyles` (its own module, so that a widget keeping the list for assistive
 * technologies only, the card, does not carry them: the list is clipped away, box and contents).
 */
export const meterBarStyles = css`
  .meter {
    position: relative;
    block-size: var(--partage-meter-height, 0.75rem);
    background: var(--_surface-muted);
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .meter-fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    background: var(--_accent);
    border-radius: inherit;
    transition: inline-size 0.6s ease-out;
  }
  /* The part raised beyond the goal: stripes, so overfunding reads without relying on colour. */
  .meter-overflow {
    position: absolute;
    inset-block: 0;
    background: repeating-linear-gradient(
      -45deg,
      var(--_accent) 0 6px,
      color-mix(in srgb, var(--_accent) 55%, var(--_surface)) 6px 10px
    );
    transition: inline-size 0.6s ease-out;
  }
  .meter-marker {
    position: absolute;
    inset-block: 0;
    inline-size: 3px;
    margin-inline-start: -1.5px;
    background: var(--_text-muted);
  }
  .meter-marker.reached {
    background: var(--_accent-contrast);
  }
  @media (prefers-reduced-motion: reduce) {
    .meter-fill,
    .meter-overflow {
      transition: none;
    }
  }
`;

/**
 * A campaign after a live `pledge.created`: new totals and waitlist, and the milestones the new
 * total passed marked as reached. Returns a new object (client values are shared, read-only).
 */
export function withTotals(campaign: Campaign, totals: CampaignTotals, now = new Date()): Campaign {
  const reachedAt = now.toISOString();
  return {
    ...campaign,
    pledged: totals.pledged,
    backerCount: totals.backerCount,
    milestones: campaign.milestones.map((m) =>
      m.reachedAt === null && milestoneReached(m, totals.pledged) ? { ...m, reachedAt } : m,
    ),
    equity: campaign.equity ? { ...campaign.equity, waitlistCount: totals.waitlistCount } : null,
  };
}
