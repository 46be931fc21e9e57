// Declared with every Partage event in core/element/events.ts (one map).
export type { ShareDetail, ShareNetwork } from '../../core/element/events.js';

/**
 * Fired when the reader activates a share action, before the widget acts: cancel it
 * (`preventDefault()`) to handle the share yourself, e.g. in your own pop-up window.
 */
export const SHARE_EVENT = 'partage-share';
