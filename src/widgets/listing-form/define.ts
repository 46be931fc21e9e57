import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartageListingForm } from './listing-form.js';

defineElement('partage-listing-form', PartageListingForm);

declare global {
  interface HTMLElementTagNameMap {
    'partage-listing-form': PartageListingForm;
  }
}
