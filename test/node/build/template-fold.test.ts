import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAst } from 'vite';
import { foldTemplates } from '../../../scripts/cdn-minify.mjs';
import { foldWhitespace } from '../../../src/core/element/fold-whitespace.js';
import { html, svg } from '../../../src/core/element/template.js';

/*
 * The layout whitespace of Lit templates is folded twice, by one function: at run time by the
 * tags of src/core/element/template.ts (the server renders from source), at build time in the CDN
 * files (scripts/cdn-minify.mjs). Lit's hydration needs both to give the same strings; the
 * browser proof is test/node/embed/prerendered-card.test.ts and article.test.ts (every widget
 * hydrates a server snippet with the CDN files).
 */
const src = new URL('../../../src/', import.meta.url).pathname;
const sources = readdirSync(src, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => ({ file: f, templates: cookedTemplates(readFileSync(join(src, f), 'utf8'), 'ts') }));
/** The text of every template of src/, interpolations as `${}`. */
const templateTexts = sources.flatMap((s) => s.templates.map((t) => t.join('${}')));

/** The cooked strings of every template literal of `code` (TypeScript or JavaScript). */
function cookedTemplates(code: string, lang: 'ts' | 'js' = 'js'): string[][] {
  const found: string[][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; quasis?: { value: { cooked: string } }[] };
    if (n.type === 'TemplateLiteral') found.push(n.quasis!.map((q) => q.value.cooked));
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(parseAst(code, { lang }));
  return found;
}

const fromTemplate = "import { html, svg as s } from './template.js';\n";
const isTemplateModule = (source: string) => source === './template.js';

describe('template text: the fold', () => {
  it('turns every whitespace run holding a line break into one space', () => {
    assert.equal(foldWhitespace('\n  <p>\n    ${}\n  </p>\n'), ' <p> ${} </p> ');
    assert.equal(foldWhitespace('<b>a</b>\n\t\t<i>b</i>'), '<b>a</b> <i>b</i>', 'inline elements keep their space');
    assert.equal(foldWhitespace('a \r\n \f b'), 'a b');
    assert.equal(foldWhitespace('class="a\n        b"'), 'class="a b"');
  });

  it('keeps what is on one line, and white space that is not HTML whitespace', () => {
    for (const kept of ['', ' ', 'a  b', '\t<p>a</p>  ', 'x\u00a0y', 'x\u2003y', '<p>déjà vu</p>']) {
      assert.equal(foldWhitespace(kept), kept);
    }
    // A no-break space next to a line break stays; only the HTML whitespace around it goes.
    assert.equal(foldWhitespace('1\u00a0\n  €'), '1\u00a0 €');
    assert.equal(foldWhitespace('a\n\u00a0\nb'), 'a \u00a0 b');
  });

  it('is idempotent, on every template literal of src/', () => {
    let strings = 0;
    for (const { file, templates } of sources) {
      for (const s of templates.flat()) {
        strings++;
        const once = foldWhitespace(s);
        assert.equal(foldWhitespace(once), once, `${file}: ${JSON.stringify(s)}`);
        assert.doesNotMatch(once, /[\n\r]/, file);
      }
    }
    assert.ok(strings > 1000, `only ${strings} template strings checked`);
  });

  it('finds nothing to fold where whitespace is content (textarea, pre, white-space: pre*)', () => {
    const all = templateTexts.join('\n');
    const preClasses = [...all.matchAll(/\.([\w-]+)\s*\{[^}]*white-space:\s*pre/g)].map((m) => m[1]!);
    assert.deepEqual([...new Set(preClasses)].sort(), ['description'], 'the classes under white-space: pre*');
    let elements = 0;
    for (const name of preClasses) {
      for (const m of all.matchAll(new RegExp(`class="${name}"[^>]*>([\\s\\S]*?)</`, 'g'))) {
        elements++;
        assert.equal(foldWhitespace(m[1]!), m[1], `.${name}: ${m[0]}`);
      }
    }
    assert.ok(elements >= 2, 'the elements with those classes were found');
    for (const m of all.matchAll(/<(textarea|pre)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
      assert.equal(m[2], '', `a <${m[1]}> holds only what its bindings set: ${m[0]}`);
    }
  });
});

describe('template text: the runtime tags (src/core/element/template.ts)', () => {
  const card = (title: string) => html`
    <article>
      <h2>${title}</h2>
    </article>
  `;

  it("fold the strings once per template, keeping one array (Lit's template cache) with its raw", () => {
    const a = card('a');
    const b = card('b');
    assert.deepEqual([...a.strings], [' <article> <h2>', '</h2> </article> ']);
    assert.equal(a.strings, b.strings, 'one folded array per template literal');
    assert.ok(Object.hasOwn(a.strings, 'raw'), 'Lit refuses an array without its own raw');
    assert.deepEqual(a.values, ['a']);
    const icon = svg`<path
      d="M0 0"
    />`;
    assert.deepEqual([...icon.strings], ['<path d="M0 0" />']);
  });

  it('leave a template with nothing to fold as it is (a CDN file’s, folded at build)', () => {
    const strings = Object.assign(['<p>', '</p>'], { raw: ['<p>', '</p>'] }) as unknown as TemplateStringsArray;
    assert.equal(html(strings, 1).strings, strings);
  });
});

describe('template text: the build step (scripts/cdn-minify.mjs foldTemplates)', () => {
  const fold = (code: string) => foldTemplates(code, parseAst(code), isTemplateModule);

  it('folds the templates of the folding tags, under any local name, as the runtime does', () => {
    const code = `${fromTemplate}const a = html\`
      <p>\${1}</p>
    \`;
const b = s\`<g>
  <path /></g>\`;`;
    assert.equal(fold(code), `${fromTemplate}const a = html\` <p>\${1}</p> \`;\nconst b = s\`<g> <path /></g>\`;`);
    assert.equal(fold(fold(code)), fold(code), 'idempotent');
  });

  it('writes back escapes so the cooked text is what the runtime fold gives', () => {
    const code = `${fromTemplate}const a = html\`<p>\\\`a\\\`\\n  \\\${b} \\\\ \${c}\\u00a0\\n</p>\`;`;
    const cookedBefore = cookedTemplates(code)[0]!;
    const cookedAfter = cookedTemplates(fold(code))[0]!;
    assert.deepEqual(cookedAfter, cookedBefore.map(foldWhitespace));
    assert.deepEqual(cookedAfter, ['<p>`a` ${b} \\ ', '\u00a0 </p>']);
  });

  it('touches no other string: plain templates, other tags, strings, and html of another module', () => {
    const code = `import { html as litHtml } from 'lit';
import { css } from 'lit';
const html = (s) => s;
const a = \`
  text\`;
const b = css\`
  p { color: red }\`;
const c = 'x\\n  y';
const d = litHtml\`
  <p></p>\`;
const e = html\`
  <p></p>\`;`;
    assert.equal(fold(code), code, 'nothing imported from the template module: nothing folded');
  });

  it('refuses a folding tag used otherwise than on a template (it would escape both folds)', () => {
    assert.throws(() => fold(`${fromTemplate}export const tag = html;`), /used other than as a template tag/);
    assert.throws(() => fold(`${fromTemplate}html(['<p></p>']);`), /used other than as a template tag/);
    assert.throws(() => fold(`import * as t from './template.js';\nt.html\`<p></p>\`;`), /by name/);
    // A property named html is not the tag.
    const ok = `${fromTemplate}const o = { html: 1 }; o.html;`;
    assert.equal(fold(ok), ok);
  });
});
