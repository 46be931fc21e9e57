// Declared with every Partage event in core/element/events.ts (one map).
export type { CountdownEndDetail } from '../../core/element/events.js';

export const COUNTDOWN_END = 'partage-countdown-end';
