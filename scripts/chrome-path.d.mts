/** Path of the Chromium every browser-driving tool uses (see chrome-path.mjs). */
export function chromePath(): Promise<string>;
/** Flags for a closed network, headless, as root in a container. */
export const chromeArgs: string[];
