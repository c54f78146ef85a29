import { INVENTORY_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, mintToken, sql, Stack, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { ReturnsDriver, startReturnsStack, stopReturnsStack, uniq } from './returns.harness';

const DAY = 24 * 3600 * 1000;

/**
 * Journey 3 from the returns service's side, on real Kafka and PostgreSQL: returns decided by the
 * policy version in force, restocked by disposition, refunded once under retries and races, taken
 * back at a store with a code the customer got online. Where the money goes is in
 * returns-refunds-tenders.int-spec.ts.
 */
describe('returns: policy, restocking, retries and races', () => {
  let stack: Stack;
  let d: ReturnsDriver;
  const returnsUrl = () => stack.services.returns.url;

  beforeAll(async () => ({ stack, d } = await startReturnsStack({ PHONE_DEFAULT_COUNTRY: 'FR' })));
  afterAll(() => stopReturnsStack(stack, d));

  it('refuses by policy and names the rule and the version; nothing changes', async () => {
    const o = await d.place({
      lines: [
        { sku: 'FINAL-TEE', quantity: 1, unitPrice: 1500 },
        { sku: 'COAT', quantity: 1, unitPrice: 15000 },
      ],
    });
    await d.deliver(o, new Date(Date.now() - 50 * DAY));
    const store = uniq('S');
    const res = await d.returnAt(store, {
      orderId: o.orderId,
      lines: o.lines.map((l) => ({ lineId: l.lineId, quantity: 1, condition: 'new' })),
      refundMethod: 'original-tender',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('RETURN.REFUSED_BY_POLICY');
    expect(res.body.detail).toMatch(/^policy version 1, rule /);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'lines.0', rule: 'POLICY.FINAL_SALE final-sale' }),
      expect.objectContaining({ field: 'lines.0', rule: 'POLICY.WINDOW_EXPIRED window-web' }),
      expect.objectContaining({ field: 'lines.1', rule: 'POLICY.WINDOW_EXPIRED window-web' }),
    ]);
    expect((await d.order(o.orderId)).body.lines.map((l: { returned: number }) => l.returned)).toEqual([0, 0]);
    expect(await sql(stack.databases.returns, `SELECT id FROM returns WHERE order_id = $1`, [o.orderId])).toEqual([]);

    // Receipt-less: store credit only.
    const recent = await d.place({ lines: [{ sku: 'COAT', quantity: 1, unitPrice: 5000 }] });
    await d.collect(recent);
    const noReceipt = await d.returnAt(store, {
      orderId: recent.orderId,
      proofOfPurchase: 'none',
      lines: [{ lineId: recent.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'original-tender',
    });
    expect([noReceipt.status, noReceipt.body.errors]).toEqual([
      422,
      [expect.objectContaining({ field: 'refundMethod', rule: 'POLICY.RECEIPTLESS_REFUND_METHOD receiptless' })],
    ]);
    const asCredit = await d.returnAt(store, {
      orderId: recent.orderId,
      proofOfPurchase: 'none',
      lines: [{ lineId: recent.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'store-credit',
    });
    expect(asCredit.status).toBe(201);
    expect(asCredit.body).toMatchObject({ refundMethod: 'store-credit', refundAmount: 5000 });
  });

  it('restocks a damaged unit as non-sellable at the receiving store, and a faulty one for return to vendor', async () => {
    const store = await d.location(uniq('S'));
    const sku = uniq('BAG');
    await d.receiveStock(store, sku, 2);
    const o = await d.place({ lines: [{ sku, quantity: 3, unitPrice: 2000 }] });
    await d.collect(o, uniq('OTHER'));
    const res = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'damaged' }],
      refundMethod: 'original-tender',
    });
    expect(res.body.lines).toEqual([expect.objectContaining({ condition: 'damaged', disposition: 'damaged' })]);
    const res2 = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 2, condition: 'faulty' }],
      refundMethod: 'original-tender',
    });
    expect(res2.status).toBe(201);
    await eventually(async () =>
      expect(await d.returnedStock(store, sku)).toEqual([
        { sku, bucket: 'damaged', quantity: 1 },
        { sku, bucket: 'return-to-vendor', quantity: 2 },
      ]),
    );
    expect(await d.stock(store, sku)).toMatchObject({ onHand: 2, available: 2 });
    await eventually(() => {
      const restocked = d.probe.on(INVENTORY_EVENTS_TOPIC, { key: o.orderId, type: 'inventory.return-restocked.v1' }).map((m) => JSON.parse(m.value!));
      expect(restocked.map((r) => r.lines)).toEqual([[{ sku, quantity: 1, disposition: 'damaged' }], [{ sku, quantity: 2, disposition: 'return-to-vendor' }]]);
    });
  });

  it('takes the last returnable unit back at one of two stores asking at once', async () => {
    const o = await d.place({ lines: [{ sku: 'LAMP', quantity: 1, unitPrice: 3000 }] });
    await d.collect(o);
    const [a, b] = [uniq('SA'), uniq('SB')];
    const body = { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' };
    const results = await Promise.all([d.returnAt(a, body, { token: await tokens.pos(a) }), d.returnAt(b, body, { token: await tokens.pos(b) })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const loser = results.find((r) => r.status === 422)!;
    expect(loser.body.errors).toEqual([expect.objectContaining({ rule: 'POLICY.QUANTITY_EXCEEDED quantity-returnable' })]);
    await eventually(() => expect(d.events(o.orderId, 'return.completed')).toHaveLength(1));
    expect(await sql(stack.databases.returns, `SELECT count(*)::int AS n FROM returns WHERE order_id = $1`, [o.orderId])).toEqual([{ n: 1 }]);
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ received: 1, returned: 1, returnable: 0 });
  });

  it('refunds once when the POS retries a return, with or without an Idempotency-Key', async () => {
    const o = await d.place({ lines: [{ sku: 'MUG', quantity: 2, unitPrice: 1200 }] });
    await d.collect(o);
    const store = uniq('S');
    const body = {
      requestId: uniq('pos-tx'),
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'original-tender',
    };
    const key = randomUUID();
    const first = await d.returnAt(store, body, { idempotencyKey: key });
    const replayed = await d.returnAt(store, body, { idempotencyKey: key });
    const retried = await d.returnAt(store, body, { idempotencyKey: randomUUID() });
    const noKey = await d.returnAt(store, body);
    expect([first.status, replayed.status, retried.status, noKey.status]).toEqual([201, 201, 200, 200]);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    for (const r of [replayed, retried, noKey]) expect(r.body.id).toBe(first.body.id);
    await eventually(() => expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(1));
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 1, returnable: 1 });
    expect(await sql(stack.databases.returns, `SELECT count(*)::int AS n FROM refunds WHERE order_id = $1`, [o.orderId])).toEqual([{ n: 1 }]);
  });

  it('takes back at a store a return the customer started online with a code', async () => {
    const o = await d.place({ lines: [{ sku: 'DRESS', quantity: 2, unitPrice: 7000 }] });
    await d.deliver(o);
    const customer = await mintToken({ sub: `customer:${o.customerId}`, customer_id: o.customerId!, channel: 'web', scope: 'orders:read returns:request' });
    const stranger = await mintToken({ sub: 'customer:x', customer_id: uniq('x'), channel: 'web', scope: 'orders:read returns:request' });
    const authorise = (token: string) =>
      http('POST', `${returnsUrl()}/return-authorisations`, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1 }] }, {}, { token });
    expect((await authorise(stranger)).status).toBe(403);
    expect((await d.order(o.orderId, stranger)).status).toBe(403);
    expect((await d.order(o.orderId, customer)).status).toBe(200);
    const strangerLookup = await http('GET', `${returnsUrl()}/returnable-orders?customerId=${o.customerId}`, undefined, {}, { token: stranger });
    expect([strangerLookup.status, strangerLookup.body.orders]).toEqual([200, []]);
    const ra = await authorise(customer);
    expect(ra.status).toBe(201);
    expect(ra.body).toMatchObject({ status: 'OPEN', orderId: o.orderId, code: expect.stringMatching(/^[0-9A-Z]{8}$/) });
    await eventually(() => expect(d.events(o.orderId, 'return.authorised')).toHaveLength(1));

    const store = uniq('S');
    const pos = await tokens.pos(store);
    const scanned = await http('GET', `${returnsUrl()}/return-authorisations/${ra.body.code}`, undefined, {}, { token: pos });
    expect(scanned.body).toMatchObject({ id: ra.body.id, status: 'OPEN' });
    const tooMany = await d.returnAt(
      store,
      { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 2, condition: 'new' }], refundMethod: 'original-tender' },
      { token: pos },
    );
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'AUTHORISATION.LINES_MISMATCH']);
    const dropped = await d.returnAt(
      store,
      { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      { token: pos },
    );
    expect(dropped.status).toBe(201);
    expect(dropped.body).toMatchObject({ status: 'COMPLETED', authorisationId: ra.body.id, storeId: store, orderId: o.orderId });
    const reused = await d.returnAt(
      store,
      { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      { token: pos },
    );
    expect([reused.status, reused.body.code]).toEqual([409, 'AUTHORISATION.USED']);
    expect((await http('GET', `${returnsUrl()}/return-authorisations/${ra.body.code}`, undefined, {}, { token: pos })).body).toMatchObject({
      status: 'USED',
      returnId: dropped.body.id,
    });
    // The customer sees the return; another customer does not.
    expect((await http('GET', `${returnsUrl()}/returns/${dropped.body.id}`, undefined, {}, { token: customer })).status).toBe(200);
    expect((await http('GET', `${returnsUrl()}/returns/${dropped.body.id}`, undefined, {}, { token: stranger })).status).toBe(403);
  });

  it('publishes a new policy version through the admin API; returns are decided by the version in force', async () => {
    const current = (await http('GET', `${returnsUrl()}/return-policies/current`)).body;
    const doc = { ...current.document, windows: [...current.document.windows, { id: 'window-pos-60', channel: 'pos', category: '*', days: 60 }] };
    const future = new Date(Date.now() + 365 * DAY).toISOString();
    const pos = await tokens.pos(uniq('S'));
    expect((await http('POST', `${returnsUrl()}/return-policies`, { effectiveFrom: future, document: doc }, {}, { token: pos })).status).toBe(403);
    const bad = await http('POST', `${returnsUrl()}/return-policies`, {
      effectiveFrom: future,
      document: { ...doc, windows: [{ id: 'w', channel: 'web', category: 'nope', days: 1 }] },
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'POLICY.INVALID']);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['document.windows.0.category', 'document.windows']);
    const past = await http('POST', `${returnsUrl()}/return-policies`, { effectiveFrom: '2020-01-01T00:00:00Z', document: doc });
    expect([past.status, past.body.code]).toEqual([422, 'POLICY.EFFECTIVE_IN_PAST']);
    const published = await http('POST', `${returnsUrl()}/return-policies`, { effectiveFrom: future, document: doc });
    expect(published.status).toBe(201);
    expect(published.body.version).toBeGreaterThan(current.version);
    expect((await http('GET', `${returnsUrl()}/return-policies/current`)).body.version).toBe(current.version);
    expect((await http('GET', `${returnsUrl()}/return-policies`)).body.policies.map((p: { version: number }) => p.version)).toContain(published.body.version);
    await eventually(() =>
      // Other tests' stacks publish policies on the same topic: this one is told apart by its effectiveFrom.
      expect(
        d.probe
          .on(RETURNS_EVENTS_TOPIC, { key: 'return-policy', type: 'return-policy.published.v1' })
          .map((m) => JSON.parse(m.value!))
          .filter((e) => e.effectiveFrom === published.body.effectiveFrom),
      ).toEqual([
        { version: published.body.version, effectiveFrom: published.body.effectiveFrom, publishedBy: 'test-back-office', publishedAt: expect.any(String) },
      ]),
    );
  });
});
