/**
 * Lit's `html` and `svg` tags, with the layout whitespace of the template text folded
 * (./fold-whitespace.js): every module of src/ takes them from here, never from 'lit' (an eslint
 * rule says so).
 *
 * The CDN build folds the same templates' text in its files and gives them Lit's own tags in place
 * of these (scripts/cdn-minify.mjs); everything else (the server, the npm package, tests, stories)
 * folds here, at run time, once per template. Both must agree: Lit's hydration compares a digest
 * of a template's strings between the server's render and the browser's template. The server
 * renders from source (the reference server runs it with tsx; the npm package's `./ssr` export
 * ships it unfolded), the browser from a folded CDN file, and folding here makes the server's
 * strings the CDN file's.
 */
import { html as litHtml, svg as litSvg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { foldWhitespace } from './fold-whitespace.js';

/*
 * One folded array per template literal: Lit caches its parsed template by the identity of the
 * strings array, so a template must give the same array at every render. A template with nothing
 * to fold (every template of a CDN file) keeps its own array.
 */
const folded = new WeakMap<TemplateStringsArray, TemplateStringsArray>();

function fold(strings: TemplateStringsArray): TemplateStringsArray {
  let result = folded.get(strings);
  if (result === undefined) {
    const cooked = strings.map(foldWhitespace);
    result = cooked.some((s, i) => s !== strings[i])
      ? // Lit refuses a strings array without its own `raw` (its guard against forged templates).
        Object.assign(cooked, { raw: strings.raw.map(foldWhitespace) })
      : strings;
    folded.set(strings, result);
  }
  return result;
}

/** Lit's `html`, with the template's layout whitespace folded. */
export const html = (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult<1> =>
  litHtml(fold(strings), ...values);

/** Lit's `svg`, with the template's layout whitespace folded. */
export const svg = (strings: TemplateStringsArray, ...values: unknown[]): SVGTemplateResult =>
  litSvg(fold(strings), ...values);
