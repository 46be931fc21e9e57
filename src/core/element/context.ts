import { createContext } from '@lit/context';
import type { Transport } from '../../client/transport.js';
import type { SelectionStore } from '../data/selection.js';

export type Theme = 'auto' | 'light' | 'dark';
export type MemberTokenSource = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * What `<partage-provider>` hands to every widget below it. A small API object rather than
 * loose values, so that widgets depend on an interface, not on the provider element.
 */
export interface PartageContext {
  client: Transport;
  locale: string | undefined;
  theme: Theme | undefined;
  /** Partner text overrides, keyed like the widgets' catalogues. */
  texts: Record<string, string>;
  /** Shared choices between widgets, e.g. the reward picked in the tiers for the pledge form. */
  selection: SelectionStore;
  /** Default heading level of the widgets below (their own `heading-level` wins). */
  headingLevel: number | undefined;
  /** Where member-only widgets get a (possibly refreshed) member token from. */
  memberToken: MemberTokenSource | undefined;
  /** No memory across visits for any widget below (`no-memory` on the provider). */
  noMemory?: boolean;
}

export const partageContext = createContext<PartageContext | undefined>(Symbol.for('partage.context'));
