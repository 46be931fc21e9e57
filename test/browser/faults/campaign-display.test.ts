import { WIDGETS, useBench, watchRejections } from './kit.js';
import { faultMatrix } from './matrix.js';

// The fault matrix (matrix.ts) over partage-campaign-progress, partage-campaign-card, partage-countdown; the widgets are split in three files so
// that each runs in a few minutes at most.
const bench = useBench();
faultMatrix(
  bench,
  watchRejections(),
  WIDGETS.filter((w) => ['partage-campaign-progress', 'partage-campaign-card', 'partage-countdown'].includes(w.tag)),
);
