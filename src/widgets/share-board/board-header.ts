import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { Neighbourhood } from '../../contract/index.js';
import { heading } from '../../core/element/heading.js';
import { liveBadge } from '../../core/element/live-badge.js';
import { textsOf, type TextsOf } from '../../core/member/member-action.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import type { BoardMessages } from './share-board.messages.js';

export interface BoardHeaderOptions {
  /** The neighbourhood, once loaded. */
  neighbourhood: Neighbourhood | undefined;
  /** The neighbourhood is on its way (a skeleton holds the title's place). */
  loading: boolean;
  /** The live stream is open. */
  live: boolean;
  /** Level of the board's title. */
  level: number;
  /** For a member, the button that opens the posting form; else the reader is asked to sign in. */
  postToggle: TemplateResult | undefined;
  onSignIn: () => void;
}

/** The board's header: the neighbourhood's name and city, the live badge, and posting (or signing in to post). */
export function boardHeader(el: PartageElement, o: BoardHeaderOptions): TemplateResult {
  const t = textsOf<BoardMessages>(el);
  const n = o.neighbourhood;
  // Multi-line on purpose: the whitespace between the header's actions stays as hosts got it so far.
  // prettier-ignore
  return html`<header class="header">
    <div class="heading">
      ${heading(
        o.level,
        { id: 'board-title', class: 'board-title', part: 'title' },
        n
          ? n.name
          : o.loading
            ? html`<span class="visually-hidden">${el.t('loading')}</span
                ><span class="skeleton title-skeleton" aria-hidden="true"></span>`
            : t('title'),
      )}
      <p class="subtitle muted">${t('subtitle')}${n ? html` · ${n.city}` : nothing}</p>
    </div>
    <div class="header-actions">
      ${liveBadge(el, o.live)}
      ${o.postToggle ?? signInPrompt(t, o.onSignIn)}
    </div>
  </header>`;
}

/** For readers who are not signed in: who can post, and the button that asks the host page to sign them in. */
function signInPrompt(t: TextsOf<BoardMessages>, onSignIn: () => void): TemplateResult {
  // The button's text keeps the whitespace around it that hosts reading textContent got so far.
  // prettier-ignore
  return html`<div class="sign-in-prompt">
    <p class="muted">${t('membersOnly')}</p>
    <button type="button" part="sign-in" @click=${onSignIn}>
      ${t('signInToPost')}
    </button>
  </div>`;
}
