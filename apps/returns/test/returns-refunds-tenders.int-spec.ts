import { PAYMENT_EVENTS_TOPIC, PaymentRefundedV1, PaymentRefundFailedV1, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, mintToken, sql, Stack, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { ReturnsDriver, startReturnsStack, stopReturnsStack, uniq } from './returns.harness';

/**
 * Journey 3 from the returns service's side, on real Kafka and PostgreSQL: where a return's money
 * goes — to the original tenders, an amount per tender, or as store credit the customer spends in
 * another channel — and a refund the payment system refuses, parked for the payments desk and sent
 * again. Policy, restocking, retries and races are in returns-refunds-policy.int-spec.ts.
 */
describe('returns: refunds to the original tenders and as store credit', () => {
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
    const res = await d.returnAt(
      store,
      { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      { token: await tokens.pos(store) },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'return',
      status: 'COMPLETED',
      storeId: store,
      associateId: 'associate-1',
      orderChannel: 'web',
      refundAmount: 6000,
      policyVersion: 1,
      lines: [{ rule: 'window-web', disposition: 'sellable' }],
    });
    const [refund] = await eventually(() => {
      const r = d.events(o.orderId, 'return.refund-requested');
      expect(r).toHaveLength(1);
      return r;
    });
    expect(refund).toMatchObject({
      returnId: res.body.id,
      currency: 'EUR',
      reason: 'RETURN',
      tenders: [
        { tender: 'gift-card', amount: 2000, reference: 'GC-1' },
        { tender: 'card', amount: 4000, reference: 'PSP-1' },
      ],
    });
    expect(res.body.refunds.map((r: { refundId: string; settledAt: string | null }) => [r.refundId, r.settledAt])).toEqual([
      [refund.refundId, null],
      [refund.refundId, null],
    ]);
    // The payment system answers; the return's refund is settled.
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [
      testEvent(PaymentRefundedV1, { orderId: o.orderId, refundId: refund.refundId, amount: 6000, currency: 'EUR', refundedAt: new Date().toISOString() }),
    ]);
    await eventually(async () => {
      const settled = (await d.getReturn(res.body.id)).refunds;
      expect(settled.map((r: { settledAt: string | null }) => r.settledAt !== null)).toEqual([true, true]);
    });

    // The second unit: the gift card is spent, the card takes it all.
    const second = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'original-tender',
    });
    expect(second.status).toBe(201);
    await eventually(() => expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(2));
    expect(d.events(o.orderId, 'return.refund-requested')[1].tenders).toEqual([{ tender: 'card', amount: 6000, reference: 'PSP-1' }]);
    // Nothing more to take back.
    const third = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'original-tender',
    });
    expect(third.status).toBe(422);
    expect(third.body.errors).toEqual([expect.objectContaining({ field: 'lines.0', rule: 'POLICY.QUANTITY_EXCEEDED quantity-returnable' })]);
  });

  it('parks a refund the payment system refuses, lists it for the payments desk, and sends it again under the same refundId', async () => {
    const o = await d.place({
      lines: [{ sku: uniq('SCARF'), quantity: 1, unitPrice: 5000 }],
      delivery: true,
      capturedTenders: [{ tender: 'card', amount: 5000, reference: 'PSP-CLOSED' }],
    });
    await d.deliver(o);
    const store = uniq('S');
    const ret = await d.returnAt(
      store,
      { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      { token: await tokens.pos(store) },
    );
    expect(ret.status).toBe(201);
    const [asked] = await eventually(() => {
      const r = d.events(o.orderId, 'return.refund-requested');
      expect(r).toHaveLength(1);
      return r;
    });

    // The card was closed: the payment system refuses, and says so twice (a redelivery).
    const refused = testEvent(PaymentRefundFailedV1, {
      orderId: o.orderId,
      refundId: asked.refundId,
      amount: 5000,
      currency: 'EUR',
      reason: 'REFUND.TENDER_CLOSED',
      failedAt: new Date().toISOString(),
    });
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [refused, refused]);
    await eventually(async () =>
      expect((await d.getReturn(ret.body.id)).refunds).toEqual([
        expect.objectContaining({ refundId: asked.refundId, settledAt: null, failedAt: expect.any(String), failureReason: 'REFUND.TENDER_CLOSED' }),
      ]),
    );

    // The payments desk sees it, and only the payments desk.
    const desk = await mintToken({ sub: 'payments-desk', scope: 'payments:manage' });
    const listed = await http('GET', `${returnsUrl()}/refund-requests?status=FAILED`, undefined, {}, { token: desk });
    expect(listed.status).toBe(200);
    expect(listed.body.requests.filter((r: { refundId: string }) => r.refundId === asked.refundId)).toEqual([
      {
        refundId: asked.refundId,
        returnId: ret.body.id,
        kind: 'return',
        orderId: o.orderId,
        currency: 'EUR',
        amount: 5000,
        tenders: [{ tender: 'card', reference: 'PSP-CLOSED', amount: 5000 }],
        reason: 'REFUND.TENDER_CLOSED',
        failedAt: expect.any(String),
        attempts: 1,
      },
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
    await d.probe.produce(PAYMENT_EVENTS_TOPIC, [
      testEvent(PaymentRefundedV1, { orderId: o.orderId, refundId: asked.refundId, amount: 5000, currency: 'EUR', refundedAt: new Date().toISOString() }),
    ]);
    await eventually(async () =>
      expect((await d.getReturn(ret.body.id)).refunds).toEqual([
        expect.objectContaining({ settledAt: expect.any(String), failedAt: null, failureReason: null }),
      ]),
    );
    expect(d.events(o.orderId, 'return.refund-requested')).toHaveLength(2);
  });

  it('refunds as store credit, which the customer then spends in another channel', async () => {
    const o = await d.place({ lines: [{ sku: 'SCARF', quantity: 1, unitPrice: 4500 }] });
    await d.collect(o);
    const store = uniq('S');
    const res = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'opened' }],
      refundMethod: 'store-credit',
    });
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
    const other = await http(
      'POST',
      `${returnsUrl()}/store-credit/${uniq('someone')}/redemptions`,
      { amount: 1, currency: 'EUR', reference: 'cart-x' },
      {},
      { token: app },
    );
    expect(other.status).toBe(403);
    const spend = await http(
      'POST',
      `${returnsUrl()}/store-credit/${o.customerId}/redemptions`,
      { amount: 3000, currency: 'EUR', reference: 'cart-1' },
      {},
      { token: app },
    );
    expect(spend.status).toBe(201);
    expect(spend.body).toMatchObject({ amount: 3000, balance: 1500 });
    const again = await http(
      'POST',
      `${returnsUrl()}/store-credit/${o.customerId}/redemptions`,
      { amount: 3000, currency: 'EUR', reference: 'cart-1' },
      {},
      { token: app },
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual(spend.body);
    const tooMuch = await http(
      'POST',
      `${returnsUrl()}/store-credit/${o.customerId}/redemptions`,
      { amount: 1501, currency: 'EUR', reference: 'cart-2' },
      {},
      { token: app },
    );
    expect([tooMuch.status, tooMuch.body.code]).toEqual([409, 'STORE_CREDIT.INSUFFICIENT']);

    const paid = await d.place({
      channel: 'app',
      customerId: o.customerId,
      lines: [{ sku: 'GLOVES', quantity: 1, unitPrice: 3000 }],
      capturedTenders: [{ tender: 'store-credit', amount: 3000, reference: spend.body.redemptionId }],
    });
    await eventually(async () => {
      const rows = await sql<{ order_id: string }>(stack.databases.returns, `SELECT order_id FROM store_credit_entries WHERE id = $1`, [
        spend.body.redemptionId,
      ]);
      expect(rows).toEqual([{ order_id: paid.orderId }]);
    });
    expect((await http('GET', `${returnsUrl()}/store-credit/${o.customerId}`, undefined, {}, { token: app })).body).toEqual({
      accountId: o.customerId,
      balances: [{ currency: 'EUR', balance: 1500 }],
    });
    expect(d.probe.on(RETURNS_EVENTS_TOPIC, { key: o.customerId!, type: 'store-credit.redeemed.v1' })).toHaveLength(1);

    // Returning what was paid with store credit credits it back, even "to the original tender".
    await d.collect(paid);
    const back = await d.returnAt(store, {
      orderId: paid.orderId,
      lines: [{ lineId: paid.lines[0].lineId, quantity: 1, condition: 'new' }],
      refundMethod: 'original-tender',
    });
    expect(back.body.refunds).toEqual([expect.objectContaining({ tender: 'store-credit', amount: 3000, reference: spend.body.redemptionId })]);
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/store-credit/${o.customerId}`)).body.balances).toEqual([{ currency: 'EUR', balance: 4500 }]),
    );
  });
});
