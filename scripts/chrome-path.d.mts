/** Types of chrome-path.mjs, for the TypeScript scripts that drive Chromium (benchmarks). */
export function chromePath(): Promise<string>;
export const chromeArgs: string[];
