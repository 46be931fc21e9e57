import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageSocialShare } from './social-share.js';

defineElement('partage-social-share', PartageSocialShare);

declare global {
  interface HTMLElementTagNameMap {
    'partage-social-share': PartageSocialShare;
  }
}
