import { NOTIFICATION_REQUESTS_TOPIC } from '@omni/contracts';
import { freePort, http, httpAs, HttpResult, Journey, journeyStack, mintToken, sql, Stack, startStack, tokens } from '@omni/testing';
import { exportPKCS8, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';

function expectProblem(res: HttpResult, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toContain('application/problem+json');
}

/**
 * The API edge (docs/api-edge.md) across the real services: bearer tokens, scopes, the store and
 * customer rules, Idempotency-Key, and the body limit.
 */
describe('the API edge', () => {
  const storeA = Journey.id('A');
  const storeB = Journey.id('B');
  const warehouse = Journey.id('WH');
  const order = () => e2e.stack.services.order.url;
  const inventory = () => e2e.stack.services.inventory.url;
  const customer = () => e2e.stack.services.customer.url;
  const placeBody = (extra: Record<string, unknown> = {}) => ({
    channel: 'web',
    storeId: storeA,
    currency: 'EUR',
    lines: [{ sku: 'EDGE-1', quantity: 1, unitPrice: 1000 }],
    ...extra,
  });
  const ordersOf = async (customerId: string) =>
    (await sql<{ n: number }>(e2e.stack.databases.order, 'SELECT count(*)::int AS n FROM orders WHERE customer_id = $1', [customerId]))[0].n;

  const e2e = journeyStack(['order', 'inventory', 'customer'], { topics: [NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    await e2e.j.location(storeA);
    await e2e.j.location(storeB);
    await e2e.j.location(warehouse, { kind: 'warehouse' });
  });

  it('answers 401 AUTH.UNAUTHENTICATED to no token, a malformed, expired, foreign-signed, wrong-issuer or wrong-audience one, and changes nothing', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const foreignKey = await exportPKCS8(privateKey);
    const bad: [string, string | null][] = [
      ['no token', null],
      ['not a JWT', 'not-a-jwt'],
      ['expired', await mintToken({ scope: 'admin', expiresIn: -60 })],
      ['signed with another key', await mintToken({ scope: 'admin' }, foreignKey)],
      ['another issuer', await mintToken({ scope: 'admin', iss: 'someone-else' })],
      ['another audience', await mintToken({ scope: 'admin', aud: 'another-api' })],
    ];
    const customerId = `anon-${randomUUID()}`;
    for (const [what, token] of bad) {
      const as = httpAs(token);
      for (const res of [
        await as('POST', `${order()}/orders`, placeBody({ customerId })),
        await as('GET', `${order()}/orders/${randomUUID()}`),
        await as('GET', `${inventory()}/locations`),
        await as('GET', `${customer()}/customers/${customerId}/timeline`),
      ]) {
        expect({ what, status: res.status }).toEqual({ what, status: 401 });
        expectProblem(res, 401, 'AUTH.UNAUTHENTICATED');
      }
    }
    expect(await ordersOf(customerId)).toBe(0);
    // Probes need no token.
    expect((await http('GET', `${order()}/health/ready`, undefined, {}, { token: null })).status).toBe(200);
  });

  it('answers 403 AUTH.FORBIDDEN to a token without the scope the endpoint needs', async () => {
    const posA = httpAs(await tokens.pos(storeA));
    const reader = httpAs(await mintToken({ sub: 'reporting', scope: 'inventory:read orders:read' }));
    const storeless = httpAs(await mintToken({ sub: 'pos-without-store', scope: 'store:operate' }));
    const alice = httpAs(await tokens.customer('alice'));
    expectProblem(await posA('POST', `${order()}/orders`, placeBody()), 403, 'AUTH.FORBIDDEN');
    expectProblem(await reader('PUT', `${inventory()}/locations/${storeA}/stock/EDGE-1/safety-stock`, { safetyStock: 1 }), 403, 'AUTH.FORBIDDEN');
    expectProblem(await reader('POST', `${order()}/orders/${randomUUID()}/cancel`, {}), 403, 'AUTH.FORBIDDEN');
    expectProblem(await alice('GET', `${inventory()}/locations`), 403, 'AUTH.FORBIDDEN');
    expectProblem(await storeless('GET', `${order()}/stores/${storeA}/pick-list`), 403, 'AUTH.FORBIDDEN');
    expect((await reader('GET', `${inventory()}/locations/${storeA}/stock/EDGE-1`)).status).toBe(200);
  });

  it("refuses the POS of store A on store B's pickup (pick, collect, cancel) and leaves the order as it was", async () => {
    await e2e.j.receive(storeB, 'EDGE-B', 2);
    const placed = await e2e.j.place(storeB, [{ sku: 'EDGE-B', quantity: 1 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    const posA = httpAs(await tokens.pos(storeA));
    const onB = `${order()}/stores/${storeB}/orders/${placed.id}`;
    expectProblem(await posA('POST', `${onB}/picking`, {}), 403, 'AUTH.FORBIDDEN');
    expectProblem(await posA('POST', `${onB}/collect`, { pickupCode: 'ABCDEFGH' }), 403, 'AUTH.FORBIDDEN');
    expectProblem(await posA('POST', `${onB}/cancel`, { reason: 'not mine' }), 403, 'AUTH.FORBIDDEN');
    expectProblem(await posA('GET', `${order()}/stores/${storeB}/pick-list`), 403, 'AUTH.FORBIDDEN');
    // Through its own store's path, the order of another store is the use case's refusal.
    expectProblem(await posA('POST', `${order()}/stores/${storeA}/orders/${placed.id}/picking`, {}), 403, 'ORDER.WRONG_STORE');
    expect((await e2e.j.get(placed.id)).status).toBe('RESERVED');

    const posB = httpAs(await tokens.pos(storeB));
    expect((await posB('POST', `${onB}/picking`, {})).body.status).toBe('PICKING');
  });

  it('lets a POS adjust stock and ship or receive transfers only at its own store', async () => {
    const posA = httpAs(await tokens.pos(storeA));
    const posB = httpAs(await tokens.pos(storeB));
    expect((await posA('POST', `${inventory()}/locations/${storeA}/stock/EDGE-S/adjustments`, { reason: 'receipt', quantity: 1 })).status).toBe(200);
    expectProblem(await posA('POST', `${inventory()}/locations/${storeB}/stock/EDGE-S/adjustments`, { reason: 'receipt', quantity: 1 }), 403, 'AUTH.FORBIDDEN');
    expect((await e2e.j.stock(storeB, 'EDGE-S')).onHand).toBe(0);

    await e2e.j.receive(warehouse, 'EDGE-T', 1);
    const placed = await e2e.j.place(storeB, [{ sku: 'EDGE-T', quantity: 1 }]);
    await e2e.j.status(placed.id, 'AWAITING_TRANSFER');
    const [transfer] = await e2e.j.transfersInto(storeB);
    expectProblem(await posA('POST', `${inventory()}/transfers/${transfer.transferId}/ship`, {}), 403, 'AUTH.FORBIDDEN');
    expectProblem(await posA('POST', `${inventory()}/transfers/${randomUUID()}/ship`, {}), 403, 'AUTH.FORBIDDEN');
    expect((await posB('POST', `${inventory()}/transfers/${transfer.transferId}/ship`, {})).body.status).toBe('SHIPPED');
    expectProblem(await posA('POST', `${inventory()}/transfers/${transfer.transferId}/receive`, {}), 403, 'AUTH.FORBIDDEN');
    expect((await posB('POST', `${inventory()}/transfers/${transfer.transferId}/receive`, {})).body.status).toBe('RECEIVED');
    await e2e.j.status(placed.id, 'RESERVED');
  });

  it("keeps a customer to its own orders: another customer's and a missing one get the same 403", async () => {
    const [aliceId, bobId] = [`alice-${randomUUID()}`, `bob-${randomUUID()}`];
    const alice = httpAs(await tokens.customer(aliceId));
    const bob = httpAs(await tokens.customer(bobId));
    await e2e.j.receive(storeA, 'EDGE-C', 5);
    await e2e.j.price('EDGE-C', 500);
    const placed = await alice('POST', `${order()}/orders`, placeBody({ lines: [{ sku: 'EDGE-C', quantity: 1, unitPrice: 500 }] }));
    expect(placed.status).toBe(201);
    expect(placed.body.customerId).toBe(aliceId);
    expect((await alice('GET', `${order()}/orders/${placed.body.id}`)).status).toBe(200);

    const others = await bob('GET', `${order()}/orders/${placed.body.id}`);
    const missing = await bob('GET', `${order()}/orders/${randomUUID()}`);
    expectProblem(others, 403, 'AUTH.FORBIDDEN');
    expect(missing.body).toEqual(others.body);
    expectProblem(await bob('POST', `${order()}/orders/${placed.body.id}/cancel`, {}), 403, 'AUTH.FORBIDDEN');
    expectProblem(await bob('POST', `${order()}/orders/${randomUUID()}/cancel`, {}), 403, 'AUTH.FORBIDDEN');
    expect((await e2e.j.get(placed.body.id)).status).not.toBe('CANCELLED');

    // Placing for someone else, or for another channel than the token's, is refused.
    expectProblem(await alice('POST', `${order()}/orders`, placeBody({ customerId: bobId })), 403, 'AUTH.FORBIDDEN');
    expectProblem(await alice('POST', `${order()}/orders`, placeBody({ channel: 'pos' })), 403, 'AUTH.FORBIDDEN');
    expect(await ordersOf(bobId)).toBe(0);

    expect((await alice('POST', `${order()}/orders/${placed.body.id}/cancel`, { reason: 'changed my mind' })).status).toBe(200);

    // The timeline: customers:read, or the customer's own token for its own id.
    expect((await alice('GET', `${customer()}/customers/${aliceId}/timeline`)).status).toBe(200);
    expectProblem(await alice('GET', `${customer()}/customers/${bobId}/timeline`), 403, 'AUTH.FORBIDDEN');
    expectProblem(await httpAs(await tokens.pos(storeA))('GET', `${customer()}/customers/${aliceId}/timeline`), 403, 'AUTH.FORBIDDEN');
    expect((await http('GET', `${customer()}/customers/${aliceId}/timeline`)).status).toBe(200);
  });

  it('answers a retried POST /orders with the first response and creates one order; the key with another body is 422', async () => {
    const customerId = `idem-${randomUUID()}`;
    const key = randomUUID();
    const body = placeBody({ customerId });
    const first = await http('POST', `${order()}/orders`, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await http('POST', `${order()}/orders`, { ...body, lines: body.lines }, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await ordersOf(customerId)).toBe(1);

    expectProblem(await http('POST', `${order()}/orders`, { ...body, currency: 'USD' }, { 'idempotency-key': key }), 422, 'IDEMPOTENCY.KEY_REUSED');
    expect(await ordersOf(customerId)).toBe(1);

    // Keys belong to their caller: another caller's same key is another request.
    const other = await httpAs(await mintToken({ sub: 'another-system', scope: 'admin' }))('POST', `${order()}/orders`, body, { 'idempotency-key': key });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(await ordersOf(customerId)).toBe(2);

    // A refusal (4xx) is remembered like a success; a malformed key is refused.
    const invalidKey = randomUUID();
    expectProblem(await http('POST', `${order()}/orders`, { ...body, lines: [] }, { 'idempotency-key': invalidKey }), 400, 'REQUEST.INVALID');
    const again = await http('POST', `${order()}/orders`, { ...body, lines: [] }, { 'idempotency-key': invalidKey });
    expectProblem(again, 400, 'REQUEST.INVALID');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(await http('POST', `${order()}/orders`, body, { 'idempotency-key': 'not a key' }), 400, 'REQUEST.INVALID');
    expect(await ordersOf(customerId)).toBe(2);

    // Past IDEMPOTENCY_TTL_HOURS a key is forgotten: the same request executes again.
    await sql(
      e2e.stack.databases.order,
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1 AND caller = 'test-back-office'`,
      [key],
    );
    const afterExpiry = await http('POST', `${order()}/orders`, body, { 'idempotency-key': key });
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.headers.get('idempotent-replayed')).toBeNull();
    expect(afterExpiry.body.id).not.toBe(first.body.id);
    expect(await ordersOf(customerId)).toBe(3);
  });

  it("keeps a placement's answer with its key in the transaction that writes the order; with Prefer: wait, once inventory decided", async () => {
    type KeyRow = { status_code: number; body: unknown; same_transaction: boolean };
    const keyRow = async (key: string) =>
      (
        await sql<KeyRow>(
          e2e.stack.databases.order,
          // now() is the time its transaction began: both set in one transaction, they are equal.
          `SELECT status_code, response_body::jsonb AS body, completed_at = committed_at AS same_transaction FROM idempotency_keys WHERE key = $1`,
          [key],
        )
      )[0];
    const key = randomUUID();
    const body = placeBody({ customerId: `kept-${randomUUID()}` });
    const placed = await http('POST', `${order()}/orders`, body, { 'idempotency-key': key });
    expect(placed.status).toBe(201);
    expect(await keyRow(key)).toEqual({ status_code: 201, body: placed.body, same_transaction: true });
    const replayed = await http('POST', `${order()}/orders`, body, { 'idempotency-key': key });
    expect({ status: replayed.status, replayed: replayed.headers.get('idempotent-replayed'), body: replayed.body }).toEqual({
      status: 201,
      replayed: 'true',
      body: placed.body,
    });

    const waitKey = randomUUID();
    const waited = await http('POST', `${order()}/orders`, placeBody({ customerId: `kept-${randomUUID()}` }), { 'idempotency-key': waitKey, prefer: 'wait=5' });
    expect(waited.status).toBe(201);
    expect(waited.body.status).not.toBe('PLACED');
    expect(await keyRow(waitKey)).toEqual({ status_code: 201, body: waited.body, same_transaction: false });
  });

  it('executes concurrent requests with one key once', async () => {
    const customerId = `race-${randomUUID()}`;
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => http('POST', `${order()}/orders`, placeBody({ customerId }), { 'idempotency-key': key })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await ordersOf(customerId)).toBe(1);
  });

  it('executes concurrent requests with one key once across two instances of the service', async () => {
    const twin = e2e.stack.services.order.twin(await freePort()).start();
    try {
      await twin.ready();
      const customerId = `race-2-${randomUUID()}`;
      const key = randomUUID();
      const urls = [order(), twin.url];
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => http('POST', `${urls[i % 2]}/orders`, placeBody({ customerId }), { 'idempotency-key': key })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
      expect(await ordersOf(customerId)).toBe(1);
    } finally {
      await twin.stop();
    }
  });

  it('refuses a JSON body over 100 kB with 413 problem+json', async () => {
    const customerId = `big-${randomUUID()}`;
    const res = await http('POST', `${order()}/orders`, placeBody({ customerId, padding: 'x'.repeat(110 * 1024) }));
    expectProblem(res, 413, 'REQUEST.TOO_LARGE');
    expect(await ordersOf(customerId)).toBe(0);
  });
});

describe('per-caller rate limit', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(['customer'], { RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 429 with Retry-After once a caller exceeds RATE_LIMIT_PER_MINUTE, and only that caller', async () => {
    const url = `${stack.services.customer.url}/customers/c-1/timeline`;
    const busy = httpAs(await mintToken({ sub: 'busy-caller', scope: 'customers:read' }));
    for (let i = 0; i < 3; i++) expect((await busy('GET', url)).status).toBe(200);
    const limited = await busy('GET', url);
    expectProblem(limited, 429, 'RATE.LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await httpAs(await mintToken({ sub: 'quiet-caller', scope: 'customers:read' }))('GET', url)).status).toBe(200);
    expect((await http('GET', `${stack.services.customer.url}/health/ready`, undefined, {}, { token: null })).status).toBe(200);
  });
});
