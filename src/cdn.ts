import './core/element/hydrate-support.js';
/**
 * Entry of the CDN bundle: registers every widget under the `partage-` prefix. A partner that
 * wants its own prefix imports `define` from the package instead, or calls
 * `window.Partage.define({ prefix })` exposed here.
 */
import { define } from './define.js';
import { VERSION } from './core/element/partage-element.js';

define();

const g = globalThis as { Partage?: { version: string; define: typeof define } };
g.Partage ??= { version: VERSION, define };

export { define };
