/**
 * Every Partage event is a CustomEvent that bubbles and crosses shadow roots, with a typed
 * `detail`. A changed payload gets a new event name rather than breaking the old one.
 */
export function partageEvent<D>(name: string, detail: D, cancelable = false): CustomEvent<D> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}

export interface PartageErrorDetail {
  /** Which request failed, e.g. `getCampaign`. */
  operation: string;
  error: unknown;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-error': CustomEvent<PartageErrorDetail>;
  }
}
