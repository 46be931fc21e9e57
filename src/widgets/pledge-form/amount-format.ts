import { currencyDigits } from '../../core/i18n/format.js';

/*
 * Amounts shown in the reader's locale: written back into the field, and the currency beside it.
 * The form needs them for its first paint; reading what the reader typed (amount.ts) loads with
 * its first use.
 */

/** An amount written back into the field, in the reader's locale: `1 267`, `25,50`. */
export function formatAmountInput(minor: number, locale: string, currency: string): string {
  const digits = currencyDigits(currency);
  const whole = minor % 10 ** digits === 0;
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/** The currency's symbol as shown next to the field, and on which side the locale puts it. */
export function currencyAffix(locale: string, currency: string): { symbol: string; before: boolean } {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(1);
  const index = parts.findIndex((p) => p.type === 'currency');
  const integer = parts.findIndex((p) => p.type === 'integer');
  return { symbol: parts[index]?.value ?? currency, before: index >= 0 && index < integer };
}
