/*
 * Texts of one language on demand, for `dist/cdn/partage.js` only (vite.config.ts adds this plugin
 * to that build alone). The catalogues stay as they are in source (`export const messages = { en:
 * {…}, fr: {…} }`, both languages inline in the single-widget files and the npm package); here each
 * widget's catalogue (`src/widgets/<w>/<w>.messages.ts`) becomes `lazyTexts(loadEn, loadFr)`
 * (src/core/i18n/lazy-texts.ts, which also teaches the base element to wait for them), and each
 * language a chunk of its own, `chunks/partage-<w>-<lang>-<hash>.js`: a reader's page downloads the
 * texts of its widgets in its language only.
 *
 * A chunk must not import another chunk (scripts/lazy-chunks.mjs: one request, no waterfall), so
 * the shared catalogues a widget's catalogue spreads (`...memberFormMessages.fr`, from
 * `src/core/**\/*.messages.ts`) are copied into each widget's language chunk, cut to that language
 * too. Catalogues inside code modules (`meterMessages`, `outcomeMessages`) stay in partage.js.
 *
 * The split is by lines, on prettier's layout of a catalogue; anything else fails the build
 * rather than shipping a catalogue cut wrongly.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const PREFIX = '\0partage-texts:';
const root = resolve(import.meta.dirname, '..');
const runtime = resolve(root, 'src/core/i18n/lazy-texts.ts');
const widgetCatalogue = /\/src\/widgets\/([^/]+)\/\1\.messages\.ts$/;
const sharedCatalogue = /\/src\/core\/.+\.messages\.ts$/;

/** The catalogue's parts: what precedes `export const <name> = {`, its name and each language's lines. */
export function splitCatalogue(source, file) {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => /^export const \w+ = \{$/.test(l));
  const fail = (why) => {
    throw new Error(`${file}: ${why} (scripts/texts-on-demand.mjs splits catalogues laid out by prettier)`);
  };
  if (start < 0) fail('no `export const <name> = {` line');
  const name = /^export const (\w+)/.exec(lines[start])[1];
  const languages = {};
  let i = start + 1;
  for (const lang of ['en', 'fr']) {
    if (lines[i] !== `  ${lang}: {`) fail(`line ${i + 1} should open the ${lang} texts`);
    const end = lines.indexOf('  },', i);
    if (end < 0) fail(`the ${lang} texts do not close`);
    languages[lang] = lines.slice(i + 1, end);
    i = end + 1;
  }
  if (lines[i] !== '};') fail(`line ${i + 1} should close the catalogue after the fr texts`);
  // Below the catalogue, only types may name it (`typeof messages.en`): code there would see no texts.
  const rest = lines.slice(i + 1);
  if (new RegExp(`\\b${name}\\b`).test(rest.join('\n').replace(/typeof \w+\.(en|fr)\b/g, '')))
    fail(`${name} is used below the catalogue`);
  return { header: lines.slice(0, start), name, languages, rest };
}

/**
 * A catalogue's imports: shared catalogues (copied into the chunk, cut to its language) and the
 * names it takes from partage.js (`plural`, `giverNoun`, `meterMessages`…). A chunk must not import
 * partage.js's modules itself (rolldown would move them out of the file into a third chunk,
 * rolldown/rolldown#10731): partage.js hands them over when it loads the chunk.
 */
function catalogueImports(header, file) {
  const shared = [];
  const names = [];
  const code = [];
  for (const line of header) {
    if (!line.startsWith('import ')) {
      if (/\bimport\b|\brequire\(/.test(line))
        throw new Error(`${file}: an import the texts split cannot read: ${line}`);
      code.push(line);
      continue;
    }
    if (line.startsWith('import type ')) continue;
    const match = /^import \{ ([\w, ]+) \} from '(\.{1,2}\/[^']+)';$/.exec(line);
    if (!match) throw new Error(`${file}: an import the texts split cannot read: ${line}`);
    const path = resolve(dirname(file), match[2].replace(/\.js$/, '.ts'));
    const imported = match[1].split(', ').filter((n) => !n.startsWith('type '));
    if (sharedCatalogue.test(path)) shared.push({ names: imported, path });
    else names.push(...imported);
  }
  if (names.some((n) => !/^\w+$/.test(n)))
    throw new Error(`${file}: renamed imports are not supported by the texts split`);
  return { shared, names, code };
}

/** Whether a chunk holds a catalogue's texts of one language (they carry no licence banner: no Lit, no zod). */
export const isTextsChunk = (chunk) => chunk.facadeModuleId?.startsWith(PREFIX) === true;

export function textsOnDemand() {
  return {
    name: 'partage-texts-on-demand',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      // `\0partage-texts:<lang>:<widget>:<file>`: <file>'s catalogue in <lang> only, for <widget>'s
      // chunk; `messages(deps)` builds it with what partage.js hands over.
      const [lang, widget, file] = id.slice(PREFIX.length).split(':');
      const { header, name, languages } = splitCatalogue(readFileSync(file, 'utf8'), file);
      const { shared, names, code } = catalogueImports(header, file);
      const texts = [`  ${lang}: {`, ...languages[lang], '  },'];
      const copy = ({ names: imported, path }) =>
        `import { ${imported.join(', ')} } from ${JSON.stringify(`${PREFIX}${lang}:${widget}:${path}`)};`;
      const lines = widgetCatalogue.test(file)
        ? [
            ...shared.map(copy),
            ...(names.length ? [`let ${names.join(', ')};`] : []),
            ...code,
            `export const ${name} = (deps) => {`,
            `  ({ ${names.join(', ')} } = deps);`,
            '  return {',
            ...texts,
            '  };',
            '};',
          ]
        : shared.length || names.length
          ? this.error(`${file}: a shared catalogue with imports cannot be copied into the texts chunks`)
          : [...code, `export const ${name} = {`, ...texts, '};'];
      return { code: lines.join('\n'), moduleType: 'ts' };
    },
    transform(code, id) {
      if (id.startsWith(PREFIX)) return null;
      const match = widgetCatalogue.exec(id);
      if (!match) return null;
      const widget = match[1];
      const { header, name, rest } = splitCatalogue(code, id);
      const { names } = catalogueImports(header, id);
      const load = (lang) => `() => import(${JSON.stringify(`${PREFIX}${lang}:${widget}:${id}`)})`;
      return {
        code: [
          `import { lazyTexts } from ${JSON.stringify(runtime)};`,
          ...header,
          `export const ${name} = lazyTexts(${load('en')}, ${load('fr')}, { ${names.join(', ')} });`,
          ...rest,
        ].join('\n'),
        map: null,
      };
    },
    outputOptions(options) {
      // `chunks/partage-<widget>-<lang>-<hash>.js`: the texts chunks are named for what they hold.
      const chunkFileNames = options.chunkFileNames;
      return {
        ...options,
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          if (id.startsWith(PREFIX)) {
            const [lang, widget] = id.slice(PREFIX.length).split(':');
            return `chunks/partage-${widget}-${lang}-[hash].js`;
          }
          return typeof chunkFileNames === 'function' ? chunkFileNames(chunk) : chunkFileNames;
        },
      };
    },
  };
}
