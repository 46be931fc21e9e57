/** Where a reader chose to share: the system share sheet, a network, e-mail or the clipboard. */
export type ShareNetwork = 'native' | 'facebook' | 'x' | 'linkedin' | 'email' | 'copy';

export interface ShareDetail {
  network: ShareNetwork;
  /** The page being shared (not the network's share address). */
  url: string;
}

/**
 * Fired when the reader activates a share action, before the widget acts: cancel it
 * (`preventDefault()`) to handle the share yourself, e.g. in your own pop-up window.
 */
export const SHARE_EVENT = 'partage-share';

declare global {
  interface GlobalEventHandlersEventMap {
    'partage-share': CustomEvent<ShareDetail>;
  }
}
