/**
 * Countdown arithmetic, kept pure so the scheduling rule is easy to reason about: the display
 * shows whole units down to a precision, and changes only when one of those units does, so the
 * widget needs one timer per change (a minute, an hour or a day apart), never a ticking interval.
 */
export type Precision = 'day' | 'hour' | 'minute';

export const UNIT_MS: Record<Precision, number> = { day: 86_400_000, hour: 3_600_000, minute: 60_000 };
const ORDER: Precision[] = ['day', 'hour', 'minute'];

export interface Breakdown {
  /** Whole units from the largest non-zero one down to `smallest`; empty under one minute. */
  parts: { unit: Precision; value: number }[];
  /** The finest unit shown: the precision asked for, finer once less than one of it is left. */
  smallest: Precision;
}

export function breakdown(ms: number, precision: Precision): Breakdown {
  const left = Math.max(0, ms);
  // With "day" precision and 5 hours left, "0 days" would say nothing: refine instead.
  let smallest = precision;
  while (smallest !== 'minute' && left < UNIT_MS[smallest]) smallest = ORDER[ORDER.indexOf(smallest) + 1]!;
  const values: Record<Precision, number> = {
    day: Math.floor(left / UNIT_MS.day),
    hour: Math.floor((left % UNIT_MS.day) / UNIT_MS.hour),
    minute: Math.floor((left % UNIT_MS.hour) / UNIT_MS.minute),
  };
  const units = ORDER.slice(0, ORDER.indexOf(smallest) + 1);
  const first = units.findIndex((u) => values[u] > 0);
  return { parts: first < 0 ? [] : units.slice(first).map((unit) => ({ unit, value: values[unit] })), smallest };
}

/**
 * Milliseconds until the display changes: when the finest unit shown ticks down (or, under one
 * minute, when the time is up). One millisecond past the boundary, so the new value is certain.
 */
export function nextChangeIn(ms: number, precision: Precision): number {
  if (ms <= 0) return 0;
  const { smallest } = breakdown(ms, precision);
  return (ms % UNIT_MS[smallest]) + 1;
}
