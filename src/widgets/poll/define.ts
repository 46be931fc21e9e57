import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartagePoll } from './poll.js';

defineElement('partage-poll', PartagePoll);

declare global {
  interface HTMLElementTagNameMap {
    'partage-poll': PartagePoll;
  }
}
