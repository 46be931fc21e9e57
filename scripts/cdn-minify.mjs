/*
 * Extra minification of the CDN files, each measured in BENCHMARKS.md:
 * - the CSS of Lit `css` templates loses its comments, layout whitespace and the zero of `0.5` (the bundler's
 *   minifier never touches template text). Quoted strings and `${}` interpolations are kept as
 *   they are; only whitespace the CSS grammar ignores goes;
 * - the text of Lit `html` and `svg` templates loses its layout whitespace: every whitespace run
 *   holding a line break becomes one space, by the very function the runtime tags apply
 *   (src/core/element/fold-whitespace.js, src/core/element/template.ts), so a server rendering
 *   from source and the browser running a CDN file see the same strings (Lit's hydration compares
 *   their digest). Only the quasis of templates tagged by those tags are touched, found in the
 *   module's syntax tree, never other strings; the files then get Lit's own tags in their place;
 * - terser runs after the bundler's own minifier (three compress passes), which also drops the
 *   `/* @__PURE__ *\/` annotations left behind. Licence comments (`/*!`) stay.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { foldWhitespace } from '../src/core/element/fold-whitespace.js';

/** Minifies the static CSS between interpolations; strings ('…', "…") are left untouched. */
export function minifyCss(text) {
  return (
    text
      // Comments go first: a quote inside one (`'anywhere'`) must not be taken for a string.
      .replace(/\/\*[\s\S]*?\*\/|('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g, (m, str) => str ?? ' ')
      .split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)
      .map((part, i) =>
        i % 2
          ? part
          : part
              .replace(/\s+/g, ' ')
              .replace(/\s*([{};,>])\s*/g, '$1')
              .replace(/:\s+/g, ':')
              .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
              // A slash (calc's division, `16 / 9`, `rgb(0 0 0 / .25)`) needs no spaces around it.
              .replace(/\s*\/\s*/g, '/')
              .replace(/;}/g, '}'),
      )
      .join('')
  );
}

/** `css\`…\`` templates of a module, minified; a template holding a backtick is left alone. */
export function minifyCssTemplates(code) {
  return code.replace(/\bcss`([^`]*)`/g, (whole, body) => {
    const parts = body.split(/(\$\{[^{}]*\})/);
    return `css\`${parts.map((p, i) => (i % 2 ? p : minifyCss(p))).join('')}\``;
  });
}

/** A template literal's text as source, cooking back to `cooked`. */
const templateSource = (cooked) => cooked.replace(/\\|`|\$\{/g, (m) => `\\${m}`);

/** src/core/element/template.ts: the `html` and `svg` tags that fold at run time. */
export const TEMPLATE_MODULE = fileURLToPath(new URL('../src/core/element/template.ts', import.meta.url));

/**
 * `code` with the text of its templates folded (foldWhitespace), given its ESTree `program`
 * (offsets into `code`) and whether an import specifier names src/core/element/template.ts. The
 * templates folded are exactly those the runtime tags fold: tagged by a name imported from that
 * module (`html`, `svg`, under any local name), whatever other `html` the module may use. Each
 * quasi's cooked text is folded, as at run time, and written back escaped, so an escape such as
 * `\n` folds the same in both places; a quasi with an invalid escape (no cooked text) is left
 * alone. Since the CDN files get Lit's own tags in place of the folding ones (cdnMinify), a tag
 * used otherwise than on a template (passed around, called) would escape both folds: refused.
 */
export function foldTemplates(code, program, isTemplateModule) {
  const tags = new Set();
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration' || !isTemplateModule(node.source.value)) continue;
    for (const s of node.specifiers) {
      if (s.type !== 'ImportSpecifier')
        throw new Error(`foldTemplates: import the tags of ${node.source.value} by name`);
      tags.add(s.local.name);
    }
  }
  if (tags.size === 0) return code;
  const edits = [];
  const visit = (node, parent, key) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, parent, key));
    if (node === null || typeof node !== 'object') return;
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && tags.has(node.tag.name)) {
      for (const quasi of node.quasi.quasis) {
        const { raw, cooked } = quasi.value;
        if (typeof cooked !== 'string') continue;
        if (code.slice(quasi.start, quasi.end) !== raw) {
          throw new Error(`foldTemplates: the syntax tree's offsets do not match the code at ${quasi.start}`);
        }
        const text = foldWhitespace(cooked);
        if (text !== cooked) edits.push({ start: quasi.start, end: quasi.end, text: templateSource(text) });
      }
      return visit(node.quasi, node, 'quasi');
    }
    if (
      node.type === 'Identifier' &&
      tags.has(node.name) &&
      parent.type !== 'ImportSpecifier' &&
      !(parent.type === 'MemberExpression' && key === 'property' && !parent.computed) &&
      !(parent.type === 'Property' && key === 'key' && !parent.computed && !parent.shorthand)
    ) {
      throw new Error(
        `foldTemplates: \`${node.name}\` (src/core/element/template.ts) is used other than as a template tag`,
      );
    }
    for (const k in node) if (typeof node[k] === 'object') visit(node[k], node, k);
  };
  visit(program, null, null);
  let out = code;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}

export function cdnMinify() {
  return {
    name: 'partage-cdn-minify',
    // Every template of the file was folded by `transform`: Lit's own tags do the rest, without
    // the runtime fold (≈0.1 kB gzip in each file).
    load(id) {
      return id === TEMPLATE_MODULE ? "export { html, svg } from 'lit';" : null;
    },
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      let out = code;
      if (/\/template\.js['"]/.test(out)) {
        const isTemplateModule = (source) =>
          source.startsWith('.') && resolve(dirname(id), source).replace(/\.js$/, '.ts') === TEMPLATE_MODULE;
        out = foldTemplates(out, this.parse(out), isTemplateModule);
      }
      if (out.includes('css`')) out = minifyCssTemplates(out);
      return out === code ? null : { code: out, map: null };
    },
    async generateBundle(_options, bundle) {
      if (process.env.PARTAGE_TERSER === '0') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, {
          module: true,
          ecma: 2022,
          compress: { passes: 3 },
          mangle: true,
          format: { comments: /^!/ },
        });
        chunk.code = result.code;
      }
    },
  };
}
