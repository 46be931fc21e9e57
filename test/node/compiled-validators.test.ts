import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import * as contract from '../../src/contract/index.js';
import { Campaign, Count, Id, Instant, Money, checked, page, publicBacker, text } from '../../src/contract/index.js';
import * as compiled from '../../src/contract/compiled/index.js';
import { createFixtures } from '../../src/mock/fixtures/index.js';
import { generate, generateAll } from '../../scripts/validators/generate.js';
import { compiledOf, contractDir, splitModules } from '../../scripts/validators/contract-modules.mjs';

/*
 * Proof of agreement: zod/mini (the source of truth) and the compiled validators that browser
 * bundles carry instead (src/contract/compiled) run side by side on a large corpus per schema:
 * valid values built from the fixtures, and mutations of them (missing fields, wrong types, extra
 * fields, boundary numbers and lengths, odd Unicode, JSON-only keys). They must agree on the
 * verdict, on the output (unknown keys dropped, strings trimmed) and on every issue: code, path,
 * message and bounds. Generic over every exported schema, so a new schema is covered as soon as it
 * is exported and the validators are regenerated.
 */

type AnySchema = { safeParse(d: unknown): { success: boolean; data?: unknown; error?: { issues: Issue[] } } };
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
}
type Def = any;

const isSchema = (v: unknown): v is AnySchema & { _zod: { def: Def } } =>
  typeof v === 'object' && v !== null && '_zod' in v;
const schemas = Object.entries(contract).filter(([, v]) => isSchema(v)) as [
  string,
  AnySchema & { _zod: { def: Def } },
][];

// ---- seeds: every value found in the fixtures, and leaves that satisfy common checks ----------

const now = new Date('2026-11-23T12:00:00Z');
const fx = createFixtures(now);
const fixtureValues: unknown[] = [];
const collect = (v: unknown) => {
  fixtureValues.push(v);
  if (Array.isArray(v)) v.forEach(collect);
  else if (v && typeof v === 'object') Object.values(v).forEach(collect);
};
collect(JSON.parse(JSON.stringify({ ...fx, backers: fx.pledges.map(publicBacker) })));
const leaves = [
  ...new Set([
    ...fixtureValues.filter((v) => v === null || typeof v !== 'object'),
    'https://example.org/x',
    'http://a.b',
    'EUR',
    'backer@example.org',
    '2026-11-23T12:00:00Z',
    '2026-11-23T12:00:00.123Z',
    '2027-03-01',
    '75011',
    0,
    1,
    400,
    422,
    599,
    0.5,
    true,
    false,
    'received',
  ]),
];

/** Up to `max` valid values of a schema: built from its definition, leaves from the pool. */
function seeds(schema: AnySchema & { _zod: { def: Def } }, max = 6, depth = 0): unknown[] {
  const def = schema._zod.def;
  const ok = (v: unknown) => schema.safeParse(v).success;
  // Fixture objects of this very shape (a query schema would accept any object, and learn nothing).
  const sameShape = (v: object) =>
    def.type !== 'object' || (!Array.isArray(v) && Object.keys(v).every((k) => k in def.shape));
  const fromFixtures = fixtureValues
    .filter((v) => v !== null && typeof v === 'object' && sameShape(v) && ok(v))
    .slice(0, max);
  if (fromFixtures.length >= 2 || depth > 6) return fromFixtures;
  switch (def.type) {
    case 'object': {
      const keys = Object.keys(def.shape);
      const options = keys.map((k) => seeds(def.shape[k], 3, depth + 1));
      const out: unknown[] = [...fromFixtures];
      for (let i = 0; out.length < max && i < 3; i++) {
        const value: Record<string, unknown> = {};
        keys.forEach((k, j) => {
          const pick = options[j]![i % Math.max(1, options[j]!.length)];
          if (pick !== undefined || options[j]!.length) value[k] = pick;
        });
        for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
        if (ok(value)) out.push(value);
      }
      return out;
    }
    case 'array': {
      const items = seeds(def.element, 2, depth + 1);
      return [[], items, items.slice(0, 1)].filter(ok);
    }
    case 'nullable':
      return [null, ...seeds(def.innerType, max - 1, depth + 1)];
    case 'optional':
      return [undefined, ...seeds(def.innerType, max - 1, depth + 1)];
    case 'union':
      return def.options.flatMap((o: AnySchema & { _zod: { def: Def } }) => seeds(o, 2, depth + 1)).filter(ok);
    case 'enum':
      return (schema as unknown as { options: unknown[] }).options;
    case 'literal':
      return def.values;
    default:
      return leaves.filter(ok).slice(0, max);
  }
}

// ---- mutations ----------------------------------------------------------------------------

const LENGTHS = [
  0, 1, 2, 3, 4, 10, 40, 41, 60, 61, 64, 65, 80, 81, 100, 101, 120, 121, 140, 141, 200, 201, 254, 255, 280, 281, 500,
  501, 1000, 1001, 2000, 2001,
];
const ODD = [
  '',
  ' ',
  '   ',
  '\t\n',
  '\u00a0',
  '\ufeff',
  '\u200b',
  '\u2028',
  ' x ',
  'é',
  'e\u0301',
  '😀',
  '👩‍👩‍👧',
  '\ud800',
  '\udc00x',
  'مرحبا',
  'Ⅻ',
  'ＡＢＣ',
  '<script>',
  '../x',
  'a/b',
  'a%2Fb',
  'UPPER',
  'eur',
  'EURO',
  'Z',
  '2026-02-29T12:00:00Z',
  '2028-02-29T12:00:00Z',
  '2026-11-23T24:00:00Z',
  '2026-11-23T12:00:00+01:00',
  '2026-11-23',
  '2026-13-01',
  'ftp://example.org',
  'https://',
  'https://exa mple.org',
  'javascript:alert(1)',
  'a@b',
  'a@b.c',
  'a@b.co',
  ' a@b.co ',
  'a..b@c.de',
  'x_-0',
  '-x',
  'A',
];
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  100,
  101,
  399,
  400,
  599,
  600,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e21,
  -1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
];
const WRONG = [undefined, null, true, false, 0, 'x', [], {}, [1], { length: 3 }, ['a', 'b']];

function* replacements(value: unknown): Generator<unknown> {
  yield* WRONG;
  if (typeof value === 'string') {
    for (const n of LENGTHS) {
      yield 'a'.repeat(n);
      yield `${' '.repeat(2)}${'b'.repeat(n)} `;
      yield '😀'.repeat(n);
    }
    yield* ODD;
    yield value.toUpperCase();
    yield ` ${value} `;
    yield `${value}\u0000`;
    yield value.slice(0, -1);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) yield* NUMBERS;
  if (typeof value === 'number') (yield value + 1, value - 1, -value, value + 0.1, String(value));
  if (Array.isArray(value)) {
    yield [...value, ...value];
    if (value.length) (yield [value[0], null], [value[0], 'x'], [{}]);
  }
}

type Mutation = [label: string, value: unknown];

function* mutations(seed: unknown): Generator<Mutation> {
  yield ['seed', seed];
  yield ['seed through JSON', seed === undefined ? undefined : JSON.parse(JSON.stringify(seed))];
  for (const r of WRONG) yield ['whole value replaced', r];
  // Every node of the seed: replaced, removed, and objects with extra or JSON-only keys.
  const walk = function* (node: unknown, set: (v: unknown) => unknown, path: string): Generator<Mutation> {
    for (const r of replacements(node)) yield [`${path} = ${show(r)}`, set(r)];
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const obj = node as Record<string, unknown>;
      yield [`${path} + extra`, set({ ...obj, extra: 1, [`${Object.keys(obj)[0] ?? 'x'}_`]: 'y' })];
      // JSON.parse makes "__proto__" an own key, as a response body would.
      const json = JSON.stringify(obj);
      yield [
        `${path} + __proto__`,
        set(JSON.parse(`{"__proto__":{"x":1}${json === '{}' ? '}' : `,${json.slice(1)}`}`)),
      ];
      for (const key of Object.keys(obj)) {
        const { [key]: _removed, ...rest } = obj;
        yield [`${path}.${key} removed`, set(rest)];
        yield [`${path}.${key} undefined`, set({ ...obj, [key]: undefined })];
        yield* walk(obj[key], (v) => set({ ...obj, [key]: v }), `${path}.${key}`);
      }
      // Two fields wrong at once: issue order.
      const keys = Object.keys(obj);
      if (keys.length > 1) yield [`${path} first and last wrong`, set({ ...obj, [keys[0]!]: 7, [keys.at(-1)!]: [] })];
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries())
        yield* walk(item, (v) => set(node.map((x, j) => (j === i ? v : x))), `${path}[${i}]`);
    }
  };
  yield* walk(seed, (v) => v, '$');
}

const show = (v: unknown) => {
  if (typeof v === 'string') return JSON.stringify(v.length > 12 ? `${v.slice(0, 12)}…(${v.length})` : v);
  if (typeof v === 'number' || v === undefined) return String(v);
  return JSON.stringify(v)?.slice(0, 30) ?? String(v);
};

// ---- comparison ---------------------------------------------------------------------------

const normalise = (issues: readonly Issue[]) =>
  issues.map((i) => ({
    code: i.code,
    path: i.path,
    message: i.message,
    ...(i.expected !== undefined ? { expected: i.expected } : {}),
    ...(i.minimum !== undefined ? { minimum: i.minimum } : {}),
    ...(i.maximum !== undefined ? { maximum: i.maximum } : {}),
  }));

function disagreement(a: AnySchema, b: AnySchema, input: unknown): string | undefined {
  const z = a.safeParse(input);
  const c = b.safeParse(input);
  if (z.success !== c.success)
    return `zod says ${z.success ? 'valid' : 'invalid'}, compiled says ${c.success ? 'valid' : 'invalid'}`;
  try {
    if (z.success) assert.deepStrictEqual(c.data, z.data);
    else assert.deepStrictEqual(normalise(c.error!.issues), normalise(z.error!.issues));
  } catch (error) {
    return (error as Error).message.slice(0, 1500);
  }
  return undefined;
}

describe('compiled validators agree with zod', () => {
  it('the checked-in validators are generated from the current schemas and zod version', async () => {
    const files = await generateAll();
    assert.equal(files.length, 1 + splitModules.length);
    for (const { file, code } of files)
      assert.ok(readFileSync(file, 'utf8') === code, `${file} is stale: run \`npm run validators\``);
  });

  it('every exported schema has a compiled twin', () => {
    const missing = schemas.map(([name]) => name).filter((name) => !(name in compiled));
    assert.deepEqual(missing, []);
  });

  let total = 0;
  let disagreements = 0;
  const sizes: string[] = [];
  /** Runs the corpus of one schema through zod and its compiled twin. */
  function agree(name: string, schema: AnySchema & { _zod: { def: Def } }, twin: AnySchema) {
    const start = seeds(schema);
    assert.ok(start.length > 0, `no valid seed for ${name}: add one to the fixtures`);
    let count = 0;
    let valid = 0;
    const failures: string[] = [];
    for (const seed of start) {
      for (const [label, input] of mutations(seed)) {
        count++;
        if (schema.safeParse(input).success) valid++;
        const problem = disagreement(schema, twin, input);
        if (problem) disagreements++;
        if (problem && failures.length < 5) failures.push(`${label}: ${problem}`);
      }
    }
    total += count;
    sizes.push(`${name} ${count} (${valid} valid)`);
    assert.ok(valid > 0 && valid < count, `${name}: the corpus needs both valid and invalid inputs`);
    assert.deepEqual(failures, [], `${name}: ${failures.length} disagreement(s)`);
  }

  for (const [name, schema] of schemas) {
    it(`${name}: same verdict, output and issues on every input`, () =>
      agree(name, schema, (compiled as unknown as Record<string, AnySchema>)[name]!));
  }

  // The modules compiled on their own (loaded with code on demand) hold their own descriptions.
  for (const name of splitModules) {
    describe(`compiled on its own: ${name}`, () => {
      let own: [string, AnySchema & { _zod: { def: Def } }][] = [];
      let twins: Record<string, AnySchema> = {};
      before(async () => {
        const module = (await import(join(contractDir, name))) as Record<string, unknown>;
        own = Object.entries(module).filter(([, v]) => isSchema(v)) as typeof own;
        twins = (await import(compiledOf(join(contractDir, name)))) as Record<string, AnySchema>;
      });
      it('has schemas, each with a compiled twin, same verdict, output and issues on every input', () => {
        assert.ok(own.length > 0, `${name} exports no schema`);
        for (const [schemaName, schema] of own) {
          assert.ok(twins[schemaName], `${name}: no compiled ${schemaName}`);
          agree(`${name}:${schemaName}`, schema, twins[schemaName]!);
        }
      });
    });
  }

  describe('schemas of kinds the contract does not use yet', () => {
    // What other features are likely to add (lists with bounds, polls, batches, numeric literals,
    // checks that abort, messages of their own), compiled into a scratch module.
    const extras = {
      Poll: z.object({
        question: text(200),
        options: checked(z.array(z.object({ id: Id, label: text(80), votes: Count })), z.minLength(2), z.maxLength(4)),
        closesAt: z.optional(z.nullable(Instant)),
        tags: z.optional(checked(z.array(checked(z.string(), z.maxLength(3))), z.maxLength(2, 'at most two tags'))),
      }),
      Ratio: checked(z.number(), z.gt(0), z.lte(1, { error: 'at most one' })),
      Level: z.literal([1, 2, 3]),
      Slug: checked(z.string(), z.regex(/^[a-z]+$/, { abort: true }), z.maxLength(5)),
      Ids: checked(z.array(Id), z.maxLength(3)),
      Batch: checked(z.array(Campaign), z.minLength(1), z.maxLength(2)),
      Moneys: page(Money),
      Amount: z.union([Count, checked(z.string(), z.regex(/^\d+$/), z.maxLength(6)), z.null()]),
      Contact: z.union(
        [z.object({ email: checked(z.email(), z.maxLength(30)) }), z.object({ phone: text(20, 6) })],
        'email or phone',
      ),
      Ticket: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('seat'), row: checked(z.int(), z.positive()) }),
        z.object({ kind: z.enum(['standing', 'online']), note: z.optional(text(20)) }),
      ]),
    };
    let dir: string;
    let twins: Record<string, AnySchema>;
    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'partage-compiled-'));
      const outFile = join(dir, 'extra.ts');
      const { code } = await generate({ exports: extras, outFile });
      writeFileSync(outFile, code);
      twins = (await import(outFile)) as Record<string, AnySchema>;
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    for (const [name, schema] of Object.entries(extras)) {
      it(`${name}: same verdict, output and issues on every input`, () =>
        agree(name, schema as unknown as AnySchema & { _zod: { def: Def } }, twins[name]!));
    }
  });

  it('prints the corpus size', () => {
    console.log(
      `compiled validators: ${total} inputs over ${sizes.length} schemas (${schemas.length} of the contract), ${disagreements} disagreements`,
    );
    console.log(sizes.join('; '));
    assert.ok(total > 10_000);
  });
});
