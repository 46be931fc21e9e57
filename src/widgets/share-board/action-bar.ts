import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { Listing } from '../../contract/index.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import { textsOf } from '../../core/member/member-action.js';
import type { BoardMessages } from './share-board.messages.js';

export type ActionKind = 'reply' | 'report';

export interface ActionBarOptions {
  /** Signed in: "I'm interested" and "Report"; else the sign-in buttons. */
  member: boolean;
  /** The form open on this listing, if any. */
  open: ActionKind | null;
  /** The confirmation of what was just sent on this listing, if anything. */
  done: ActionKind | undefined;
  /** A form asked for before its code arrived (listing-interaction.ts): its button waits, busy. */
  busy: ActionKind | null;
  /** That code could not load (offline): a readable alert with a retry. */
  failed: ActionKind | null;
  /** The open form, rendered by the interaction code once it is there. */
  form: TemplateResult | typeof nothing;
  onToggle: (kind: ActionKind) => void;
  onSignIn: (kind: ActionKind) => void;
  onRetry: (kind: ActionKind) => void;
}

/**
 * The actions area of a listing's detail, part of the board's first paint: the buttons that open
 * "I'm interested" and "Report" (whose forms, checks and sending come with the board's interaction
 * code, on first use), the confirmation of a send and the closed note.
 */
export function actionBar(el: PartageElement, listing: Listing, o: ActionBarOptions): TemplateResult {
  const t = textsOf<BoardMessages>(el);
  const id = listing.id;
  const closed = listing.status === 'closed';
  const button = (kind: ActionKind, label: string, secondary: boolean) =>
    html`<button
      type="button"
      class=${secondary ? 'secondary' : ''}
      id="${kind}-${id}-open"
      part=${kind === 'reply' ? 'interested' : 'report'}
      aria-expanded=${o.open === kind ? 'true' : 'false'}
      aria-controls="action-${id}"
      aria-busy=${o.busy === kind ? 'true' : 'false'}
      @click=${() => o.onToggle(kind)}
    >
      ${label}
    </button>`;
  return html`<div class="listing-actions" part="actions">
    ${
      o.done
        ? html`<p class="confirmation" id="done-${id}" role="status" tabindex="-1" part="confirmation">
            ${o.done === 'reply' ? t('replySent', { name: listing.author.displayName }) : t('reportSent')}
          </p>`
        : nothing
    }
    ${closed ? html`<p class="closed-note muted">${t('closedNote')}</p>` : nothing}
    <div class="actions">
      ${
        o.member
          ? html`${closed ? nothing : button('reply', t('interested'), false)} ${button('report', t('report'), true)}`
          : html`${
                closed
                  ? nothing
                  : html`<button type="button" part="sign-in" @click=${() => o.onSignIn('reply')}>
                      ${t('signInToReply')}
                    </button>`
              }
              <button type="button" class="secondary" part="sign-in" @click=${() => o.onSignIn('report')}>
                ${t('signInToReport')}
              </button>`
      }
    </div>
    ${
      o.member && o.failed
        ? html`<div class="form-alert" role="alert" part="form-alert">
            <p>${el.t('errorOffline')}</p>
            <button type="button" class="secondary" part="retry" @click=${() => o.onRetry(o.failed!)}>
              ${el.t('retry')}
            </button>
          </div>`
        : nothing
    }
    ${o.member ? o.form : nothing}
  </div>`;
}
