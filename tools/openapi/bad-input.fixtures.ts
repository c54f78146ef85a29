import { ServiceName } from '@omni/testing';
import fc from 'fast-check';
import { openApiDocument, SERVICES } from './openapi-documents';

/**
 * The malformed requests of bad-input.e2e-spec.ts, derived from the services' OpenAPI documents:
 * every endpoint with its schemas, a valid body for each, and fast-check arbitraries for bodies,
 * path parameters and query strings that break at least one rule of the schema, or one that no
 * schema accepts (docs/adr/0014-request-validation.md). Not a spec itself: it starts nothing.
 * The path parameters' and query strings' arbitraries are in bad-parameters.fixtures.ts.
 */

export interface Schema {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  example?: unknown;
  default?: unknown;
  oneOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  schema: Schema;
}

export interface Endpoint {
  service: ServiceName;
  method: string;
  path: string;
  body: Schema | null;
  schemas: Record<string, Schema>;
  parameters: Parameter[];
}

export const MUTATING = ['post', 'put', 'patch', 'delete'];
const BODY_LIMIT = 100 * 1024;
/** docs/api-edge.md: the shape check's documented limit (libs/platform MAX_BODY_DEPTH). */
const MAX_DEPTH = 16;

export async function allEndpoints(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const service of SERVICES) {
    const doc = await openApiDocument(service);
    const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', ...MUTATING].includes(method) || op.tags?.includes('health')) continue;
        const body = (op.requestBody?.content?.['application/json']?.schema as Schema | undefined) ?? null;
        const parameters = ((op.parameters ?? []) as Parameter[]).filter((p) => p.in === 'path' || p.in === 'query');
        endpoints.push({ service, method: method.toUpperCase(), path, body, schemas, parameters });
      }
    }
  }
  return endpoints;
}

const isNullable = (s: Schema): boolean =>
  (Array.isArray(s.type) && s.type.includes('null')) || (s.oneOf ?? []).some((o) => o.type === 'null') || (s.enum ?? []).includes(null);
const resolve = (s: Schema, schemas: Record<string, Schema>): Schema => {
  if (s.$ref) return resolve(schemas[s.$ref.split('/').pop()!], schemas);
  // A nullable reference is oneOf [the reference, null]: its fields are the reference's.
  if (s.oneOf)
    return resolve(
      s.oneOf.find((o) => o.type !== 'null')!,
      schemas,
    );
  return s;
};
const typeOf = (s: Schema): string => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null')! : (s.type ?? (s.enum ? 'string' : 'object')));

/** A body every rule of `schema` accepts; only ever sent after one mutation that breaks a rule. */
export function validValue(s0: Schema, schemas: Record<string, Schema>): unknown {
  const s = resolve(s0, schemas);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, validValue(p, schemas)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => validValue(s.items!, schemas));
    case 'integer':
    case 'number':
      return s.minimum ?? 0;
    case 'boolean':
      return true;
    default:
      return s.format === 'uuid' ? '6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f' : 'x'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

interface Field {
  at: (string | number)[];
  schema: Schema;
  required: boolean;
  nullable: boolean;
}

/** Every field of a body, with its schema, whether its parent requires it and whether null is allowed: `lines.0.quantity`. */
function fields(s0: Schema, schemas: Record<string, Schema>, at: (string | number)[] = []): Field[] {
  const s = resolve(s0, schemas);
  if (typeOf(s) === 'array' && s.items) return fields(s.items, schemas, [...at, 0]);
  if (typeOf(s) !== 'object' || !s.properties) return [];
  return Object.entries(s.properties).flatMap(([k, p]) => {
    const ps = resolve(p, schemas);
    return [
      { at: [...at, k], schema: ps, required: (s.required ?? []).includes(k), nullable: isNullable(p) || isNullable(ps) },
      ...fields(ps, schemas, [...at, k]),
    ];
  });
}

function setAt(body: unknown, at: (string | number)[], value: unknown | typeof DELETE): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at[at.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

const OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
const jsonValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** A value of another JSON type than the field's; null too, unless the document says the field is nullable. */
function wrongType(f: Field) {
  const t = typeOf(f.schema);
  const accepts = (v: unknown) => {
    const vt = jsonTypeOf(v);
    if (vt === 'null') return f.nullable;
    if (t === 'number') return vt === 'integer' || vt === 'number';
    return vt === t;
  };
  return jsonValue.filter((v) => !accepts(v));
}

/** A value of the field's type that breaks its range, length, pattern or enum. */
function outOfRange(s: Schema): fc.Arbitrary<unknown> | null {
  const t = typeOf(s);
  if (t === 'integer' || t === 'number') {
    const options: fc.Arbitrary<unknown>[] = [];
    if (s.maximum !== undefined) options.push(fc.integer({ min: 1, max: 1e9 }).map((k) => s.maximum! + k));
    if (s.minimum !== undefined) options.push(fc.integer({ min: 1, max: 1e9 }).map((k) => s.minimum! - k));
    if (t === 'integer') options.push(fc.integer({ min: 0, max: 1000 }).map((k) => (s.minimum ?? 0) + k + 0.5));
    return options.length ? fc.oneof(...options) : null;
  }
  if (t === 'string') {
    const longest = s.maxLength ?? (s.pattern || s.enum || s.format ? 64 : null);
    if (longest === null) return null;
    // Longer than any rule allows, up to well past the body limit.
    return fc.integer({ min: longest + 1, max: longest + 200_000 }).map((n) => 'Z'.repeat(n));
  }
  return null;
}

/** One malformed request: a body (sent as JSON), or raw text for what JSON.stringify cannot make, and headers. */
export interface BadRequest {
  what: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

const getAt = (body: unknown, at: (string | number)[]): unknown => at.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)?.[k], body);
const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Adds `key` as an own property: an assignment would set the prototype for __proto__. */
function withOwnKey(body: unknown, at: (string | number)[], key: string, value: unknown): unknown {
  const copy = structuredClone(body);
  Object.defineProperty(getAt(copy, at) as object, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Characters that are well-formed but odd: astral, combining, bidirectional, zero-width, non-breaking, CJK. */
const ODD_CHARACTERS = ['🛒', '𝔘', 'é', '\u0301', '\u202E', '\u200B', '\u00A0', '漢', 'ß', 'Ω'];
export const oddString = (min: number, max: number) =>
  fc.array(fc.constantFrom(...ODD_CHARACTERS), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
/** Numbers beyond the safe integers (JSON has no other limit). */
const UNSAFE_NUMBERS = [2 ** 53, -(2 ** 53), 2 ** 64, 1e21, -1e21, 1e308, -1e308];

/** `{"a":{"a":…0…}}` or `[[…0…]]`, `depth` levels: built as text, the way an attacker sends it. */
const deepText = (depth: number, arrays: boolean) => (arrays ? '['.repeat(depth) + '0' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '0' + '}'.repeat(depth));
const DEEP = fc.record({ depth: fc.integer({ min: MAX_DEPTH + 1, max: 14_000 }), arrays: fc.boolean() });

/** Malformed bodies for an endpoint: each breaks at least one rule of its schema (or of JSON bodies as such). */
export function badBodies(e: Endpoint): fc.Arbitrary<BadRequest> {
  const notAnObject = fc
    .oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean(), fc.constant(null))
    .map((body) => ({ what: 'a JSON value that is not an object', body }));
  const oversized = fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 3 }).map((n) => ({ what: 'a body over 100 kB', body: { padding: 'p'.repeat(n) } }));
  const deepBody = DEEP.map(({ depth, arrays }) => ({ what: `a body ${depth} levels deep`, raw: deepText(depth, arrays) }));
  if (!e.body) return fc.oneof(notAnObject, oversized, deepBody);

  const valid = validValue(e.body, e.schemas);
  const fs = fields(e.body, e.schemas);
  const top = resolve(e.body, e.schemas);
  const options: fc.WeightedArbitrary<BadRequest>[] = [
    { arbitrary: notAnObject, weight: 1 },
    // Few: each is 100-300 kB on the wire.
    { arbitrary: oversized, weight: 1 },
    { arbitrary: fc.array(jsonValue, { maxLength: 3 }).map((arr) => ({ what: 'an array instead of an object', body: [valid, ...arr] })), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/), jsonValue)
        .filter(([k]) => !(k in (top.properties ?? {})) && !OBJECT_KEYS.has(k))
        .map(([k, v]) => ({ what: `unknown field ${k}`, body: { ...(valid as object), [k]: v } })),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(...fs).chain((f) => wrongType(f).map((v) => ({ what: `${f.at.join('.')} of the wrong type`, body: setAt(valid, f.at, v) }))),
      weight: 3,
    },
  ];
  const add = (arbitrary: fc.Arbitrary<BadRequest>, weight = 2) => options.push({ arbitrary, weight });

  const required = fs.filter((f) => f.required);
  if (required.length > 0) {
    add(fc.constantFrom(...required).map((f) => ({ what: `${f.at.join('.')} missing`, body: setAt(valid, f.at, DELETE) })));
    // Not JSON at all for the parser: the text arrives unparsed and the required fields are missing.
    add(
      fc.string({ maxLength: 100 }).map((t) => ({ what: 'a text/plain body', body: t, headers: { 'content-type': 'text/plain' } })),
      1,
    );
  }
  const ranged = fs.flatMap((f) => {
    const a = outOfRange(f.schema);
    return a ? [a.map((v) => ({ what: `${f.at.join('.')} out of range`, body: setAt(valid, f.at, v) }))] : [];
  });
  if (ranged.length > 0) add(fc.oneof(...ranged));

  // Arrays of arrays at every array position: the whole array wrapped, or its first element made an array.
  const arrays = fs.filter((f) => typeOf(f.schema) === 'array' && Array.isArray(getAt(valid, f.at)));
  if (arrays.length > 0) {
    add(
      fc
        .constantFrom(...arrays)
        .chain((f) =>
          fc.constantFrom(
            { what: `${f.at.join('.')} an array of arrays`, body: setAt(valid, f.at, [getAt(valid, f.at)]) },
            { what: `${f.at.join('.')}.0 an array`, body: setAt(valid, [...f.at, 0], [getAt(valid, [...f.at, 0])]) },
          ),
        ),
      4,
    );
  }

  // Nesting beyond the documented depth, at the top or in any field.
  const MARK = '\u0001deep\u0001';
  add(
    fc.tuple(DEEP, fc.constantFrom(null, ...fs)).map(([{ depth, arrays: asArrays }, f]) => {
      const at = f ? f.at : [Object.keys(top.properties ?? { a: 0 })[0]];
      return {
        what: `${at.join('.')} nested ${depth} levels deep`,
        raw: JSON.stringify(setAt(valid, at, MARK)).replace(JSON.stringify(MARK), deepText(depth, asArrays)),
      };
    }),
  );

  // Prototype keys in every object of the body: the body itself, nested objects, elements of arrays.
  const objectPositions = [[], ...fs.map((f) => f.at), ...arrays.map((f) => [...f.at, 0])].filter((at) => isPlainObject(getAt(valid, at)));
  add(
    fc
      .tuple(fc.constantFrom(...objectPositions), fc.constantFrom(...PROTOTYPE_KEYS), jsonValue)
      .map(([at, key, v]) => ({ what: `${[...at, key].join('.')} set`, body: withOwnKey(valid, at, key, v) })),
    3,
  );

  // Null for every property the document does not call nullable.
  const nonNullable = fs.filter((f) => !f.nullable);
  if (nonNullable.length > 0)
    add(
      fc.constantFrom(...nonNullable).map((f) => ({ what: `${f.at.join('.')} null`, body: setAt(valid, f.at, null) })),
      3,
    );

  // Huge numbers in numeric fields; fractions in integer ones.
  const numeric = fs.filter((f) => ['integer', 'number'].includes(typeOf(f.schema)));
  if (numeric.length > 0) {
    add(
      fc.constantFrom(...numeric).chain((f) => {
        const values =
          typeOf(f.schema) === 'integer'
            ? fc.oneof(
                fc.constantFrom(...UNSAFE_NUMBERS),
                fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((d) => !Number.isInteger(d)),
              )
            : fc.constantFrom(...UNSAFE_NUMBERS);
        return values.map((v) => ({ what: `${f.at.join('.')} = ${v}`, body: setAt(valid, f.at, v) }));
      }),
    );
  }

  // Long and odd Unicode strings: U+0000 and lone surrogates anywhere; odd characters past a length,
  // pattern, format or enum. A free text field takes odd characters within its length: not sent.
  const strings = fs.filter((f) => typeOf(f.schema) === 'string');
  if (strings.length > 0) {
    add(
      fc.constantFrom(...strings).chain((f) => {
        const base = typeof getAt(valid, f.at) === 'string' ? (getAt(valid, f.at) as string) : 'x';
        const s = f.schema;
        const options: fc.Arbitrary<string>[] = [fc.constantFrom(`${base}\u0000`, `\u0000${base}`, `${base}\uD800`, `\uDC00${base}`, `${base}\uDBFF\uDBFF`)];
        if (s.maxLength !== undefined) options.push(fc.integer({ min: s.maxLength + 1, max: s.maxLength + 400 }).chain((n) => oddString(n, n)));
        if (s.pattern || s.format || s.enum) options.push(oddString(1, 40));
        return fc.oneof(...options).map((v) => ({ what: `${f.at.join('.')} an odd string of ${v.length} UTF-16 units`, body: setAt(valid, f.at, v) }));
      }),
      3,
    );
  }
  return fc.oneof(...options);
}
