import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageAgenda } from './agenda.js';

defineElement('partage-agenda', PartageAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'partage-agenda': PartageAgenda;
  }
}
