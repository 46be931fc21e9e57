import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageCountdown } from './countdown.js';

defineElement('partage-countdown', PartageCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'partage-countdown': PartageCountdown;
  }
}
