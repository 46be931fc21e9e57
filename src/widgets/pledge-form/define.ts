import '../../core/hydrate-support.js';
import { defineElement } from '../../core/define.js';
import { PartagePledgeForm } from './pledge-form.js';

defineElement('partage-pledge-form', PartagePledgeForm);

declare global {
  interface HTMLElementTagNameMap {
    'partage-pledge-form': PartagePledgeForm;
  }
}
