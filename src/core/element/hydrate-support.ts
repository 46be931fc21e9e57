/**
 * Lets every Partage element hydrate a pre-rendered (Declarative Shadow DOM) snippet instead of
 * rendering over it. Lit reads this hook when `lit-element` is evaluated, so each entry file
 * imports this module first, before anything that imports Lit.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
