import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currencyDigits, formatMoney, toMajor, toMinor } from '../../src/core/i18n/format.js';

test('minor units follow each currency, asked once or many times', () => {
  for (let i = 0; i < 3; i++) {
    assert.equal(currencyDigits('EUR'), 2);
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(currencyDigits('KWD'), 3);
  }
  assert.equal(toMajor({ amount: 1267_00, currency: 'EUR' }), 1267);
  assert.equal(toMajor({ amount: 500, currency: 'JPY' }), 500);
  assert.equal(toMinor(1.5, 'KWD'), 1500);
});

test('an unknown currency is refused every time, never cached as a default', () => {
  assert.throws(() => currencyDigits('EURO'), RangeError);
  assert.throws(() => currencyDigits('EURO'), RangeError);
});

test('amounts are formatted with Intl in the reader locale', () => {
  assert.equal(formatMoney({ amount: 3_100_000_00, currency: 'EUR' }, 'en', { compact: true }), '€3.1M');
  assert.equal(formatMoney({ amount: 25_00, currency: 'EUR' }, 'fr'), '25\u00a0€');
  assert.equal(formatMoney({ amount: 25_50, currency: 'EUR' }, 'en'), '€25.50');
});
