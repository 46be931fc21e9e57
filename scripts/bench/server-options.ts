import type { startServer } from '../../server/server.js';

/**
 * The reference server as the benchmarks run it: as `npm start` does, answers are not
 * re-validated on the way out (tests still do); sandbox on, no demo, files or OpenAPI served.
 */
export const benchServerOptions = {
  port: 0,
  hostname: '127.0.0.1',
  sandbox: true,
  demoDir: null,
  distDir: null,
  openapiFile: null,
  checkResponses: false,
} as const satisfies Parameters<typeof startServer>[0];
