import {
  CUSTOMER_EVENTS_TOPIC,
  CustomerErasedV1,
  findEventDefinition,
  INVENTORY_EVENTS_TOPIC,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderLineCancelledV1,
  OrderPlacedV1,
  OrderReplacementRefusedV1,
  PAYMENT_EVENTS_TOPIC,
  PaymentRefundedV1,
  RETURNS_EVENTS_TOPIC,
  schemaErrors,
} from '@omni/contracts';
import { aMobilePhone, eventually, http, KafkaProbe, mintToken, sql, Stack, startStack, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { ReturnsDriver, uniq } from './returns.harness';

const DAY = 24 * 3600 * 1000;

/**
 * Journey 3 from the returns service's side, on real Kafka and PostgreSQL: orders arrive as the
 * order service's events; stores, customers and the back office call the HTTP APIs; inventory
 * hands replacements over and restocks.
 */
describe('returns and exchanges at any store', () => {
  let stack: Stack;
  let d: ReturnsDriver;
  const returnsUrl = () => stack.services.returns.url;

  beforeAll(async () => {
    const probe = await new KafkaProbe().watch([RETURNS_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC]);
    stack = await startStack(['inventory', 'returns'], { PHONE_DEFAULT_COUNTRY: 'FR' });
    d = new ReturnsDriver(returnsUrl, () => stack.services.inventory.url, probe);
  });
  afterAll(async () => {
    await stack?.stop();
    await d?.probe.close();
  });

  it('finds an order at any POS by order id, receipt, e-mail, phone or loyalty id', async () => {
    const email = `${uniq('ada')}@Example.com`;
    const loyaltyId = uniq('LOY');
    const o = await d.place({ lines: [{ sku: 'JACKET-M', quantity: 1, unitPrice: 8900 }], contact: { email, phone: '06 12 34 56 78', loyaltyId } });
    const pos = await tokens.pos(uniq('S'));
    const receipt = o.orderId.replace(/-/g, '').slice(0, 12).toLowerCase();
    for (const q of [`orderId=${o.orderId}`, `receipt=${receipt}`, `email=${encodeURIComponent(email.toUpperCase())}`, `phone=${encodeURIComponent('+33 6 12 34 56 78')}`, `loyaltyId=${loyaltyId}`]) {
      const res = await http('GET', `${returnsUrl()}/returnable-orders?${q}`, undefined, {}, { token: pos });
      expect([q, res.status, res.body.orders.map((x: { orderId: string }) => x.orderId)]).toEqual([q, 200, [o.orderId]]);
    }
    const bad = await http('GET', `${returnsUrl()}/returnable-orders?email=x&phone=1`, undefined, {}, { token: pos });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'query', rule: 'exactlyOne' });
    const view = (await d.order(o.orderId)).body;
    expect(view).toMatchObject({ channel: 'web', receipt: receipt.toUpperCase(), lines: [{ quantity: 1, received: 0, returnable: 0, category: 'general' }] });
  });

  it('reads order.placed v1 as v2, counts cancelled and collected units once each, even when an event is redelivered', async () => {
    const orderId = randomUUID();
    const [l1, l2] = [randomUUID(), randomUUID()];
    await d.send(
      testEvent(OrderPlacedV1, {
        orderId,
        channel: 'app',
        storeId: 'PICKUP',
        customerId: null,
        currency: 'EUR',
        lines: [
          { lineId: l1, sku: 'CAP', quantity: 4, unitPrice: 1000 },
          { lineId: l2, sku: 'BELT', quantity: 1, unitPrice: 2000 },
        ],
        placedAt: new Date().toISOString(),
      }),
    );
    await eventually(async () => expect((await d.order(orderId)).status).toBe(200));
    const collected = testEvent(OrderCollectedV1, { orderId, storeId: 'PICKUP', lines: [{ lineId: l1, sku: 'CAP', quantity: 2 }], collectedAt: new Date().toISOString() });
    await d.send(
      testEvent(OrderLineCancelledV1, { orderId, lineId: l1, sku: 'CAP', quantity: 1, reason: 'LINE.UNAVAILABLE', cancelledAt: new Date().toISOString() }),
      collected,
      collected,
      testEvent(OrderCancelledV1, { orderId, lineIds: [l2], storeId: 'PICKUP', cancelledBy: 'store', reason: 'damaged in store', cancelledAt: new Date().toISOString() }),
    );
    await eventually(async () =>
      expect((await d.order(orderId)).body.lines.sort((a: { sku: string }, b: { sku: string }) => a.sku.localeCompare(b.sku))).toEqual([
        expect.objectContaining({ sku: 'BELT', quantity: 1, cancelled: 1, received: 0, returnable: 0 }),
        // Applied twice, the collection would count 3 (the 4 bought less the 1 cancelled).
        expect.objectContaining({ sku: 'CAP', quantity: 4, cancelled: 1, received: 2, returnable: 2 }),
      ]),
    );
    expect((await d.order(orderId)).body).toMatchObject({ channel: 'app', customerId: null, cancelled: false });
    const guest = await d.returnAt(uniq('S'), { orderId, lines: [{ lineId: l1, quantity: 1, condition: 'new' }], refundMethod: 'store-credit' });
    expect([guest.status, guest.body.code]).toEqual([422, 'REFUND.NO_ACCOUNT']);
    const notReceived = await d.returnAt(uniq('S'), { orderId, lines: [{ lineId: l2, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' });
    expect(notReceived.body.errors).toEqual([expect.objectContaining({ rule: 'POLICY.NOT_RECEIVED quantity-returnable' })]);
  });

  it('records placements that arrive together once each, with their lines, even the same order twice in a run', async () => {
    const placements = Array.from({ length: 8 }, (_, i) => d.placement({ lines: [{ sku: `RUN-${i}`, quantity: i + 1, unitPrice: 500 }] }));
    const again = d.placement({ orderId: placements[2].order.orderId, lines: [{ sku: 'OTHER', quantity: 9, unitPrice: 1 }] });
    await d.send(...placements.map((p) => p.message), placements[5].message, again.message);
    for (const [i, p] of placements.entries()) {
      const order = await eventually(async () => {
        const r = await d.order(p.order.orderId);
        expect(r.status).toBe(200);
        return r.body;
      });
      expect(order.lines).toEqual([expect.objectContaining({ lineId: p.order.lines[0].lineId, sku: `RUN-${i}`, quantity: i + 1, returnable: 0 })]);
    }
  });

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

  it('exchanges in both uneven directions: the customer pays the difference at the POS, or gets it back', async () => {
    const store = await d.location(uniq('S'));
    await d.receiveStock(store, 'COAT-XL', 1);
    await d.receiveStock(store, 'TEE-S', 1);
    const o = await d.place({ lines: [{ sku: 'COAT-M', quantity: 1, unitPrice: 10000 }, { sku: 'TEE-M', quantity: 1, unitPrice: 3000 }] });
    await d.collect(o);

    const noPayment = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[1].lineId, quantity: 1, condition: 'new' }], replacements: [{ sku: 'COAT-XL', quantity: 1, unitPrice: 12000 }] });
    expect([noPayment.status, noPayment.body.code]).toEqual([422, 'EXCHANGE.PAYMENT_REQUIRED']);
    const wrongAmount = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[1].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: 'COAT-XL', quantity: 1, unitPrice: 12000 }],
      charged: { tender: 'card', amount: 8999, reference: 'POS-TX-0' },
    });
    expect([wrongAmount.status, wrongAmount.body.code]).toEqual([422, 'EXCHANGE.PAYMENT_AMOUNT_MISMATCH']);

    // Dearer: 3000 back, 12000 out, 9000 paid at the POS.
    const dearer = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[1].lineId, quantity: 1, condition: 'new' }],
      replacements: [{ sku: 'COAT-XL', quantity: 1, unitPrice: 12000 }],
      charged: { tender: 'card', amount: 9000, reference: 'POS-TX-1' },
    });
    expect(dearer.status).toBe(201);
    expect(dearer.body).toMatchObject({ kind: 'exchange', status: 'AWAITING_REPLACEMENT', difference: 9000 });
    expect((await d.settled(dearer.body.id, 'COMPLETED')).refunds).toEqual([]);

    // Cheaper: 10000 back, 2500 out, 7500 refunded to the card of the order.
    const cheaper = await d.returnAt(store, {
      orderId: o.orderId,
      lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'opened' }],
      replacements: [{ sku: 'TEE-S', quantity: 1, unitPrice: 2500 }],
      refundMethod: 'original-tender',
    });
    expect(cheaper.body).toMatchObject({ status: 'AWAITING_REPLACEMENT', difference: -7500, refundAmount: 7500 });
    expect((await d.settled(cheaper.body.id, 'COMPLETED')).refunds).toEqual([expect.objectContaining({ tender: 'card', amount: 7500, reference: o.orderId })]);
    await eventually(() =>
      expect(d.events(o.orderId, 'return.refund-requested')).toEqual([
        expect.objectContaining({ returnId: cheaper.body.id, reason: 'EXCHANGE.DIFFERENCE', tenders: [{ tender: 'card', amount: 7500, reference: o.orderId }] }),
      ]),
    );

    // Both replacements left the shelves; both returned units are back on them.
    expect(await d.stock(store, 'COAT-XL')).toMatchObject({ onHand: 0 });
    expect(await d.stock(store, 'TEE-S')).toMatchObject({ onHand: 0 });
    await eventually(async () => expect(await d.stock(store, 'COAT-M')).toMatchObject({ onHand: 1, available: 1 }));
    await eventually(async () => expect(await d.stock(store, 'TEE-M')).toMatchObject({ onHand: 1 }));
    const completed = await eventually(() => {
      const events = d.events(o.orderId, 'return.completed');
      expect(events).toHaveLength(2);
      return events;
    });
    expect(completed.map((c) => [c.kind, c.storeId, c.orderChannel, c.difference])).toEqual([
      ['exchange', store, 'web', 9000],
      ['exchange', store, 'web', -7500],
    ]);
    for (const c of completed) expect(schemaErrors(findEventDefinition('return.completed.v1')!, c)).toEqual([]);
  });

  it('abandons an exchange when the store has no replacement, and the unit stays returnable', async () => {
    const store = await d.location(uniq('S'));
    const o = await d.place({ lines: [{ sku: 'SHIRT-M', quantity: 1, unitPrice: 4000 }] });
    await d.collect(o);
    const res = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], replacements: [{ sku: uniq('SHIRT-L'), quantity: 1, unitPrice: 4000 }] });
    expect(res.status).toBe(201);
    const failed = await d.settled(res.body.id, 'REPLACEMENT_UNAVAILABLE');
    expect(failed.failureReason).toBe('STOCK.INSUFFICIENT');
    // The state is committed before the outbox publishes: wait for the event, do not race it.
    await eventually(() => expect(d.events(o.orderId, 'return.exchange-failed')).toHaveLength(1));
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 0, returnable: 1 });
    expect(d.events(o.orderId, 'return.completed')).toHaveLength(0);
  });

  it('fails an exchange waiting for its shipment when the order service cannot place the delivery order, and the unit is returnable again', async () => {
    const store = await d.location(uniq('S'));
    const o = await d.place({ lines: [{ sku: 'SHIRT-M', quantity: 1, unitPrice: 4000 }] });
    await d.collect(o);
    const shipReplacementTo = { name: 'Ada Martin', line1: '3 rue Oberkampf', postcode: '75011', city: 'Paris', country: 'FR' };
    const res = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], replacements: [{ sku: uniq('SHIRT-L'), quantity: 1, unitPrice: 4000 }], shipReplacementTo });
    expect(res.status).toBe(201);
    // No order service runs here: the exchange waits for its answer.
    await d.settled(res.body.id, 'AWAITING_SHIPMENT');
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 1, returnable: 0 });

    const refused = testEvent(OrderReplacementRefusedV1, { returnId: res.body.id, originalOrderId: o.orderId, reason: 'ORDER.TENDER_MISMATCH', detail: 'captured tenders add up to 4000, the order costs 4100', refusedAt: new Date().toISOString() });
    await d.send(refused, refused);
    const failed = await d.settled(res.body.id, 'REPLACEMENT_UNAVAILABLE');
    expect(failed).toMatchObject({ failureReason: 'ORDER.TENDER_MISMATCH', replacementOrderId: null });
    await eventually(() => expect(d.events(o.orderId, 'return.exchange-failed')).toEqual([expect.objectContaining({ returnId: res.body.id, reason: 'ORDER.TENDER_MISMATCH' })]));
    expect((await d.order(o.orderId)).body.lines[0]).toMatchObject({ returned: 0, returnable: 1 });
    expect(d.events(o.orderId, 'return.completed')).toHaveLength(0);
    // The unit can come back again, as a plain return.
    const again = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' });
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('COMPLETED');
  });

  it('never hands over as a replacement a unit promised to another order', async () => {
    const store = await d.location(uniq('S'));
    const sku = uniq('SHIRT-L');
    await d.receiveStock(store, sku, 1);
    // Another customer's click & collect order reserves the store's only unit.
    const other = randomUUID();
    await d.send(testEvent(OrderPlacedV1, { orderId: other, channel: 'web', storeId: store, customerId: null, currency: 'EUR', lines: [{ lineId: randomUUID(), sku, quantity: 1, unitPrice: 4000 }], placedAt: new Date().toISOString() }));
    await eventually(async () => expect(await d.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1, available: 0 }));

    const o = await d.place({ lines: [{ sku: 'SHIRT-M', quantity: 1, unitPrice: 4000 }] });
    await d.collect(o);
    const res = await d.returnAt(store, { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], replacements: [{ sku, quantity: 1, unitPrice: 4000 }] });
    await d.settled(res.body.id, 'REPLACEMENT_UNAVAILABLE');
    const [refused] = await eventually(() => {
      const r = d.probe.on(INVENTORY_EVENTS_TOPIC, { key: o.orderId, type: 'inventory.replacement-refused.v1' }).map((m) => JSON.parse(m.value!));
      expect(r).toHaveLength(1);
      return r;
    });
    expect(refused).toMatchObject({ reason: 'STOCK.INSUFFICIENT', shortLines: [{ sku, requested: 1, available: 0 }] });
    expect(await d.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1 });
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

  it('lets a POS act only for its own store', async () => {
    const o = await d.place({ lines: [{ sku: 'HAT', quantity: 1, unitPrice: 1000 }] });
    await d.collect(o);
    const res = await d.returnAt(uniq('S'), { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' }, { token: await tokens.pos(uniq('OTHER')) });
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
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

  it('erases contact from the read model for listed orders, orders of the accounts, and an order placed before the erasure that arrives after it', async () => {
    const email = `${uniq('eve')}@example.com`;
    const loyaltyId = uniq('LOY');
    const listed = await d.place({ lines: [{ sku: 'SCARF', quantity: 1, unitPrice: 2500 }], contact: { email, loyaltyId } });
    // A phone no other test uses: the read model also holds the orders of earlier test files.
    const phone = aMobilePhone();
    const ofAccount = await d.place({ lines: [{ sku: 'GLOVES', quantity: 1, unitPrice: 1500 }], customerId: listed.customerId, contact: { phone } });
    const lateId = randomUUID();
    const erased = testEvent(CustomerErasedV1, {
      customerId: randomUUID(),
      formerCustomerIds: [],
      accounts: [{ channel: 'web', accountId: listed.customerId! }],
      orderIds: [listed.orderId, lateId],
      erasedAt: new Date().toISOString(),
    });
    const found = async (q: string) => (await http('GET', `${returnsUrl()}/returnable-orders?${q}`)).body.orders.map((o: { orderId: string }) => o.orderId);
    expect(await found(`loyaltyId=${loyaltyId}`)).toEqual([listed.orderId]);
    await d.probe.produce(CUSTOMER_EVENTS_TOPIC, [erased, erased]);
    await eventually(async () => expect(await found(`email=${encodeURIComponent(email)}`)).toEqual([]));
    expect(await found(`loyaltyId=${loyaltyId}`)).toEqual([]);
    expect(await found(`phone=${encodeURIComponent(phone)}`)).toEqual([]);
    // Still found by what is not personal, with its money.
    expect(await found(`orderId=${listed.orderId}`)).toEqual([listed.orderId]);
    expect((await found(`customerId=${listed.customerId}`)).sort()).toEqual([listed.orderId, ofAccount.orderId].sort());
    expect((await d.order(listed.orderId)).body.lines[0]).toMatchObject({ unitPrice: 2500 });

    // The erased customer's order.placed arriving late stores no contact.
    const lateEmail = `${uniq('late')}@example.com`;
    await d.place({ orderId: lateId, lines: [{ sku: 'CAP', quantity: 1, unitPrice: 900 }], contact: { email: lateEmail } });
    expect(await found(`email=${encodeURIComponent(lateEmail)}`)).toEqual([]);
    expect(await found(`orderId=${lateId}`)).toEqual([lateId]);
    // Another customer's order with an e-mail is kept as it is.
    const otherEmail = `${uniq('other')}@example.com`;
    const other = await d.place({ lines: [{ sku: 'BELT', quantity: 1, unitPrice: 900 }], contact: { email: otherEmail } });
    expect(await found(`email=${encodeURIComponent(otherEmail)}`)).toEqual([other.orderId]);
    const rows = await sql(stack.databases.returns, `SELECT email, phone, loyalty_id FROM orders WHERE order_id = ANY($1::uuid[])`, [[listed.orderId, ofAccount.orderId, lateId]]);
    expect(rows).toEqual([{ email: null, phone: null, loyalty_id: null }, { email: null, phone: null, loyalty_id: null }, { email: null, phone: null, loyalty_id: null }]);
  });
});
