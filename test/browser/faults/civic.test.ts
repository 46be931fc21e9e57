import { WIDGETS, useBench, watchRejections } from './kit.js';
import { faultMatrix } from './matrix.js';

// The fault matrix (matrix.ts) over the town hall's widgets: partage-poll and partage-agenda.
const bench = useBench();
faultMatrix(
  bench,
  watchRejections(),
  WIDGETS.filter((w) => ['partage-poll', 'partage-agenda'].includes(w.tag)),
);
