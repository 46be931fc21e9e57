import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { API, DOWN_API, OFFLINE_API, SLOW_API, SLUGGISH_API } from './backends.js';

/**
 * Helpers shared by the stories. Widgets are built with DOM APIs, so the docs' code panel shows
 * exactly the element a host page would write.
 */
export type Args = Record<string, unknown>;

/**
 * `<tag …>` from story args: strings, numbers and booleans become attributes (what a blogger
 * writes), objects and camelCase keys become properties (what a framework passes).
 */
export function widget(tag: string, args: Args = {}, ...children: (Node | string)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    if (typeof value === 'object' || typeof value === 'function' || /[A-Z]/.test(key)) {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  el.append(...children);
  return el;
}

/** Controls every widget shares. */
export const commonArgTypes = {
  api: {
    control: 'select',
    options: [API, SLUGGISH_API, SLOW_API, DOWN_API, OFFLINE_API],
    description: 'Backend base URL (in Storybook, mock backends under different network conditions)',
  },
  locale: {
    control: 'inline-radio',
    options: [undefined, 'fr', 'en'],
    description: 'Own locale; else the page’s `lang`',
  },
  theme: { control: 'inline-radio', options: [undefined, 'auto', 'light', 'dark'] },
} as const;

/** Keeps a widget to a realistic column width. */
export const column =
  (rem: number): Decorator =>
  (story) =>
    html`<div style="max-width: ${rem}rem">${story()}</div>`;

/** A dark host page around the story (the widget itself gets `theme="dark"` from its args). */
export const onDarkPage: Decorator = (story) =>
  html`<div style="background: #0f1211; color: #eef1ef; padding: 1.5rem; border-radius: 0.75rem">${story()}</div>`;

/** A host page that themes widgets through the public tokens only. */
export const brandTokens: Decorator = (story) =>
  html`<div
    style="--partage-accent: #9c3d1b; --partage-surface: #fffdf8; --partage-border: #e4dccd; --partage-radius: 0.4rem; --partage-font: Georgia, serif; background: #fbf8f2; padding: 1.5rem"
  >
    ${story()}
  </div>`;

/** The plain link a blogger puts inside a card: what readers without JavaScript see. */
export function fallbackLink(slug: string, title: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = `https://demo.partage.example.org/campaigns/${slug}`;
  a.textContent = title;
  return a;
}

/** Side by side, as on a partner's listing page. */
export const grid =
  (minRem: number): Decorator =>
  (story) =>
    html`<div style="display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fill, minmax(${minRem}rem, 1fr))">
      ${story()}
    </div>`;

/** Waits for a widget's shadow root to hold `selector` (the data has loaded). */
export async function shadowReady<E extends Element = HTMLElement>(
  host: Element,
  selector: string,
  timeoutMs = 5000,
): Promise<E> {
  const start = performance.now();
  for (;;) {
    const el = host.shadowRoot?.querySelector<E>(selector);
    if (el) return el;
    if (performance.now() - start > timeoutMs) throw new Error(`<${host.localName}> never showed ${selector}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Fills a pledge form like a reader (typing fires `input`) and submits it. */
export async function submitPledge(
  form: Element,
  values: { amount: string; name: string; email: string },
): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = await shadowReady<HTMLInputElement>(form, `[name="${name}"]`);
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  (await shadowReady<HTMLButtonElement>(form, '[part~="submit"]')).click();
}
