import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { splitCatalogue } from '../../../scripts/texts-on-demand.mjs';

/*
 * partage.js loads each widget's texts of one language on demand; the build splits the
 * catalogues by lines (scripts/texts-on-demand.mjs). Every catalogue of the widgets and of what
 * they share must split, and each language must hold exactly the catalogue's keys of that
 * language: a catalogue laid out otherwise fails here before it fails the build.
 */
const root = resolve(import.meta.dirname, '../../..');
const catalogues = [
  ...readdirSync(resolve(root, 'src/widgets'))
    .map((w) => `src/widgets/${w}/${w}.messages.ts`)
    .filter((f) => {
      try {
        readFileSync(resolve(root, f));
        return true;
      } catch {
        return false;
      }
    }),
  ...readdirSync(resolve(root, 'src/core'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.messages.ts') && f !== 'i18n/common.messages.ts')
    .map((f) => `src/core/${f}`),
];

/** The top-level keys of a language's lines (`key:` or `...spread`). */
const keys = (lines: string[]) =>
  lines.filter((l) => /^ {4}(\w+:|\.\.\.)/.test(l)).map((l) => l.trim().split(/[:,(]/)[0] ?? '');

describe('CDN bundle: catalogues split by language', () => {
  it('finds the catalogues', () => assert.ok(catalogues.length >= 15, catalogues.join()));

  for (const file of catalogues) {
    it(`${file} splits into its English and French texts`, async () => {
      const source = readFileSync(resolve(root, file), 'utf8');
      const { name, languages } = splitCatalogue(source, file);
      const module = (await import(resolve(root, file))) as Record<string, { en: object; fr: object }>;
      const catalogue = module[name]!;
      // The same keys in each language's lines as in the module's objects (spreads aside).
      const own = (lang: 'en' | 'fr') => keys(languages[lang]).filter((k) => !k.startsWith('...'));
      for (const lang of ['en', 'fr'] as const)
        for (const key of own(lang)) assert.ok(key in catalogue[lang], `${file}: ${lang}.${key}`);
      assert.deepEqual(own('en').sort(), own('fr').sort(), `${file}: the two languages have the same keys`);
    });
  }

  it('refuses a catalogue it cannot split', () => {
    assert.throws(() => splitCatalogue("export const messages = { en: { a: 'a' }, fr: { a: 'a' } };", 'x.ts'), /x\.ts/);
    assert.throws(
      () => splitCatalogue('export const messages = {\n  fr: {\n  },\n  en: {\n  },\n};', 'y.ts'),
      /open the en texts/,
    );
    assert.throws(
      () => splitCatalogue('export const messages = {\n  en: {\n  },\n  fr: {\n  },\n};\nmessages.en.a = 1;', 'z.ts'),
      /used below/,
    );
  });
});
