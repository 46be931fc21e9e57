import { WIDGETS, useBench, watchRejections } from './kit.js';
import { faultMatrix } from './matrix.js';

// The fault matrix (matrix.ts) over partage-reward-tiers, partage-pledge-form, partage-backers; the widgets are split in three files so
// that each runs in a few minutes at most.
const bench = useBench();
faultMatrix(
  bench,
  watchRejections(),
  WIDGETS.filter((w) => ['partage-reward-tiers', 'partage-pledge-form', 'partage-backers'].includes(w.tag)),
);
