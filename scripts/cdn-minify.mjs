/*
 * Extra minification of the CDN files, each measured in BENCHMARKS.md:
 * - the CSS of Lit `css` templates loses its comments, layout whitespace and the zero of `0.5` (the bundler's
 *   minifier never touches template text). Quoted strings and `${}` interpolations are kept as
 *   they are; only whitespace the CSS grammar ignores goes;
 * - terser runs after the bundler's own minifier (three compress passes), which also drops the
 *   `/* @__PURE__ *\/` annotations left behind. Licence comments (`/*!`) stay.
 */
import { minify } from 'terser';

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

export function cdnMinify() {
  return {
    name: 'partage-cdn-minify',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: minifyCssTemplates(code), map: null };
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
