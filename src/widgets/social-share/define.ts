import '../../core/hydrate-support.js';
import { defineElement } from '../../core/define.js';
import { PartageSocialShare } from './social-share.js';

defineElement('partage-social-share', PartageSocialShare);

declare global {
  interface HTMLElementTagNameMap {
    'partage-social-share': PartageSocialShare;
  }
}
