import { ConfigError } from './errors.js';

/*
 * The client runs in other people's pages: anything handed to it is readable by every script
 * and every visitor of that page. Only public reads and a member's own short-lived bearer token
 * may ever reach the browser; platform secret keys stay on the platform's server. These checks
 * refuse configurations that look like a secret so that a copy-pasted key fails loudly in
 * development instead of leaking silently in production.
 */

/**
 * Shapes of well-known secret keys, as two patterns (one per case rule) rather than a list: Stripe-
 * and OpenAI-style secret keys (sk_…, sk-…), restricted keys (rk_live_…), secret…, webhook signing
 * secrets (whsec_…); then, case-sensitive, GitHub tokens, Slack tokens, AWS access key ids, PEM
 * private keys.
 */
const SECRET_VALUE = [
  /^([sr]k[_-]|secret|whsec_)/i,
  /^((gh[pousr]|github_pat)_|xox[abposr]-|AKIA[0-9A-Z]{16}$)|-----BEGIN [A-Z ]*PRIVATE KEY-----/,
];

/** Query parameter names that carry credentials. */
const SECRET_PARAM = /^(api[_-]?key|key|secret|client[_-]?secret|token|access[_-]?token|password|passwd|pwd|auth)$/i;

export function looksLikeSecret(value: string): boolean {
  const v = value.trim();
  return SECRET_VALUE.some((re) => re.test(v));
}

/** Throws ConfigError when the base URL is not http(s) or carries anything that looks secret. */
export function checkBaseUrl(baseUrl: unknown): URL {
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new ConfigError('baseUrl is required, e.g. "https://api.example.org/v1"');
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError(`baseUrl "${baseUrl}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`baseUrl must use https (or http in development), not "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new ConfigError('baseUrl must not contain credentials: no secret may reach the browser');
  }
  for (const [name, value] of url.searchParams) {
    if (SECRET_PARAM.test(name) || looksLikeSecret(value)) {
      throw new ConfigError(
        `baseUrl carries a secret-looking query parameter "${name}": no secret may reach the browser`,
      );
    }
  }
  for (const segment of url.pathname.split('/')) {
    if (looksLikeSecret(decodeURIComponentSafe(segment))) {
      throw new ConfigError('baseUrl contains what looks like a secret key: no secret may reach the browser');
    }
  }
  if (url.search || url.hash) {
    throw new ConfigError('baseUrl must be a plain versioned URL without query or fragment');
  }
  return url;
}

/** A member token is a user's own bearer token; a platform secret key is refused. */
export function checkMemberToken(token: string): void {
  if (looksLikeSecret(token)) {
    throw new ConfigError("memberToken looks like a secret key: pass the member's own token, never a platform secret");
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
