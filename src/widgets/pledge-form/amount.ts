import { currencyDigits } from '../../core/i18n/format.js';

/**
 * Amounts as people type them, in their own locale: `25`, `25,50`, `25.50`, `1 267`, `1.267,50`,
 * `€25`. The result is an integer of minor units, computed on the digits themselves (never
 * through a float), so `19,99` is exactly 1999 cents.
 */
export type AmountProblem = 'empty' | 'invalid' | 'precision';
export type ParsedAmount = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

const SPACES = /[\s\u00a0\u202f\u2009'’]/g;

function separatorsOf(locale: string): { decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

/** The currency's symbols in this locale (`€`, `$`, `US$`…) and its ISO code, longest first. */
function currencyMarks(locale: string, currency: string): string[] {
  const marks = new Set<string>([currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay })
      .formatToParts(1)
      .find((p) => p.type === 'currency');
    if (part) marks.add(part.value);
  }
  return [...marks].sort((a, b) => b.length - a.length);
}

export function parseAmount(input: string, locale: string, currency: string): ParsedAmount {
  let text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  for (const mark of currencyMarks(locale, currency)) text = text.split(mark).join('');
  text = text.replace(SPACES, '');
  if (text === '') return { ok: false, problem: 'empty' };
  if (!/^\d+([.,]\d+)*$/.test(text)) return { ok: false, problem: 'invalid' };

  const decimal = decimalSeparator(text, separatorsOf(locale).decimal);
  const cut = decimal === null ? -1 : text.lastIndexOf(decimal);
  const whole = (cut < 0 ? text : text.slice(0, cut)).replace(/[.,]/g, '');
  let fraction = cut < 0 ? '' : text.slice(cut + 1);

  const digits = currencyDigits(currency);
  if (fraction.length > digits) {
    // `25,500` is fine in euros; `25,505` asks for a cent that does not exist.
    if (/[^0]/.test(fraction.slice(digits))) return { ok: false, problem: 'precision' };
    fraction = fraction.slice(0, digits);
  }
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? { ok: true, minor } : { ok: false, problem: 'invalid' };
}

/**
 * Which separator, if any, starts the decimals. With both `.` and `,`, the last one does
 * (`1.267,50`, `1,267.50`). A separator used twice groups thousands (`1.000.000`). A single one
 * is decimal when it is the locale's, or when it is not followed by exactly three digits:
 * `25.50` reads as decimals in French, `1.267` as thousands.
 */
function decimalSeparator(text: string, localeDecimal: string): string | null {
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  if (dots === 0 && commas === 0) return null;
  if (dots > 0 && commas > 0) {
    const last = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    return (last === '.' ? dots : commas) === 1 ? last : null;
  }
  const sep = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return null;
  if (sep === localeDecimal) return sep;
  return text.length - text.indexOf(sep) - 1 === 3 ? null : sep;
}
