/**
 * How long a test waits for a widget's first live stream. Live code loads on demand (a chunk the
 * test server transforms on first use), so on a busy machine the first stream may take seconds.
 */
export const LIVE_WAIT = { timeout: 8000 };
