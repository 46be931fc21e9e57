import { waitUntil } from '@open-wc/testing';
import { createMockBackend, type MockBackend } from '../../../src/mock/index.js';
import { startMockWorker } from '../../../src/mock/browser.js';
import { shownText } from '../embed/samples.js';

export { shownText };

/** One mock backend per test file (its own base URL: no cache shared with other files). */
export async function startBackend(baseUrl: string): Promise<MockBackend> {
  const backend = createMockBackend({ baseUrl });
  await startMockWorker(backend);
  return backend;
}

/** The first element matching `selector` in a widget's shadow root. */
export function inShadow<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`<${host.localName}> has no ${selector} (it shows "${shownText(host).slice(0, 200)}")`);
  return found;
}

/** Types into a field of a widget's form the way a reader does: value, then input and change. */
export function fill(host: Element, name: string, value: string): void {
  const field = inShadow<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(host, `[name="${name}"]`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** A fresh container in the document, removed after the test by `cleanUp`. */
export function container(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'framework-root';
  document.body.append(el);
  return el;
}

export function cleanUp(): void {
  for (const el of document.querySelectorAll('.framework-root')) el.remove();
}

/** Whether a widget currently has a custom state (`:state(x)`). */
export const hasState = (el: Element, state: string) => el.matches(`:state(${state})`);

/** Waits until `find` returns something, and returns it. */
export async function found<T>(find: () => T | null | undefined, message: string): Promise<T> {
  let value: T | null | undefined;
  await waitUntil(() => (value = find()) != null, message);
  return value!;
}

/**
 * What a reader does on a reward campaign page, whatever framework renders it: wait for the tiers
 * and the form, choose "Une tasse émaillée" in the tiers, check the form followed (the provider's
 * shared selection), fill in 30 € with a name and an e-mail, and submit.
 */
export async function pledgeThroughTiers(host: Element): Promise<void> {
  const tiers = await found(() => host.querySelector('partage-reward-tiers'), 'no tiers');
  const form = await found(() => host.querySelector('partage-pledge-form'), 'no form');
  await waitUntil(
    () => form.shadowRoot?.querySelector('[name="amount"]') && /tasse émaillée/i.test(shownText(tiers)),
    'tiers and form did not load',
  );
  inShadow<HTMLInputElement>(tiers, 'input[value="ceramique-tasse"]').click();
  await waitUntil(
    () => inShadow<HTMLSelectElement>(form, '[name="rewardId"]').value === 'ceramique-tasse',
    'the form did not follow the tiers',
  );
  fill(form, 'amount', '30');
  fill(form, 'name', 'Camille Durand');
  fill(form, 'email', 'camille@example.org');
  inShadow(form, '[part~="submit"]').click();
}
