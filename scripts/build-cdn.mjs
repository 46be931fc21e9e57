// `npm run build:cdn`: the CDN files. dist/cdn/partage.js registers every widget;
// dist/cdn/partage-crowdfunding.js the provider and the campaign widgets (a creator's site); each
// dist/cdn/partage-<widget>.js is self-contained with one widget, for a page that embeds only
// that one (a blogger's campaign card).
import { readdirSync, existsSync, rmSync } from 'node:fs';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const widgets = readdirSync(`${root}src/widgets`).filter((w) => existsSync(`${root}src/widgets/${w}/define.ts`));

rmSync(`${root}dist/cdn`, { recursive: true, force: true });
for (const widget of [undefined, 'crowdfunding', ...widgets]) {
  if (widget) process.env.PARTAGE_CDN_WIDGET = widget;
  else delete process.env.PARTAGE_CDN_WIDGET;
  await build({ root, mode: 'cdn', logLevel: 'warn' });
}
console.log(`dist/cdn: partage.js, partage-crowdfunding.js and ${widgets.length} single-widget files`);
