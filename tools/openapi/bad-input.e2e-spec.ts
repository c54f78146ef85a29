import { OrderPlacedV2 } from '@omni/contracts';
import { defaultToken, eventually, http, Journey, journeyStack, KafkaProbe, ServiceName, sql, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { openApiDocument } from './openapi-documents';
import { allEndpoints, BadRequest, badBodies, Endpoint, MUTATING, validValue } from './bad-input.fixtures';
import { badPaths, badQueries } from './bad-parameters.fixtures';

/**
 * Whatever a caller sends to a mutating endpoint, a malformed body, query or path is a 4xx
 * problem+json and changes nothing. The endpoints are read from the services' OpenAPI documents,
 * so a new one is tested without anyone remembering to add it; the malformed requests are derived
 * from its schema, and the shapes no schema accepts (docs/adr/0014-request-validation.md) are sent
 * to every one of them. bad-input.fixtures.ts reads the endpoints and makes the requests; this file
 * starts the services, sends them and checks the answers and the rows.
 */

/** Bodies per mutating endpoint; with the paths and queries below, well over 10,000 requests a run. */
const BODIES_PER_ENDPOINT = 300;
/** Malformed paths and query strings per endpoint (reads included) that has parameters. */
const PARAMETER_RUNS_PER_ENDPOINT = 60;
/** Requests in flight at once: the services answer refusals quickly, the run stays short. */
const CONCURRENCY = 8;
const SEED = 20261123;

describe('malformed requests on every endpoint', () => {
  const e2e = journeyStack(['order', 'inventory', 'returns', 'customer']);
  const stack = () => e2e.stack;
  let endpoints: Endpoint[];
  const store = Journey.id('S');
  const warehouse = Journey.id('WH');
  const sku = 'BAD-INPUT-SKU';
  let orderId: string;
  let transferId: string;
  let customerId: string;

  beforeAll(async () => {
    endpoints = await allEndpoints();
    const j = e2e.j;
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
      await eventually(async () => expect((await http('GET', `${stack().services.returns.url}/returnable-orders/${id}`)).status).toBe(200));
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
      const rows = await sql<{ profile_id: string }>(stack().databases.customer, 'SELECT profile_id FROM order_links WHERE order_id = $1', [placed]);
      expect(rows).toHaveLength(1);
      return rows[0].profile_id;
    });
  }
  /**
   * Real ids of existing objects, so what is tested is the body; `overrides` are sent as given
   * (already percent-encoded). A path with a parameter not named here fails the test: add it.
   */
  function urlOf(e: Endpoint, overrides: Record<string, string> = {}): string {
    const values: Record<string, string> = {
      storeId: store,
      locationId: store,
      sku,
      orderId,
      accountId: 'bad-input-customer',
      customerId,
      code: 'ABCD2345',
      // No parcel has it: a well-formed request is 404 PARCEL.NOT_FOUND, a malformed one 400 before any lookup.
      trackingNumber: 'SI0000000000000000',
      // No refund has it: a well-formed request is 404 REFUND_REQUEST.NOT_FOUND, a malformed one 400.
      refundId: '00000000-0000-4000-8000-000000000000',
      id: e.path.startsWith('/transfers/') ? transferId : e.path.startsWith('/locations/') ? store : orderId,
    };
    const path = e.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (name in overrides) return overrides[name];
      if (!(name in values)) throw new Error(`${e.method} ${e.path}: no known value for path parameter ${name}`);
      return encodeURIComponent(values[name]);
    });
    return `${stack().services[e.service].url}${path}`;
  }

  /** Rows per table of a service's database, once nothing more arrives from Kafka. */
  async function rowCounts(service: ServiceName): Promise<Record<string, number>> {
    const db = stack().databases[service];
    const tables = await sql<{ table_name: string }>(
      db,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
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
        const unsent = await sql<{ n: number }>(stack().databases[service], 'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
        const stable = now === last && unsent[0].n === 0;
        last = now;
        if (!stable) throw new Error(`${service} still changing: ${now}`);
        return counts;
      },
      { intervalMs: 300 },
    );
  }

  const isMutating = (e: Endpoint) => MUTATING.includes(e.method.toLowerCase());

  it('finds the mutating endpoints in the OpenAPI documents', () => {
    const names = endpoints.filter(isMutating).map((e) => `${e.method} ${e.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /orders',
        'POST /stores/{storeId}/orders/{id}/picks',
        'PUT /locations/{id}',
        'POST /locations/{locationId}/stock/{sku}/adjustments',
      ]),
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /stores/{storeId}/returns',
        'POST /return-policies',
        'POST /return-authorisations',
        'POST /store-credit/{accountId}/redemptions',
      ]),
    );
    // Only the services of this stack have mutating endpoints so far; one elsewhere needs its service started above.
    expect([...new Set(endpoints.filter(isMutating).map((e) => e.service))].sort()).toEqual(['customer', 'inventory', 'order', 'returns']);
  });

  /** One request as a client would send it: JSON (or raw text) with the default admin token. */
  async function send(method: string, url: string, r: BadRequest): Promise<{ status: number; type: string; text: string }> {
    const text = r.raw ?? (r.body === undefined ? undefined : JSON.stringify(r.body));
    const res = await fetch(url, {
      method,
      headers: { ...(text === undefined ? {} : { 'content-type': 'application/json' }), authorization: `Bearer ${await defaultToken()}`, ...r.headers },
      body: text,
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  /** Runs `jobs` with CONCURRENCY of them in flight. */
  async function inParallel(jobs: (() => Promise<void>)[]): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < jobs.length) await jobs[next++]();
      }),
    );
  }

  it('answers every malformed body, path and query string with a 4xx problem+json, never a 5xx, and changes no row', async () => {
    const before = {
      order: await settledRowCounts('order'),
      inventory: await settledRowCounts('inventory'),
      returns: await settledRowCounts('returns'),
      customer: await settledRowCounts('customer'),
    };
    const orderBefore = (await http('GET', `${e2e.j.order}/orders/${orderId}`)).body;
    const stockBefore = await e2e.j.stock(store, sku);

    const started = Date.now();
    const sent = { bodies: 0, paths: 0, queries: 0 };
    const failures: string[] = [];
    const bodyStatuses = new Map<string, Set<number>>();
    for (const e of endpoints) {
      const name = `${e.method} ${e.path}`;
      // A path or query is tested with a body the endpoint's schema takes, so that only it is wrong.
      const goodBody = e.body ? validValue(e.body, e.schemas) : undefined;
      const requests: { kind: keyof typeof sent; url: string; r: BadRequest }[] = [];
      if (isMutating(e)) {
        for (const r of fc.sample(badBodies(e), { numRuns: BODIES_PER_ENDPOINT, seed: SEED })) requests.push({ kind: 'bodies', url: urlOf(e), r });
      }
      const paths = badPaths(e, (overrides) => urlOf(e, overrides));
      if (paths)
        for (const p of fc.sample(paths, { numRuns: PARAMETER_RUNS_PER_ENDPOINT, seed: SEED }))
          requests.push({ kind: 'paths', url: p.path, r: { what: p.what, body: goodBody } });
      for (const q of fc.sample(badQueries(e), { numRuns: PARAMETER_RUNS_PER_ENDPOINT, seed: SEED }))
        requests.push({ kind: 'queries', url: `${urlOf(e)}?${q.query}`, r: { what: q.what, body: goodBody } });

      const seen = new Set<number>();
      bodyStatuses.set(name, seen);
      await inParallel(
        requests.map(({ kind, url, r }) => async () => {
          const res = await send(e.method, url, r);
          sent[kind]++;
          if (kind === 'bodies') seen.add(res.status);
          const ok = res.status >= 400 && res.status < 500 && res.type.includes('application/problem+json');
          if (!ok && failures.length < 20) failures.push(`${name} with ${r.what}: ${res.status} ${res.type} ${res.text.slice(0, 300)}`);
        }),
      );
    }
    const total = sent.bodies + sent.paths + sent.queries;
    console.log(
      `bad input: ${total} requests (${sent.bodies} bodies, ${sent.paths} paths, ${sent.queries} query strings) to ${endpoints.length} endpoints in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    expect(failures).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(10_000);
    // The bodies did reach both the body parser's limits (413) and the validation (400) of every mutating endpoint.
    for (const [name, seen] of bodyStatuses) if (seen.size > 0) expect([name, [...seen].sort()]).toEqual([name, expect.arrayContaining([400, 413])]);
    expect([...bodyStatuses].filter(([, seen]) => seen.size > 0)).toHaveLength(endpoints.filter(isMutating).length);
    expect({
      order: await rowCounts('order'),
      inventory: await rowCounts('inventory'),
      returns: await rowCounts('returns'),
      customer: await rowCounts('customer'),
    }).toEqual(before);
    expect((await http('GET', `${e2e.j.order}/orders/${orderId}`)).body).toEqual(orderBefore);
    expect(await e2e.j.stock(store, sku)).toEqual(stockBefore);
  });

  it('serves the committed OpenAPI document at /docs-json and the UI at /docs', async () => {
    for (const service of ['order', 'inventory', 'returns', 'customer'] as const) {
      const json = await http('GET', `${stack().services[service].url}/docs-json`);
      expect(json.status).toBe(200);
      expect(json.body).toEqual(JSON.parse(JSON.stringify(await openApiDocument(service))));
      const ui = await http('GET', `${stack().services[service].url}/docs`);
      expect(ui.status).toBe(200);
      expect(String(ui.body)).toContain('swagger-ui');
    }
  });
});
