import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageBackers } from './backers.js';

defineElement('partage-backers', PartageBackers);

declare global {
  interface HTMLElementTagNameMap {
    'partage-backers': PartageBackers;
  }
}
