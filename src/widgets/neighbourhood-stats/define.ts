import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageNeighbourhoodStats } from './neighbourhood-stats.js';

defineElement('partage-neighbourhood-stats', PartageNeighbourhoodStats);

declare global {
  interface HTMLElementTagNameMap {
    'partage-neighbourhood-stats': PartageNeighbourhoodStats;
  }
}
