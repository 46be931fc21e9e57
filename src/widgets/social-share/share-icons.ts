import type { SVGTemplateResult } from 'lit';
import { html, svg } from '../../core/element/template.js';

export type IconName = 'share' | 'facebook' | 'x' | 'linkedin' | 'email' | 'copy' | 'check';

/**
 * Icons drawn inline (stroke glyphs in currentColor), so the widget loads no image or font from
 * anyone. Decorative: every control carries its name in text.
 */
const glyphs: Record<IconName, SVGTemplateResult> = {
  share: svg`<circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/><path d="m8.6 13.5 6.8 4M15.4 6.5l-6.8 4"/>`,
  facebook: svg`<path d="M15.5 3.5H13a4 4 0 0 0-4 4v13M6 10.5h8"/>`,
  x: svg`<path d="M4.5 4h4l11 16h-4z" stroke-linejoin="round"/><path d="M19.5 4 13.6 10.7M10.4 13.3 4.5 20"/>`,
  linkedin: svg`<rect x="3" y="3" width="18" height="18" rx="3"/><path d="M8 10.5V17M8 7.3v.2M11.8 17v-6.5M11.8 13.5a2.8 2.8 0 0 1 5.6 0V17"/>`,
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 6.5 8.5 6.5 8.5-6.5"/>`,
  copy: svg`<path d="M10 13.5a4.5 4.5 0 0 0 6.4.4l2.8-2.8a4.5 4.5 0 0 0-6.4-6.4l-1.3 1.3"/><path d="M14 10.5a4.5 4.5 0 0 0-6.4-.4l-2.8 2.8a4.5 4.5 0 0 0 6.4 6.4l1.3-1.3"/>`,
  check: svg`<path d="m5 12.5 4.5 4.5L19 7.5"/>`,
};

export const icon = (name: IconName) =>
  html`<svg
    class="icon"
    part="icon"
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    aria-hidden="true"
    focusable="false"
  >
    ${glyphs[name]}
  </svg>`;
