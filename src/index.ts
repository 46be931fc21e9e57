/**
 * Side-effect-free entry: classes, client, contract types and helpers. Importing it registers
 * nothing; import `@partage/widgets/define` (or a widget's `define`) to register tags.
 */
export * from './client/index.js';
export { PartageElement, VERSION } from './core/partage-element.js';
export { partageContext, type PartageContext, type Theme, type MemberTokenSource } from './core/context.js';
export { SelectionStore } from './core/selection.js';
export { defineElement } from './core/define.js';
export { formatMoney, formatPercent, formatNumber, toMajor, toMinor } from './core/format.js';
export { PartageProvider } from './widgets/provider/provider.js';
export { define, elements } from './define.js';
