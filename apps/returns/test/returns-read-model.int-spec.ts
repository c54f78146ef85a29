import { CUSTOMER_EVENTS_TOPIC, CustomerErasedV1, OrderCancelledV1, OrderCollectedV1, OrderLineCancelledV1, OrderPlacedV1 } from '@omni/contracts';
import { aMobilePhone, eventually, http, nationalFormOf, sql, Stack, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { ReturnsDriver, startReturnsStack, stopReturnsStack, uniq } from './returns.harness';

/**
 * Journey 3 from the returns service's side, on real Kafka and PostgreSQL: the read model of orders
 * built from the order service's events — found at any POS, versions and redeliveries, erasure — and
 * who may read it.
 */
describe('returns: the order read model', () => {
  let stack: Stack;
  let d: ReturnsDriver;
  const returnsUrl = () => stack.services.returns.url;

  beforeAll(async () => ({ stack, d } = await startReturnsStack({ PHONE_DEFAULT_COUNTRY: 'FR' })));
  afterAll(() => stopReturnsStack(stack, d));

  it('finds an order at any POS by order id, receipt, e-mail, phone or loyalty id', async () => {
    const email = `${uniq('ada')}@Example.com`;
    const loyaltyId = uniq('LOY');
    // A number of its own: the service reads every order on the shared topic, other files' too.
    const phone = aMobilePhone();
    const o = await d.place({ lines: [{ sku: 'JACKET-M', quantity: 1, unitPrice: 8900 }], contact: { email, phone: nationalFormOf(phone), loyaltyId } });
    const pos = await tokens.pos(uniq('S'));
    const receipt = o.orderId.replace(/-/g, '').slice(0, 12).toLowerCase();
    for (const q of [
      `orderId=${o.orderId}`,
      `receipt=${receipt}`,
      `email=${encodeURIComponent(email.toUpperCase())}`,
      `phone=${encodeURIComponent(phone)}`,
      `loyaltyId=${loyaltyId}`,
    ]) {
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
    const collected = testEvent(OrderCollectedV1, {
      orderId,
      storeId: 'PICKUP',
      lines: [{ lineId: l1, sku: 'CAP', quantity: 2 }],
      collectedAt: new Date().toISOString(),
    });
    await d.send(
      testEvent(OrderLineCancelledV1, { orderId, lineId: l1, sku: 'CAP', quantity: 1, reason: 'LINE.UNAVAILABLE', cancelledAt: new Date().toISOString() }),
      collected,
      collected,
      testEvent(OrderCancelledV1, {
        orderId,
        lineIds: [l2],
        storeId: 'PICKUP',
        cancelledBy: 'store',
        reason: 'damaged in store',
        cancelledAt: new Date().toISOString(),
      }),
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

  it('lets a POS act only for its own store', async () => {
    const o = await d.place({ lines: [{ sku: 'HAT', quantity: 1, unitPrice: 1000 }] });
    await d.collect(o);
    const res = await d.returnAt(
      uniq('S'),
      { orderId: o.orderId, lines: [{ lineId: o.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      { token: await tokens.pos(uniq('OTHER')) },
    );
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
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
    const rows = await sql(stack.databases.returns, `SELECT email, phone, loyalty_id FROM orders WHERE order_id = ANY($1::uuid[])`, [
      [listed.orderId, ofAccount.orderId, lateId],
    ]);
    expect(rows).toEqual([
      { email: null, phone: null, loyalty_id: null },
      { email: null, phone: null, loyalty_id: null },
      { email: null, phone: null, loyalty_id: null },
    ]);
  });
});
