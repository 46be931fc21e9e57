/*
 * The one definition of how the text of Lit `html`/`svg` templates loses its source layout, shared
 * by the runtime tags (./template.ts) and the CDN build (scripts/cdn-minify.mjs, which folds the
 * templates' text in the files so the bytes leave them). Plain JavaScript so the build scripts,
 * run by Node without a TypeScript loader, import the very same function.
 *
 * Every run of HTML whitespace (space, tab, line feed, carriage return, form feed) that holds a
 * line break becomes one space. One space, never nothing: between inline elements, and between an
 * interpolation and its neighbours, a space is rendered. Runs on one line are kept as written, and
 * other white space (no-break spaces…) is not HTML whitespace, so it stays. Idempotent: the result
 * holds no line break, so folding it again changes nothing (a CDN file's templates, folded at
 * build, are left alone at run time).
 *
 * Where whitespace is content (`<textarea>`, `<pre>`, `white-space: pre*`), the templates hold
 * only interpolations, never literal text with line breaks (test/node/build/template-fold.test.ts
 * checks the source).
 */

/** @param {string} text @returns {string} */
export const foldWhitespace = (text) => text.replace(/[ \t\f]*[\n\r][ \t\n\r\f]*/g, ' ');
