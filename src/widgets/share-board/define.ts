import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageShareBoard } from './share-board.js';

defineElement('partage-share-board', PartageShareBoard);

declare global {
  interface HTMLElementTagNameMap {
    'partage-share-board': PartageShareBoard;
  }
}
