// Browser tests run in Chromium: CHROME_PATH, a system Chromium or the one shipped in an npm
// package (scripts/chrome-path.mjs); test tools cannot download browsers here.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { summaryReporter } from './scripts/summary-reporter.js';
import { defaultReporter } from '@web/test-runner';
import { frameworkModules } from './test/browser/frameworks/framework-modules.js';
import { chromePath, chromeArgs } from './scripts/chrome-path.mjs';
import { compiledContractForTests } from './scripts/validators/browser-plugin.mjs';
import { referenceServer } from './scripts/reference-server-plugin.mjs';

const executablePath = await chromePath();

export default {
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['test/browser/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  middleware: [
    // The runner serves the project root; msw's worker lives in public/.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/public/mockServiceWorker.js';
      return next();
    },
    // The CDN files are served to any origin, as a CDN does (module scripts need CORS): a test
    // page loads them from the server's other name (test/browser/embed/pages/foreign-origin.html).
    async (ctx, next) => {
      await next();
      if (ctx.path.startsWith('/dist/cdn/')) ctx.set('Access-Control-Allow-Origin', '*');
    },
  ],
  // Widgets and client validate with the compiled validators, as in the CDN files (mocks and
  // tests keep zod); PARTAGE_VALIDATORS=zod runs them on zod instead.
  plugins: [
    referenceServer(),
    compiledContractForTests(),
    frameworkModules(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromeArgs },
      // One browser context (its own window) per page: with several test files at once, pages
      // sharing a window are background tabs, hidden, where IntersectionObserver never fires, so
      // lazy widgets would never load and keyboard tests would lack focus.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
  reporters: [defaultReporter(), summaryReporter(process.env.WTR_SUMMARY_FILE)],
};
