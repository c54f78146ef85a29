import {
  INVENTORY_EVENTS_TOPIC,
  PAYMENT_EVENTS_TOPIC,
  PaymentRefundedV1,
  PaymentRefundFailedV1,
  RETURNS_EVENTS_TOPIC,
} from '@omni/contracts';
import { eventually, http, mintToken, sql, Stack, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { ReturnsDriver, startReturnsStack, stopReturnsStack, uniq } from './returns.harness';

const DAY = 24 * 3600 * 1000;

/**
 * Journey 3 from the returns service's side, on real Kafka and PostgreSQL: returns refunded to the
 * original tenders or as store credit, decided by the policy version in force, restocked by
 * disposition, once under retries and races.
 */
describe('returns: refunds and restocking', () => {
  let stack: Stack;
  let d: ReturnsDriver;
  const returnsUrl = () => stack.services.returns.url;

  beforeAll(async () => ({ stack, d } = await startReturnsStack({ PHONE_DEFAULT_COUNTRY: 'FR' })));
  afterAll(() => stopReturnsStack(stack, d));

  it('refunds a delivered online order to its original tenders, an amount per tender', async () => {
    const o = await d.place({
      lines: [{ sku: 'BOOTS-41', quantity: 2, unitPrice: 6000 }],
      delivery: true,
      capturedTenders: [
        { tender: 'gift-card', amount: 2000, reference: 'GC-1' },
        { tender: 'card', amount: 10000, reference: 'PSP-1' },
      ],
    });
    await d.deliver(o);
    const store = uniq('S');
    const res = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' }, { token: await tokens.pos(store) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'return', status: 'COMPLETED', storeId: store, associateId: 'associate-1', orderChannel: 'web', refundAmount: 6000, policyVersion: 1, lines: [{ rule: 'window-web', disposition: 'sellable' }] });
    const [refund] = await eventually(() => {
      const r = d.events(o.orderId, 'return.refund-requested');
      expect(r).toHaveLength(1);
      return r;
    });
    expect(refund).toMatchObject({ returnId: res.body.id, currency: 'EUR', reason: 'RETURN', tenders: [{ tender: 'gift-card', amount: 2000, reference: 'GC-1' }, { tender: 'card', amount: 4000, reference: 'PSP-1' }] });
    expect(res.body.refunds.map((r: { refundId: string; settledAt: string | null }) => [r.refundId, r.settledAt])).toEqual([
      [refund.refundId, null],
      [refund.refundId, null],
    ]);
    // The payment system answers; the return's refund is settled.
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [testEvent(PaymentRefundedV1, { orderId: o.orderId, refundId: refund.refundId, amount: 6000, currency: 'EUR', refundedAt: new Date().toISOString() })]);
    await eventually(async () => {
      const settled = (await d.getReturn(res.body.id)).refunds;
      expect(settled.map((r: { settledAt: string | null }) => r.settledAt !== null)).toEqual([true, true]);
    });

    // The second unit: the gift card is spent, the card takes it all.
    const second = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' });
    expect(second.status).toBe(201);
    await eventually(() => expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(2));
    expect(d.events(o.orderId, 'return.refund-requested')[1].tenders).toEqual([{ tender: 'card', amount: 6000, reference: 'PSP-1' }]);
    // Nothing more to take back.
    const third = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' });
    expect(third.status).toBe(422);
    expect(third.body.errors).toEqual([expect.objectContaining({ field: 'lines.0', rule: 'POLICY.QUANTITY_EXCEEDED quantity-returnable' })]);
  });

  it('parks a refund the payment system refuses, lists it for the payments desk, and sends it again under the same refundId', async () => {
    const o = await d.place({ lines: [{ sku: uniq('SCARF'), quantity: 1, unitPrice: 5000 }], delivery: true, capturedTenders: [{ tender: 'card', amount: 5000, reference: 'PSP-CLOSED' }] });
    await d.deliver(o);
    const store = uniq('S');
    const ret = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' }, { token: await tokens.pos(store) });
    expect(ret.status).toBe(201);
    const [asked] = await eventually(() => {
      const r = d.events(o.orderId, 'return.refund-requested');
      expect(r).toHaveLength(1);
      return r;
    });

    // The card was closed: the payment system refuses, and says so twice (a redelivery).
    const refused = testEvent(PaymentRefundFailedV1, { orderId: o.orderId, refundId: asked.refundId, amount: 5000, currency: 'EUR', reason: 'REFUND.TENDER_CLOSED', failedAt: new Date().toISOString() });
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [refused, refused]);
    await eventually(async () => expect((await d.getReturn(ret.body.id)).refunds).toEqual([expect.objectContaining({ refundId: asked.refundId, settledAt: null, failedAt: expect.any(String), failureReason: 'REFUND.TENDER_CLOSED' })]));

    // The payments desk sees it, and only the payments desk.
    const desk = await mintToken({ sub: 'payments-desk', scope: 'payments:manage' });
    const listed = await http('GET', `${returnsUrl()}/refund-requests?status=FAILED`, undefined, {}, { token: desk });
    expect(listed.status).toBe(200);
    expect(listed.body.requests.filter((r: { refundId: string }) => r.refundId === asked.refundId)).toEqual([
      { refundId: asked.refundId, returnId: ret.body.id, kind: 'return', orderId: o.orderId, currency: 'EUR', amount: 5000, tenders: [{ tender: 'card', reference: 'PSP-CLOSED', amount: 5000 }], reason: 'REFUND.TENDER_CLOSED', failedAt: expect.any(String), attempts: 1 },
    ]);
    expect((await http('GET', `${returnsUrl()}/refund-requests?status=FAILED`, undefined, {}, { token: await tokens.pos(store) })).status).toBe(403);
    const badStatus = await http('GET', `${returnsUrl()}/refund-requests?status=OPEN`, undefined, {}, { token: desk });
    expect([badStatus.status, badStatus.body.errors]).toEqual([400, [expect.objectContaining({ field: 'status', rule: 'isIn' })]]);
    const metrics = await http('GET', `${returnsUrl()}/metrics`);
    expect(String(metrics.body)).toMatch(/^return_refunds_failed(\{[^}]*\})? [1-9]\d*$/m);

    // Sent again: the same request under the same refundId, once however often it is asked.
    const retry = (refundId: string) => http('POST', `${returnsUrl()}/refund-requests/${refundId}/retry`, undefined, {}, { token: desk });
    expect((await retry(asked.refundId)).status).toBe(202);
    await eventually(() => expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(2));
    const again = d.events(o.orderId, 'return.refund-requested')[1];
    expect(again).toEqual({ ...asked, requestedAt: expect.any(String) });
    const twice = await retry(asked.refundId);
    expect([twice.status, twice.body.code]).toEqual([409, 'REFUND_REQUEST.NOT_FAILED']);
    const unknown = await retry(randomUUID());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'REFUND_REQUEST.NOT_FOUND']);
    const after = await http('GET', `${returnsUrl()}/refund-requests?status=FAILED`, undefined, {}, { token: desk });
    expect(after.body.requests.map((r: { refundId: string }) => r.refundId)).not.toContain(asked.refundId);

    // This time the payment system refunds it.
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [testEvent(PaymentRefundedV1, { orderId: o.orderId, refundId: asked.refundId, amount: 5000, currency: 'EUR', refundedAt: new Date().toISOString() })]);
    await eventually(async () => expect((await d.getReturn(ret.body.id)).refunds).toEqual([expect.objectContaining({ settledAt: expect.any(String), failedAt: null, failureReason: null })]));
    expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(2);
  });

  it('refunds as store credit, which the customer then spends in another channel', async () => {
    const o = await d.place({ lines: [{ sku: 'SCARF', quantity: 1, unitPrice: 4500 }] });
    await d.collect(o);
    const store = uniq('S');
    const res = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'opened' }], refundMethod: 'store-credit' });
    expect(res.status).toBe(201);
    expect(res.body.refunds).toEqual([expect.objectContaining({ tender: 'store-credit', amount: 4500, reference: o.customerId })]);
    const [issued] = await eventually(() => {
      const e = d.probe.on(RETURNS_EVENTS_TOPIC, { key: o.customerId!, type: 'store-credit.issued.v1' });
      expect(e).toHaveLength(1);
      return e.map((m) => JSON.parse(m.value!));
    });
    expect(issued).toMatchObject({ accountId: o.customerId, amount: 4500, balance: 4500, returnId: res.body.id });
    expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(0);

    // The customer spends 3000 of it on the app: the redemption is what the new order carries as its tender.
    const app = await mintToken({ sub: `customer:${o.customerId}`, customer_id: o.customerId!, channel: 'app', scope: 'orders:place orders:read' });
    const other = await http('POST', `${returnsUrl()}/store-credit/${uniq('someone')}/redemptions`, { amount: 1, currency: 'EUR', reference: 'cart-x' }, {}, { token: app });
    expect(other.status).toBe(403);
    const spend = await http('POST', `${returnsUrl()}/store-credit/${o.customerId}/redemptions`, { amount: 3000, currency: 'EUR', reference: 'cart-1' }, {}, { token: app });
    expect(spend.status).toBe(201);
    expect(spend.body).toMatchObject({ amount: 3000, balance: 1500 });
    const again = await http('POST', `${returnsUrl()}/store-credit/${o.customerId}/redemptions`, { amount: 3000, currency: 'EUR', reference: 'cart-1' }, {}, { token: app });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(spend.body);
    const tooMuch = await http('POST', `${returnsUrl()}/store-credit/${o.customerId}/redemptions`, { amount: 1501, currency: 'EUR', reference: 'cart-2' }, {}, { token: app });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'STORE_CREDIT.INSUFFICIENT']);

    const paid = await d.place({ channel: 'app', customerId: o.customerId, lines: [{ sku: 'GLOVES', quantity: 1, unitPrice: 3000 }], capturedTenders: [{ tender: 'store-credit', amount: 3000, reference: spend.body.redemptionId }] });
    await eventually(async () => {
      const rows = await sql<{ order_id: string }>(stack.databases.returns, `SELECT order_id FROM store_credit_entries WHERE id = $1`, [spend.body.redemptionId]);
      expect(rows).toEqual([{ order_id: paid.orderId }]);
    });
    expect((await http('GET', `${returnsUrl()}/store-credit/${o.customerId}`, undefined, {}, { token: app })).body).toEqual({ accountId: o.customerId, balances: [{ currency: 'EUR', balance: 1500 }] });
    expect(d.probe.on(RETURNS_EVENTS_TOPIC, { key: o.customerId!, type: 'store-credit.redeemed.v1' })).toHaveLength(1);

    // Returning what was paid with store credit credits it back, even "to the original tender".
    await d.collect(paid);
    const back = await d.returnAt(store, { orderId: paid.orderId, lines: [{ lineId: paid.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' });
    expect(back.body.refunds).toEqual([expect.objectContaining({ tender: 'store-credit', amount: 3000, reference: spend.body.redemptionId })]);
    await eventually(async () => expect((await http('GET', `${returnsUrl()}/store-credit/${o.customerId}`)).body.balances).toEqual([{ currency: 'EUR', balance: 4500 }]));
  });

  it('refuses by policy and names the rule and the version; nothing changes', async () => {
    const o = await d.place({ lines: [{ sku: 'FINAL-TEE', quantity: 1, unitPrice: 1500 }, { sku: 'COAT', quantity: 1, unitPrice: 15000 }] });
    await d.deliver(o, new Date(Date.now() - 50 * DAY));
    const store = uniq('S');
    const res = await d.returnAt(store, { orderId: o.orderId, lines: o.lines.map((l) => ({ lineId: l.lineId, quantity: 1, condition: 'new' })), refundMethod: 'original-tender' });
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
    const noReceipt = await d.returnAt(store, { orderId: recent.orderId, proofOfPurchase: 'none', lines: [{ lineId: recent.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' });
    expect([noReceipt.status, noReceipt.body.errors]).toEqual([422, [expect.objectContaining({ field: 'refundMethod', rule: 'POLICY.RECEIPTLESS_REFUND_METHOD receiptless' })]]);
    const asCredit = await d.returnAt(store, { orderId: recent.orderId, proofOfPurchase: 'none', lines: [{ lineId: recent.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'store-credit' });
    expect(asCredit.status).toBe(201);
    expect(asCredit.body).toMatchObject({ refundMethod: 'store-credit', refundAmount: 5000 });
  });

  it('restocks a damaged unit as non-sellable at the receiving store, and a faulty one for return to vendor', async () => {
    const store = await d.location(uniq('S'));
    const sku = uniq('BAG');
    await d.receiveStock(store, sku, 2);
    const o = await d.place({ lines: [{ sku, quantity: 3, unitPrice: 2000 }] });
    await d.collect(o, uniq('OTHER'));
    const res = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'damaged' }], refundMethod: 'original-tender' });
    expect(res.body.lines).toEqual([expect.objectContaining({ condition: 'damaged', disposition: 'damaged' })]);
    const res2 = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 2, condition: 'faulty' }], refundMethod: 'original-tender' });
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
    const body = { requestId: uniq('pos-tx'), orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' };
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
    const authorise = (token: string) => http('POST', `${returnsUrl()}/return-authorisations`, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1 }] }, {}, { token });
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
    const tooMany = await d.returnAt(store, { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 2, condition: 'new' }], refundMethod: 'original-tender' }, { token: pos });
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'AUTHORISATION.LINES_MISMATCH']);
    const dropped = await d.returnAt(store, { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' }, { token: pos });
    expect(dropped.status).toBe(201);
    expect(dropped.body).toMatchObject({ status: 'COMPLETED', authorisationId: ra.body.id, storeId: store, orderId: o.orderId });
    const reused = await d.returnAt(store, { authorisationCode: ra.body.code, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' }, { token: pos });
    expect([reused.status, reused.body.code]).toEqual([409, 'AUTHORISATION.USED']);
    expect((await http('GET', `${returnsUrl()}/return-authorisations/${ra.body.code}`, undefined, {}, { token: pos })).body).toMatchObject({ status: 'USED', returnId: dropped.body.id });
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
    const bad = await http('POST', `${returnsUrl()}/return-policies`, { effectiveFrom: future, document: { ...doc, windows: [{ id: 'w', channel: 'web', category: 'nope', days: 1 }] } });
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
      expect(d.probe.on(RETURNS_EVENTS_TOPIC, { key: 'return-policy', type: 'return-policy.published.v1' }).map((m) => JSON.parse(m.value!)).filter((e) => e.effectiveFrom === published.body.effectiveFrom)).toEqual([
        { version: published.body.version, effectiveFrom: published.body.effectiveFrom, publishedBy: 'test-back-office', publishedAt: expect.any(String) },
      ]),
    );
  });
});
