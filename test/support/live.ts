/**
 * How long a test waits for a widget's first live stream. Live code loads on demand (a chunk the
 * test server transforms on first use), so on a busy machine the first stream may take seconds.
 */
export const LIVE_WAIT = { timeout: 8000 };

/**
 * Waits for the page's live hub to close the stream of the previous test's widgets (it
 * reconciles a task after they unsubscribe). Without it, a next test's widget of the same
 * resource, connecting within that task, joins that stream, which the mock backend's reset then
 * drops, and waits out the hub's reconnection delay.
 */
export const liveHubSettled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
