import '../../core/hydrate-support.js';
import { defineElement } from '../../core/define.js';
import { PartageShareBoard } from './share-board.js';

defineElement('partage-share-board', PartageShareBoard);

declare global {
  interface HTMLElementTagNameMap {
    'partage-share-board': PartageShareBoard;
  }
}
