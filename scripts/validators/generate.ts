/*
 * `npm run validators`: turns the contract's zod schemas into compact descriptions,
 * src/contract/compiled/index.ts, which browser bundles use instead of zod (see
 * scripts/validators/browser-plugin.mjs). zod stays the one source of truth: this reads each
 * schema's definition (`schema._zod.def`, the introspection API zod documents for library
 * authors) and writes it down as data, `[kind, …arguments]` array literals (field names, kinds,
 * bounds, patterns, enum values; a sub-schema used twice is written once and referenced), which
 * the small runtime of src/contract/compiled/runtime.ts turns into checks with the same verdicts,
 * output and issues, as test/node/compiled-validators.test.ts proves on a large corpus. Plain
 * literals: a bundle keeps only the descriptions its code reaches, and only the runtime's kinds
 * and checks they name. (It wrote unrolled functions before: 57 kB of source, the same gzip on
 * the card and 0.6 kB more on the whole bundle; BENCHMARKS.md.) The generated file exports
 * every run-time export of src/contract/index.ts: schemas as `{ safeParse }` objects (enums keep
 * their `options`), plain data (endpoints) with their schemas swapped, and functions re-exported
 * from the zod-free module that defines them. Anything it cannot reproduce exactly stops the
 * generation with the schema's path, never a silent approximation.
 *
 * A few contract modules are compiled on their own too (contract-modules.mjs `splitModules`), for
 * code that loads on demand, so that their validators are not in a file's first download. Those
 * modules import only the runtime: they write again the few descriptions they share with index.ts.
 * Importing them from index.ts instead made rolldown move index.ts and the runtime out of every
 * file into a third chunk (rolldown/rolldown#10731), a request before the first paint that
 * scripts/lazy-chunks.mjs refuses (measured with the live events, BENCHMARKS.md).
 *
 * `--check` exits 1 when a checked-in file is stale (CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { format } from 'prettier';
import { compiledEntry, compiledOf, contractDir, splitModules, zodFreeModules } from './contract-modules.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any -- zod definitions are walked generically */
type Schema = { _zod: { def: any } };
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && '_zod' in v;

/** zod's number formats and their ranges (zod/v4/core util NUMBER_FORMAT_RANGES). */
const NUMBER_FORMATS: Record<string, [number, number]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float32: [-3.4028234663852886e38, 3.4028234663852886e38],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE],
};
/** String formats whose whole check is `def.pattern` (others, such as url, run code: refused). */
const PATTERN_FORMATS = new Set([
  'regex',
  'email',
  'guid',
  'uuid',
  'nanoid',
  'cuid',
  'cuid2',
  'ulid',
  'xid',
  'ksuid',
  'datetime',
  'date',
  'time',
  'duration',
  'ipv4',
  'e164',
]);
/** Overwrites recognised by what they do to probes (zod builds them as anonymous arrows). */
const OVERWRITES: [string, (s: string) => string][] = [
  ['trim', (s) => s.trim()],
  ['toLowerCase', (s) => s.toLowerCase()],
  ['toUpperCase', (s) => s.toUpperCase()],
];
const PROBES = ['  Ab Cé  ', '\u00a0\tx\n', 'ÉTÉ ß', '', 'x'];

class Unsupported extends Error {}

export interface Generated {
  code: string;
  /** Exported schemas, by name: what the agreement test compares. */
  schemas: string[];
}

export interface GenerateOptions {
  /** The exports to compile (default: the contract's index); tests pass schemas of their own. */
  exports?: Record<string, unknown>;
  /** Where the module will live, for its relative imports (default: src/contract/compiled/index.ts). */
  outFile?: string;
  /** The zod module whose types the exports take (default: src/contract/index.ts). */
  typesFrom?: string;
}

export async function generate(options: GenerateOptions = {}): Promise<Generated> {
  const contract: Record<string, unknown> = options.exports ?? (await import(resolve(contractDir, 'index.ts')));
  const outFile = options.outFile ?? compiledEntry;
  const from = (file: string) => {
    const path = relative(dirname(outFile), file).replace(/\.ts$/, '.js');
    return path.startsWith('.') ? path : `./${path}`;
  };
  const zodVersion = (
    JSON.parse(readFileSync(resolve(contractDir, '../../node_modules/zod/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  // Functions and constants of the zod-free modules, by identity: refinements, buildPath…
  const plain = new Map<unknown, { module: string; name: string }>();
  for (const file of zodFreeModules()) {
    const mod: Record<string, unknown> = await import(resolve(contractDir, file));
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === 'function' && !plain.has(value))
        plain.set(value, { module: from(resolve(contractDir, file)), name });
    }
  }
  const imports = new Map<string, Set<string>>();
  const importPlain = (fn: unknown, where: string): string => {
    const found = plain.get(fn);
    if (!found)
      throw new Unsupported(
        `${where}: a refinement defined inline; export it from a zod-free contract module (src/contract/refinements.ts)`,
      );
    const names = imports.get(found.module) ?? new Set();
    names.add(found.name);
    imports.set(found.module, names);
    return found.name;
  };

  // One function per distinct schema body; identical bodies (text(120) built twice) share it.
  const functions: string[] = [];
  const bySchema = new Map<Schema, string>();
  const byBody = new Map<string, string>();
  const inProgress = new Set<Schema>();

  const messageOf = (def: any): string | undefined => {
    const error = def?.error;
    if (typeof error !== 'function') return undefined;
    const r = error({ code: 'custom', input: undefined, path: [] });
    return typeof r === 'string' ? r : typeof r?.message === 'string' ? r.message : undefined;
  };
  /** The schema's own message as a literal, or `undefined` for zod's default (the runtime's too). */
  const msg = (...defs: any[]): string => {
    for (const d of defs) {
      const m = messageOf(d);
      if (m !== undefined) return JSON.stringify(m);
    }
    return 'undefined';
  };
  /** `name(a, b…)` without its trailing `undefined` arguments. */
  /** `[a, b…]` without its trailing `undefined`s: a description `[kind, …arguments]` or a rule. */
  const tuple = (...parts: string[]): string => {
    while (parts.length && parts.at(-1) === 'undefined') parts.pop();
    return `[${parts.join(', ')}]`;
  };
  const call = tuple;
  const rule = tuple;

  const optIn = (s: Schema): string | undefined => {
    const d = s._zod.def;
    if (d.type === 'optional') return optIn(d.innerType) === 'defaulted' ? 'defaulted' : 'optional';
    if (d.type === 'nullable') return optIn(d.innerType);
    if (d.type === 'default' || d.type === 'prefault') return 'defaulted';
    return undefined;
  };
  const optOut = (s: Schema): string | undefined => {
    const d = s._zod.def;
    if (d.type === 'optional') return 'optional';
    if (d.type === 'nullable') return optOut(d.innerType);
    return undefined;
  };

  const behavesLikeHasLength = (when: unknown) => {
    if (typeof when !== 'function') return false;
    const probe = (value: unknown) => when({ value, issues: [] });
    return probe('x') && probe('') && probe([1]) && !probe(5) && !probe(null) && !probe(undefined) && !probe({});
  };

  /**
   * A leaf (string, number, boolean, null, enum, literal): its kind, then its checks in order as
   * data the runtime's `leaf` interprets (ops in src/contract/compiled/runtime.ts).
   */
  const leaf = (s: Schema, where: string, kind: string, coercible?: string): string => {
    const def = s._zod.def;
    const checks: any[] = [];
    // String and number formats are schema and check at once: their own check runs first.
    if (def.type === 'string' && def.check === 'string_format') checks.push(def);
    if (def.type === 'number' && def.check === 'number_format') checks.push(def);
    for (const c of def.checks ?? []) checks.push(c._zod.def);
    if (def.coerce && !coercible) throw new Unsupported(`${where}: coercion of ${def.type}`);
    const rules: string[] = [];
    for (const c of checks) {
      const aborts = c.abort ? '1' : 'undefined';
      const m = msg(c, def);
      const isSize = c.check === 'min_length' || c.check === 'max_length';
      if (c.when && !(isSize && behavesLikeHasLength(c.when)))
        throw new Unsupported(`${where}: a check with its own \`when\``);
      switch (c.check) {
        case 'min_length':
        case 'max_length': {
          if (c.abort) throw new Unsupported(`${where}: a length check that aborts`);
          const max = c.check === 'max_length';
          rules.push(rule(max ? 'R.maxLength' : 'R.minLength', String(max ? c.maximum : c.minimum), m));
          break;
        }
        case 'string_format': {
          if (!PATTERN_FORMATS.has(c.format) || !(c.pattern instanceof RegExp))
            throw new Unsupported(`${where}: string format "${c.format}"`);
          if (c.pattern.global || c.pattern.sticky) throw new Unsupported(`${where}: a global or sticky pattern`);
          rules.push(rule('R.pattern', String(c.pattern), m, aborts));
          break;
        }
        case 'greater_than':
        case 'less_than': {
          if (typeof c.value !== 'number') throw new Unsupported(`${where}: a bound that is not a number`);
          const op = c.check === 'greater_than' ? (c.inclusive ? 'gte' : 'gt') : c.inclusive ? 'lte' : 'lt';
          rules.push(rule(`R.${op}`, String(c.value), m, aborts));
          break;
        }
        case 'number_format': {
          const range = NUMBER_FORMATS[c.format];
          if (!range) throw new Unsupported(`${where}: number format "${c.format}"`);
          const [min, max] = range;
          const int = c.format.includes('int');
          // Integer, then safe integer; past that a safeint is in range, and a finite number a float64.
          if (int) rules.push(rule('R.int', 'undefined', m, aborts));
          if (c.format !== 'safeint' && c.format !== 'float64') {
            // int32 and uint32 check their range on safe integers only; float32 on any number.
            rules.push(rule(int ? 'R.intMin' : 'R.gte', String(min), m, aborts));
            rules.push(rule(int ? 'R.intMax' : 'R.lte', String(max), m, aborts));
          }
          break;
        }
        case 'overwrite': {
          const found = OVERWRITES.find(([, f]) => PROBES.every((p) => f(p) === c.tx(p)));
          if (!found) throw new Unsupported(`${where}: an overwrite other than trim, toLowerCase or toUpperCase`);
          rules.push(rule(`R.${found[0]}`));
          break;
        }
        case 'custom': {
          const fn = importPlain(c.fn, where);
          const path = Array.isArray(c.path) && c.path.length ? JSON.stringify(c.path) : 'undefined';
          rules.push(rule('R.refine', fn, m, aborts, path));
          break;
        }
        default:
          throw new Unsupported(`${where}: check "${c.check}"`);
      }
    }
    const check = call('R.leaf', kind, rules.length ? `[${rules.join(', ')}]` : 'undefined', msg(def));
    return def.coerce ? call('R.coerce', coercible!, check) : check;
  };

  const noChecks = (s: Schema, where: string) => {
    if (s._zod.def.checks?.length) throw new Unsupported(`${where}: checks on a ${s._zod.def.type}`);
  };

  const bodyOf = (s: Schema, where: string): string => {
    const def = s._zod.def;
    switch (def.type) {
      case 'string':
        return leaf(s, where, '0', 'String');
      case 'number':
        return leaf(s, where, '1', 'Number');
      case 'boolean':
        return leaf(s, where, '2', 'Boolean');
      case 'null':
        return leaf(s, where, '3');
      case 'enum':
      case 'literal': {
        const values: unknown[] =
          def.type === 'literal'
            ? def.values
            : (() => {
                const numeric = Object.values(def.entries).filter((v) => typeof v === 'number');
                return Object.entries(def.entries)
                  .filter(([k]) => !numeric.includes(+k))
                  .map(([, v]) => v);
              })();
        if (
          !values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null)
        )
          throw new Unsupported(`${where}: ${def.type} of values other than strings, numbers, booleans or null`);
        return leaf(s, where, JSON.stringify(values));
      }
      case 'object': {
        noChecks(s, where);
        if (def.catchall) throw new Unsupported(`${where}: strict or loose objects (catchall)`);
        if (Object.getOwnPropertySymbols(def.shape).length) throw new Unsupported(`${where}: symbol keys`);
        const fields = Object.keys(def.shape)
          .filter((key) => key !== '__proto__')
          .map((key) => {
            const child: Schema = def.shape[key];
            const inn = optIn(child);
            const out = optOut(child);
            if (inn === 'defaulted') throw new Unsupported(`${where}.${key}: defaults`);
            if ((inn === 'optional') !== (out === 'optional'))
              throw new Unsupported(`${where}.${key}: optional on one side only`);
            return `[${JSON.stringify(key)}, ${fn(child, `${where}.${key}`)}${inn === 'optional' ? ', 1' : ''}]`;
          });
        if (def.error) throw new Unsupported(`${where}: a custom message on an object`);
        return call('R.object', `[${fields.join(', ')}]`);
      }
      case 'array': {
        if (def.error) throw new Unsupported(`${where}: a custom message on an array`);
        const element = fn(def.element, `${where}[]`);
        const rules: string[] = [];
        for (const c of (def.checks ?? []).map((c: Schema) => c._zod.def)) {
          const isSize = c.check === 'min_length' || c.check === 'max_length';
          if (!isSize || c.abort || !behavesLikeHasLength(c.when))
            throw new Unsupported(`${where}: array checks other than min and max length`);
          const max = c.check === 'max_length';
          rules.push(rule(max ? 'R.maxLength' : 'R.minLength', String(max ? c.maximum : c.minimum), msg(c)));
        }
        return call('R.array', element, rules.length ? `[${rules.join(', ')}]` : 'undefined');
      }
      case 'nullable':
        noChecks(s, where);
        return call('R.or', fn(def.innerType, where), 'null');
      case 'optional':
        noChecks(s, where);
        return call('R.or', fn(def.innerType, where));
      case 'union': {
        noChecks(s, where);
        if (def.options.some((o: Schema) => optIn(o) !== undefined))
          throw new Unsupported(`${where}: a union with an optional option`);
        if (typeof def.discriminator !== 'string') {
          if (def.inclusive === false) throw new Unsupported(`${where}: exclusive unions (xor)`);
          const options = (def.options as Schema[]).map((o, i) => fn(o, `${where}|${i}`));
          if (options.length === 1) return options[0]!;
          return call('R.anyOf', `[${options.join(', ')}]`, msg(def));
        }
        if (def.unionFallback) throw new Unsupported(`${where}: a discriminated union with a fallback`);
        if (def.error) throw new Unsupported(`${where}: a custom message on a union`);
        const options: string[] = [];
        for (const [i, option] of (def.options as Schema[]).entries()) {
          const tag: Schema | undefined = option._zod.def.shape?.[def.discriminator];
          const tagDef = tag?._zod.def;
          const values: unknown[] =
            tagDef?.type === 'literal' ? tagDef.values : tagDef?.type === 'enum' ? Object.values(tagDef.entries) : [];
          if (!values.length || !values.every((v) => typeof v === 'string'))
            throw new Unsupported(`${where}: option ${i} is not tagged by string literals`);
          const check = fn(option, `${where}<${String(values[0])}>`);
          for (const v of values) options.push(`${JSON.stringify(v)}: ${check}`);
        }
        return call('R.union', JSON.stringify(def.discriminator), `{ ${options.join(', ')} }`);
      }
      default:
        throw new Unsupported(`${where}: zod type "${def.type}"`);
    }
  };

  /** The name of the check of `s`: one `const` per distinct description, shared by every use. */
  function fn(s: Schema, where: string): string {
    const known = bySchema.get(s);
    if (known) return known;
    if (inProgress.has(s)) throw new Unsupported(`${where}: recursive schemas`);
    inProgress.add(s);
    const body = bodyOf(s, where);
    inProgress.delete(s);
    // A single-option union is its option: no description of its own.
    let name = /^v\d+$/.test(body) ? body : byBody.get(body);
    if (!name) {
      name = `v${byBody.size}`;
      byBody.set(body, name);
      functions.push(`const ${name}: R.Node = ${body};`);
    }
    bySchema.set(s, name);
    return name;
  }

  // Exports: schemas first (validator objects), then plain data in dependency order.
  const entries = Object.entries(contract);
  const exportName = new Map<unknown, string>();
  for (const [name, value] of entries)
    if (typeof value === 'object' && value !== null && !exportName.has(value)) exportName.set(value, name);

  const validators: string[] = [];
  const schemas: string[] = [];
  const anonymous = new Map<Schema, string>();
  const validatorObject = (s: Schema, check: string) =>
    s._zod.def.type === 'enum'
      ? `{ safeParse: (d: unknown) => R.run(${check}, d), options: ${JSON.stringify((s as unknown as { options: unknown[] }).options)} }`
      : `{ safeParse: (d: unknown) => R.run(${check}, d) }`;
  const refOf = (s: Schema, where: string): string => {
    const named = exportName.get(s);
    if (named && isSchema(contract[named])) return named;
    let name = anonymous.get(s);
    if (!name) {
      name = `s${anonymous.size}`;
      anonymous.set(s, name);
      validators.push(`const ${name}: R.Compiled<unknown> = ${validatorObject(s, fn(s, where))};`);
    }
    return name;
  };

  const omitted: string[] = [];
  const reexports: string[] = [];
  for (const [name, value] of entries) {
    if (!isSchema(value)) continue;
    const type =
      value._zod.def.type === 'enum'
        ? `R.Compiled<output<typeof S.${name}>> & { options: typeof S.${name}.options }`
        : `R.Compiled<output<typeof S.${name}>>`;
    validators.push(`export const ${name}: ${type} = ${validatorObject(value, fn(value, name))};`);
    schemas.push(name);
  }

  const data: string[] = [];
  const emitted = new Set<string>();
  const literal = (value: unknown, where: string, self: string): string => {
    if (isSchema(value)) return refOf(value, where);
    if (typeof value === 'function') {
      const found = plain.get(value);
      if (!found) throw new Unsupported(`${where}: a function from a zod module`);
      return importPlain(value, where);
    }
    if (value === undefined) return 'undefined';
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const named = exportName.get(value);
    if (named && named !== self) {
      emitData(named);
      return named;
    }
    if (Array.isArray(value)) return `[${value.map((v, i) => literal(v, `${where}[${i}]`, self)).join(', ')}]`;
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new Unsupported(`${where}: an instance of a class`);
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${literal(v, `${where}.${k}`, self)}`)
      .join(', ')} }`;
  };
  function emitData(name: string) {
    if (emitted.has(name)) return;
    emitted.add(name);
    const value = contract[name];
    try {
      data.push(`export const ${name} = ${literal(value, name, name)} as const;`);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      omitted.push(name);
    }
  }
  for (const [name, value] of entries) {
    if (isSchema(value)) continue;
    if (typeof value === 'function') {
      const found = plain.get(value);
      if (found) {
        const names = reexports;
        names.push(
          found.name === name
            ? `export { ${name} } from '${found.module}';`
            : `export { ${found.name} as ${name} } from '${found.module}';`,
        );
      } else omitted.push(name);
      continue;
    }
    emitData(name);
  }

  const body = [...functions, ...validators, ...data].join('\n');
  const typesFrom = options.typesFrom ?? resolve(contractDir, 'index.ts');
  const role = options.typesFrom
    ? `Browser bundles import this module in place of src/contract/${relative(contractDir, typesFrom)},
 * which only code loaded on demand imports.`
    : 'Browser bundles import this module in place of the zod contract modules.';
  const source = [
    `/*
 * GENERATED by \`npm run validators\` (scripts/validators/generate.ts) from the zod schemas of
 * src/contract (zod ${zodVersion}). Do not edit: change the schemas and regenerate; CI fails when this
 * file is stale. ${role}
 * Not compiled (zod-only helpers; a browser import of them fails the build): ${omitted.join(', ') || 'none'}.
 */
/* eslint-disable -- generated code */`,
    `import type { output } from 'zod/mini';`,
    `import type * as S from '${from(typesFrom)}';`,
    `import * as R from '${from(resolve(contractDir, 'compiled/runtime.ts'))}';`,
    ...[...imports].map(([module, names]) => `import { ${[...names].sort().join(', ')} } from '${module}';`),
    ...reexports,
    body,
  ].join('\n');
  const config = {
    filepath: outFile,
    ...(JSON.parse(readFileSync(resolve(contractDir, '../../.prettierrc.json'), 'utf8')) as object),
  };
  return { code: await format(source, config), schemas };
}

export interface GeneratedFile extends Generated {
  file: string;
}

/** Every compiled module: src/contract/compiled/index.ts, then one per module compiled on its own. */
export async function generateAll(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [{ ...(await generate()), file: compiledEntry }];
  for (const name of splitModules) {
    const source = resolve(contractDir, name);
    const file = compiledOf(source);
    const exports = (await import(source)) as Record<string, unknown>;
    files.push({ ...(await generate({ exports, outFile: file, typesFrom: source })), file });
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const { file, code, schemas } of await generateAll()) {
    const name = relative(resolve(contractDir, '../..'), file);
    const current = (() => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    })();
    if (check) {
      if (current !== code) {
        console.error(`${name} is stale: run \`npm run validators\` and commit it.`);
        stale = true;
      } else console.log(`${name} is up to date (${schemas.length} schemas).`);
    } else {
      writeFileSync(file, code);
      console.log(`${name}: ${schemas.length} schemas compiled.`);
    }
  }
  if (stale) process.exit(1);
}
