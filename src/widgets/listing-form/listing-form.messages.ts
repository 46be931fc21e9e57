import { listingFormMessages } from '../../core/listing-form/listing-form.messages.js';
import { listingMessages } from '../../core/listing-form/listing.messages.js';
import { memberFormMessages } from '../../core/member/member-form.messages.js';

/** Texts of `<partage-listing-form>`; partners override any key through `texts`. */
export const messages = {
  en: {
    ...listingMessages.en,
    ...memberFormMessages.en,
    ...listingFormMessages.en,
    errorNoNeighbourhood: 'This widget needs a neighbourhood attribute.',
  },
  fr: {
    ...listingMessages.fr,
    ...memberFormMessages.fr,
    ...listingFormMessages.fr,
    errorNoNeighbourhood: 'Ce widget a besoin d’un attribut neighbourhood.',
  },
};
