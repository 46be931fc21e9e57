/**
 * A partner platform registers the widgets under its own prefix. The CDN bundle exposes
 * `window.Partage.define`; with the npm package it would be
 * `import { define } from '@partage/widgets/define'; define({ prefix: 'acme' });`.
 */
window.Partage.define({ prefix: 'acme' });
