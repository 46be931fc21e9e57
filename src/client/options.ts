import { ConfigError } from './errors.js';
import { checkBaseUrl, checkMemberToken } from './secrets.js';
import type { ClientOptions } from './types.js';

/*
 * The checks of `createClient`'s and `createTransport`'s options, apart from the transport itself:
 * the widgets' own clients (an `api` attribute) only take a base URL, checked by the transport,
 * so a file with no provider does not carry these.
 */

/** Throws ConfigError on anything but valid options; refuses secret-looking values first. */
export function checkOptions(options: ClientOptions): void {
  if (!options || typeof options !== 'object')
    throw new ConfigError('createClient needs an options object with a baseUrl');
  checkBaseUrl(options.baseUrl);
  if (typeof options.memberToken === 'string') checkMemberToken(options.memberToken);
  if (
    options.memberToken !== undefined &&
    typeof options.memberToken !== 'string' &&
    typeof options.memberToken !== 'function'
  ) {
    throw new ConfigError('memberToken must be a string or a function returning one');
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw new ConfigError('fetch must be a function');
  numberOption('maxAttempts', options.maxAttempts, 1, true);
  numberOption('cacheTtlMs', options.cacheTtlMs, 0);
  numberOption('pollIntervalMs', options.pollIntervalMs, 1);
  numberOption('timeoutMs', options.timeoutMs, 1);
  numberOption('retryBaseMs', options.retryBaseMs, 0);
}

function numberOption(name: string, value: unknown, min: number, integer = false): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new ConfigError(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got ${String(value)}`);
  }
}
