import '../../core/element/hydrate-support.js';
import { defineElement } from '../../core/element/define.js';
import { PartagePledgeForm } from './pledge-form.js';

defineElement('partage-pledge-form', PartagePledgeForm);

declare global {
  interface HTMLElementTagNameMap {
    'partage-pledge-form': PartagePledgeForm;
  }
}
