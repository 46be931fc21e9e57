import { nothing, type TemplateResult } from 'lit';
import { html } from '../../core/element/template.js';
import type { PartnerService } from '../../contract/index.js';
import { heading } from '../../core/element/heading.js';
import { textsOf } from '../../core/member/member-action.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import type { BoardMessages } from './share-board.messages.js';

/** Where the link lands, as readers know sites by name; the backend's URL is never rebuilt here. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/**
 * The neighbourhood's partner services (car sharing and the like), under a heading at `level`,
 * each with a link out that says it leaves the site, for where, and that it opens a new tab.
 * The link is the backend's `visitUrl`: its redirect counts the visit (a count, nothing about the
 * reader) and adds the platform's attribution, so the board never builds either. Nothing when
 * there are none.
 */
export function partnerServices(
  el: PartageElement,
  services: readonly PartnerService[],
  level: number,
): TemplateResult | typeof nothing {
  if (services.length === 0) return nothing;
  const t = textsOf<BoardMessages>(el);
  return html`<section class="partners" part="partners" aria-labelledby="partners-heading">
    ${heading(level, { id: 'partners-heading', class: 'partners-heading' }, t('partnersHeading'))}
    <ul class="partner-list">
      ${services.map(
        (s) =>
          html`<li class="partner" part="partner">
            <div class="badges">
              <span class="badge partner-badge" part="partner-badge">${t('partnerBadge')}</span>
              <span class="muted">${t(`partner_${s.kind}`)}</span>
            </div>
            ${heading(level + 1, { class: 'partner-name' }, s.name)}
            <p class="partner-description">${s.description}</p>
            <a class="partner-link" part="partner-link" href=${s.visitUrl} target="_blank" rel="noopener noreferrer"
              >${t('partnerLink', { name: s.name })}
              <span class="partner-leaves" part="partner-leaves">${t('partnerLeaves', { host: hostOf(s.url) })}</span
              ><span class="visually-hidden"> ${t('newTab')}</span></a
            >
          </li>`,
      )}
    </ul>
  </section>`;
}
