import type { Money } from '../../contract/index.js';

/**
 * Formatting at display time only. Intl formatters are costly to build, so they are cached
 * per locale and options.
 */
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

const warmed = new Set<string>();

/**
 * Builds a locale's number formatting while a first request is in flight. The page's first
 * Intl.NumberFormat loads ICU's data (≈ 35 ms on the 100-card page, BENCHMARKS.md), which would
 * otherwise sit between the answer and the amounts. A task later, so the request leaves first.
 */
export function warmFormatting(locale: string): void {
  if (warmed.has(locale)) return;
  warmed.add(locale);
  setTimeout(() => {
    try {
      formatMoney({ amount: 0, currency: 'EUR' }, locale, { compact: true });
    } catch {
      // A malformed locale: the widget reports it when it formats.
    }
  });
}

const digits = new Map<string, number>();
/** Minor-unit exponent of a currency (EUR 2, JPY 0, KWD 3), from Intl itself. */
export function currencyDigits(currency: string): number {
  // Every amount shown asks; resolvedOptions() builds a new object each time.
  let d = digits.get(currency);
  if (d === undefined)
    digits.set(
      currency,
      (d = numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2),
    );
  return d;
}

export const toMajor = (money: Money) => money.amount / 10 ** currencyDigits(money.currency);
export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** currencyDigits(currency));

export interface MoneyFormat {
  /** `3,1 M €` instead of `3 100 000 €`. */
  compact?: boolean;
  /** Drop the minor units when they are zero (`25 €`, not `25,00 €`). */
  trim?: boolean;
}

export function formatMoney(money: Money, locale: string, { compact = false, trim = true }: MoneyFormat = {}): string {
  const value = toMajor(money);
  const whole = Number.isInteger(value);
  return numberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    ...(!compact && trim && whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
  }).format(value);
}

export const formatNumber = (n: number, locale: string, compact = false) =>
  numberFormat(locale, compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(n);

/** Whole percent, honest above 100 % (an overfunded campaign reads 413 %, not 100 %). */
export const formatPercent = (ratio: number, locale: string) =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);

export const percentOf = (part: Money, whole: Money) => (whole.amount > 0 ? part.amount / whole.amount : 0);

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }) {
  const key = locale + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f.format(new Date(iso));
}

export interface TimeLeft {
  unit: 'day' | 'hour' | 'minute';
  value: number;
}

/** The largest whole unit left before `endsAt`; null once ended. */
export function timeLeft(endsAt: string, now: number = Date.now()): TimeLeft | null {
  const ms = Date.parse(endsAt) - now;
  if (ms <= 0) return null;
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) return { unit: 'day', value: days };
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return { unit: 'hour', value: hours };
  return { unit: 'minute', value: Math.max(1, Math.ceil(ms / 60_000)) };
}

/** "12 days", "3 heures": a unit display that reads the same in every locale. */
export const formatDuration = ({ unit, value }: TimeLeft, locale: string) =>
  numberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

export const formatRelative = (iso: string, locale: string, now = Date.now()) => {
  const diff = (Date.parse(iso) - now) / 1000;
  let rtf = relativeFormats.get(locale);
  if (!rtf) relativeFormats.set(locale, (rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const abs = Math.abs(diff);
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86_400), 'day');
};
