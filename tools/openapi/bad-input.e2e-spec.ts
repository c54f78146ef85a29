import { OrderPlacedV2 } from '@omni/contracts';
import { eventually, http, Journey, KafkaProbe, ServiceName, sql, Stack, startStack, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { openApiDocument, SERVICES } from './openapi-documents';

/**
 * Whatever a caller sends to a mutating endpoint, a malformed body is a 4xx problem+json and
 * changes nothing. The endpoints are read from the services' OpenAPI documents, so a new one is
 * tested without anyone remembering to add it; the malformed bodies are derived from its schema.
 */

interface Schema {
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
}

interface Endpoint {
  service: ServiceName;
  method: string;
  path: string;
  body: Schema | null;
  schemas: Record<string, Schema>;
}

const MUTATING = ['post', 'put', 'patch', 'delete'];
const RUNS_PER_ENDPOINT = 40;
const SEED = 20261123;
const BODY_LIMIT = 100 * 1024;

async function mutatingEndpoints(): Promise<Endpoint[]> {
  const endpoints: Endpoint[] = [];
  for (const service of SERVICES) {
    const doc = await openApiDocument(service);
    const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!MUTATING.includes(method)) continue;
        const body = (op.requestBody?.content?.['application/json']?.schema as Schema | undefined) ?? null;
        endpoints.push({ service, method: method.toUpperCase(), path, body, schemas });
      }
    }
  }
  return endpoints;
}

const resolve = (s: Schema, schemas: Record<string, Schema>): Schema => (s.$ref ? resolve(schemas[s.$ref.split('/').pop()!], schemas) : s);
const typeOf = (s: Schema): string => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null')! : (s.type ?? (s.enum ? 'string' : 'object')));

/** A body every rule of `schema` accepts; only ever sent after one mutation that breaks a rule. */
function validValue(s0: Schema, schemas: Record<string, Schema>): unknown {
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

/** Every field of a body, with its schema and whether its parent requires it: `lines.0.quantity`. */
function fields(s0: Schema, schemas: Record<string, Schema>, at: (string | number)[] = []): { at: (string | number)[]; schema: Schema; required: boolean }[] {
  const s = resolve(s0, schemas);
  if (typeOf(s) === 'array' && s.items) return fields(s.items, schemas, [...at, 0]);
  if (typeOf(s) !== 'object' || !s.properties) return [];
  return Object.entries(s.properties).flatMap(([k, p]) => {
    const ps = resolve(p, schemas);
    return [{ at: [...at, k], schema: ps, required: (s.required ?? []).includes(k) }, ...fields(ps, schemas, [...at, k])];
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
const jsonValue = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }));

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** A value of another JSON type than the field's (never null for an optional field: null is "absent" there). */
function wrongType(f: { schema: Schema; required: boolean }) {
  const t = typeOf(f.schema);
  const accepts = (v: unknown) => {
    const vt = jsonTypeOf(v);
    if (vt === 'null') return !f.required;
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

/** Malformed bodies for an endpoint: each breaks at least one rule of its schema (or of JSON bodies as such). */
function badBodies(e: Endpoint): fc.Arbitrary<{ what: string; body: unknown; headers?: Record<string, string> }> {
  const notAnObject = fc.oneof(fc.string({ maxLength: 50 }), fc.integer(), fc.boolean(), fc.constant(null)).map((body) => ({ what: 'a JSON value that is not an object', body }));
  const oversized = fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 3 }).map((n) => ({ what: 'a body over 100 kB', body: { padding: 'p'.repeat(n) } }));
  if (!e.body) return fc.oneof(notAnObject, oversized);

  const valid = validValue(e.body, e.schemas);
  const fs = fields(e.body, e.schemas);
  const top = resolve(e.body, e.schemas);
  const options: fc.Arbitrary<{ what: string; body: unknown; headers?: Record<string, string> }>[] = [
    notAnObject,
    oversized,
    fc.array(jsonValue, { maxLength: 3 }).map((arr) => ({ what: 'an array instead of an object', body: [valid, ...arr] })),
    fc
      .tuple(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,20}$/), jsonValue)
      .filter(([k]) => !(k in (top.properties ?? {})) && !OBJECT_KEYS.has(k))
      .map(([k, v]) => ({ what: `unknown field ${k}`, body: { ...(valid as object), [k]: v } })),
    fc.constantFrom(...fs).chain((f) => wrongType(f).map((v) => ({ what: `${f.at.join('.')} of the wrong type`, body: setAt(valid, f.at, v) }))),
  ];
  const required = fs.filter((f) => f.required);
  if (required.length > 0) {
    options.push(fc.constantFrom(...required).map((f) => ({ what: `${f.at.join('.')} missing`, body: setAt(valid, f.at, DELETE) })));
    // Not JSON at all for the parser: the text arrives unparsed and the required fields are missing.
    options.push(fc.string({ maxLength: 100 }).map((t) => ({ what: 'a text/plain body', body: t, headers: { 'content-type': 'text/plain' } })));
  }
  const ranged = fs.flatMap((f) => {
    const a = outOfRange(f.schema);
    return a ? [a.map((v) => ({ what: `${f.at.join('.')} out of range`, body: setAt(valid, f.at, v) }))] : [];
  });
  if (ranged.length > 0) options.push(fc.oneof(...ranged));
  return fc.oneof(...options);
}

describe('malformed bodies on every mutating endpoint', () => {
  let stack: Stack;
  let endpoints: Endpoint[];
  let j: Journey;
  const store = Journey.id('S');
  const warehouse = Journey.id('WH');
  const sku = 'BAD-INPUT-SKU';
  let orderId: string;
  let transferId: string;
  let customerId: string;

  beforeAll(async () => {
    endpoints = await mutatingEndpoints();
    stack = await startStack(['order', 'inventory', 'returns', 'customer']);
    j = new Journey(stack);
    await j.location(store);
    await j.location(warehouse, { kind: 'warehouse' });
    await j.receive(store, sku, 5);
    await j.receive(warehouse, 'WH-ONLY', 5);
    orderId = (await j.place(store, [{ sku, quantity: 1 }])).id;
    await j.status(orderId, 'RESERVED');
    const awaiting = await j.place(store, [{ sku: 'WH-ONLY', quantity: 1 }]);
    await j.status(awaiting.id, 'AWAITING_TRANSFER');
    transferId = (await j.transfersInto(store))[0].transferId;
    // The returns service reads both orders from order events; wait until it has, so its rows are settled.
    for (const id of [orderId, awaiting.id]) {
      await eventually(async () => expect((await http('GET', `${stack.services.returns.url}/returnable-orders/${id}`)).status).toBe(200));
    }
    customerId = await aCustomer();
  });

  /** A customer profile, made as the order service's orders make them. */
  async function aCustomer(): Promise<string> {
    const probe = new KafkaProbe();
    const placed = randomUUID();
    const line = randomUUID();
    await probe.produce(OrderPlacedV2.topic, [
      testEvent(OrderPlacedV2, {
        orderId: placed,
        channel: 'web',
        placedAtStoreId: null,
        customerId: null,
        contact: { email: `bad-input-${placed}@example.com`, phone: null, loyaltyId: null, name: 'Bad Input', postcode: '1000' },
        currency: 'EUR',
        lines: [{ lineId: line, sku, quantity: 1, unitPrice: 100 }],
        fulfilments: [{ fulfilmentId: randomUUID(), type: 'pickup', storeId: store, address: null, lineIds: [line] }],
        capturedTenders: [],
        placedAt: new Date().toISOString(),
      }),
    ]);
    await probe.close();
    return eventually(async () => {
      const rows = await sql<{ profile_id: string }>(stack.databases.customer, 'SELECT profile_id FROM order_links WHERE order_id = $1', [placed]);
      expect(rows).toHaveLength(1);
      return rows[0].profile_id;
    });
  }
  afterAll(async () => {
    await stack?.stop();
  });

  /** Real ids of existing objects, so what is tested is the body. A path with a parameter not named here fails the test: add it. */
  function urlOf(e: Endpoint): string {
    const values: Record<string, string> = {
      storeId: store,
      locationId: store,
      sku,
      orderId,
      accountId: 'bad-input-customer',
      customerId,
      id: e.path.startsWith('/transfers/') ? transferId : e.path.startsWith('/locations/') ? store : orderId,
    };
    const path = e.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (!(name in values)) throw new Error(`${e.method} ${e.path}: no known value for path parameter ${name}`);
      return encodeURIComponent(values[name]);
    });
    return `${stack.services[e.service].url}${path}`;
  }

  /** Rows per table of a service's database, once nothing more arrives from Kafka. */
  async function rowCounts(service: ServiceName): Promise<Record<string, number>> {
    const db = stack.databases[service];
    const tables = await sql<{ table_name: string }>(db, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) counts[table_name] = (await sql<{ n: number }>(db, `SELECT count(*)::int AS n FROM "${table_name}"`))[0].n;
    return counts;
  }
  async function settledRowCounts(service: ServiceName): Promise<Record<string, number>> {
    let last = '';
    return eventually(
      async () => {
        const counts = await rowCounts(service);
        const now = JSON.stringify(counts);
        const unsent = await sql<{ n: number }>(stack.databases[service], 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
        const stable = now === last && unsent[0].n === 0;
        last = now;
        if (!stable) throw new Error(`${service} still changing: ${now}`);
        return counts;
      },
      { intervalMs: 300 },
    );
  }

  it('finds the mutating endpoints in the OpenAPI documents', () => {
    const names = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(names).toEqual(expect.arrayContaining(['POST /orders', 'POST /stores/{storeId}/orders/{id}/picks', 'PUT /locations/{id}', 'POST /locations/{locationId}/stock/{sku}/adjustments']));
    expect(names).toEqual(expect.arrayContaining(['POST /stores/{storeId}/returns', 'POST /return-policies', 'POST /return-authorisations', 'POST /store-credit/{accountId}/redemptions']));
    // Only the services of this stack have mutating endpoints so far; one elsewhere needs its service started above.
    expect([...new Set(endpoints.map((e) => e.service))].sort()).toEqual(['customer', 'inventory', 'order', 'returns']);
  });

  it('answers every malformed body with a 4xx problem+json and changes no row', async () => {
    const before = { order: await settledRowCounts('order'), inventory: await settledRowCounts('inventory'), returns: await settledRowCounts('returns'), customer: await settledRowCounts('customer') };
    const orderBefore = (await http('GET', `${j.order}/orders/${orderId}`)).body;
    const stockBefore = await j.stock(store, sku);

    const statuses = new Map<string, Set<number>>();
    for (const e of endpoints) {
      const url = urlOf(e);
      const seen = new Set<number>();
      statuses.set(`${e.method} ${e.path}`, seen);
      await fc.assert(
        fc.asyncProperty(badBodies(e), async ({ what, body, headers }) => {
          const res = await http(e.method, url, body, headers);
          seen.add(res.status);
          const ok = res.status >= 400 && res.status < 500 && (res.headers.get('content-type') ?? '').includes('application/problem+json');
          if (!ok) throw new Error(`${e.method} ${e.path} with ${what}: ${res.status} ${res.headers.get('content-type')} ${JSON.stringify(res.body).slice(0, 300)}`);
        }),
        { numRuns: RUNS_PER_ENDPOINT, seed: SEED, endOnFailure: true },
      );
    }

    // The bodies did reach both the body parser's limits (413) and the validation (400) of every endpoint.
    for (const [name, seen] of statuses) expect([name, [...seen].sort()]).toEqual([name, expect.arrayContaining([400, 413])]);
    expect({ order: await rowCounts('order'), inventory: await rowCounts('inventory'), returns: await rowCounts('returns'), customer: await rowCounts('customer') }).toEqual(before);
    expect((await http('GET', `${j.order}/orders/${orderId}`)).body).toEqual(orderBefore);
    expect(await j.stock(store, sku)).toEqual(stockBefore);
  });

  it('serves the committed OpenAPI document at /docs-json and the UI at /docs', async () => {
    for (const service of ['order', 'inventory', 'returns', 'customer'] as const) {
      const json = await http('GET', `${stack.services[service].url}/docs-json`);
      expect(json.status).toBe(200);
      expect(json.body).toEqual(JSON.parse(JSON.stringify(await openApiDocument(service))));
      const ui = await http('GET', `${stack.services[service].url}/docs`);
      expect(ui.status).toBe(200);
      expect(String(ui.body)).toContain('swagger-ui');
    }
  });
});
