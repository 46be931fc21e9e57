/**
 * Registers every Partage element, under `partage-` or a partner's own prefix:
 * `define({ prefix: 'acme' })` gives `<acme-campaign-card>` and friends. Safe to call twice.
 */
import { defineElement, tagName } from './core/define.js';
import { PartageProvider } from './widgets/provider/provider.js';

/** Element names without prefix. The provider comes first so widgets find it as they upgrade. */
export const elements = {
  provider: PartageProvider,
} as const;

export function define({ prefix = 'partage' }: { prefix?: string } = {}): void {
  for (const [name, ctor] of Object.entries(elements)) defineElement(tagName(prefix, name), ctor);
}
