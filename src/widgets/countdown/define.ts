import '../../core/hydrate-support.js';
import { defineElement } from '../../core/define.js';
import { PartageCountdown } from './countdown.js';

defineElement('partage-countdown', PartageCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'partage-countdown': PartageCountdown;
  }
}
