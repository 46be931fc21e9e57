import { defineElement } from '../../core/element/define.js';
import { PartageProvider } from './provider.js';

defineElement('partage-provider', PartageProvider);

declare global {
  interface HTMLElementTagNameMap {
    'partage-provider': PartageProvider;
  }
}
