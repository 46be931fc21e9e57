import '../../core/hydrate-support.js';
import { defineElement } from '../../core/define.js';
import { PartageListingForm } from './listing-form.js';

defineElement('partage-listing-form', PartageListingForm);

declare global {
  interface HTMLElementTagNameMap {
    'partage-listing-form': PartageListingForm;
  }
}
