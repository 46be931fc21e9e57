import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook runs without network: telemetry off (the `storybook` script also passes
 * `--no-version-updates`), the msw worker served from public/, and every story talks to the
 * in-memory mock backend (see stories/support/backends.ts).
 *
 * Decorators: the project uses legacy decorators (`experimentalDecorators` in tsconfig.json),
 * which Vite's Oxc transform honours when it reads tsconfig.json, so no extra plugin is needed
 * (see /work/shared/toolchain.md, pitfall 4). The root vite.config.ts is a library build: the
 * Storybook builder drops its `build` section and keeps only the shared settings.
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Each widget's stories live in its folder, beside its class and test.
  stories: ['../stories/**/*.mdx', '../src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
