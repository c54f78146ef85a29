import {
  CUSTOMER_EVENTS_TOPIC,
  CustomerErasedV1,
  INVENTORY_EVENTS_TOPIC,
  NOTIFICATION_REQUESTS_TOPIC,
  ORDER_EVENTS_TOPIC,
  RETURNS_EVENTS_TOPIC,
  ReturnReplacementShipmentRequestedPayload,
  ReturnReplacementShipmentRequestedV1,
} from '@omni/contracts';
import { aMobilePhone, eventually, http, Journey, journeyStack, sql, testAddress, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { uniq } from './returns.harness';

const address = testAddress;

/**
 * Journey 3 across the real order, inventory and returns services: an exchange whose store has
 * no replacement ships it from a warehouse through a new delivery order (a later return of it is
 * refunded to what paid the order the exchange took back; a request the order service cannot
 * place is refused); then that customer is erased: their contact and addresses leave the returns
 * read model and the orders, their money stays. A store purchase returned by mail is in
 * store-purchase-mail-returns.e2e-spec.ts.
 */
describe('replacement shipped, erasure, end to end', () => {
  const returnsUrl = () => e2e.stack.services.returns.url;
  const orderUrl = () => e2e.stack.services.order.url;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const events = (topic: string, key: string, type: string): any[] => e2e.probe.on(topic, { key, type: `${type}.v1` }).map((m) => JSON.parse(m.value!));
  /** Set by the exchange test, erased by the erasure test. */
  let shipped: { originalOrderId: string; replacementOrderId: string; returnId: string; customerId: string; email: string } | null = null;

  const e2e = journeyStack(['order', 'inventory', 'returns'], {
    topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, RETURNS_EVENTS_TOPIC, CUSTOMER_EVENTS_TOPIC],
  });

  it('ships the replacement from a warehouse through a new delivery order when the exchanging store has none, once even when asked twice', async () => {
    const [a, b, w] = [Journey.id('A'), Journey.id('B'), Journey.id('W')];
    await e2e.j.location(a);
    await e2e.j.location(b);
    await e2e.j.location(w, { kind: 'warehouse' });
    const [m, l] = [uniq('JACKET-M'), uniq('JACKET-L')];
    // The exchanging till sells the replacement at the price list's price (ADR 0019).
    await e2e.j.price(l, 12900);
    await e2e.j.receive(a, m, 1);
    await e2e.j.receive(w, l, 3);
    const customerId = uniq('cust');
    const email = `${uniq('ada')}@example.com`;
    const placed = await e2e.j.place(a, [{ sku: m, quantity: 1, unitPrice: 12900 }], {
      customerId,
      contact: { email, phone: aMobilePhone(), loyaltyId: uniq('LOY'), name: 'Ada Martin', postcode: '75011' },
    });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(a, placed.id);
    expect((await e2e.j.store(a).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBeLessThan(300);
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines[0]).toMatchObject({ received: 1, returnable: 1 }),
    );

    // B has no JACKET-L: with an address, the exchange ships it instead of failing.
    const posB = await tokens.pos(b, 'associate-b');
    const noLines = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: placed.id,
        lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'original-tender',
        shipReplacementTo: address,
      },
      {},
      { token: posB },
    );
    expect([noLines.status, noLines.body.code]).toEqual([422, 'EXCHANGE.NOTHING_TO_SHIP']);
    const badAddress = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: placed.id,
        lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }],
        replacements: [{ sku: l, quantity: 1, unitPrice: 12900 }],
        shipReplacementTo: { ...address, country: 'France' },
      },
      {},
      { token: posB },
    );
    expect(badAddress.status).toBe(400);
    expect(badAddress.body.errors[0]).toMatchObject({ field: 'shipReplacementTo.country' });
    const exchange = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: placed.id,
        lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }],
        replacements: [{ sku: l, quantity: 1, unitPrice: 12900 }],
        shipReplacementTo: address,
      },
      {},
      { token: posB },
    );
    expect(exchange.status).toBe(201);
    expect(exchange.body).toMatchObject({ kind: 'exchange', status: 'AWAITING_REPLACEMENT', shipTo: { ...address, line2: null }, channel: 'store' });

    const done = await eventually(async () => {
      const r = (await http('GET', `${returnsUrl()}/returns/${exchange.body.id}`)).body;
      expect(r.status).toBe('COMPLETED');
      return r;
    });
    expect(done).toMatchObject({ replacementOrderId: expect.any(String), refundAmount: 0, refunds: [], failureReason: null });
    const replacementOrderId: string = done.replacementOrderId;
    expect(events(RETURNS_EVENTS_TOPIC, placed.id, 'return.exchange-failed')).toEqual([]);
    expect(events(RETURNS_EVENTS_TOPIC, placed.id, 'return.replacement-shipment-requested')).toEqual([
      expect.objectContaining({
        returnId: exchange.body.id,
        storeId: b,
        customerId,
        settledAmount: 12900,
        replacements: [{ sku: l, quantity: 1, unitPrice: 12900 }],
      }),
    ]);
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, placed.id, 'return.completed')).toEqual([
        expect.objectContaining({ returnId: exchange.body.id, replacementOrderId, storeId: b, channel: 'store' }),
      ]),
    );

    // The order service placed a paid delivery order at B's POS, reserved at the warehouse.
    const order = await e2e.j.status(replacementOrderId, 'RESERVED');
    expect(order).toMatchObject({
      channel: 'pos',
      placedAtStoreId: b,
      customerId,
      contact: { email, name: 'Ada Martin', postcode: '75011' },
      payment: { capturedAtPlacement: 12900, tenders: [{ tender: 'store-credit', amount: 12900, reference: exchange.body.id }] },
    });
    expect(order.fulfilments).toEqual([expect.objectContaining({ type: 'delivery', storeId: w, address: { ...address, line2: null } })]);
    await eventually(async () => expect(await e2e.j.stock(w, l)).toMatchObject({ onHand: 3, reserved: 1 }));
    // B's shelves: no replacement taken, the returned unit restocked there.
    await eventually(async () => expect(await e2e.j.stock(b, m)).toMatchObject({ onHand: 1, available: 1 }));

    // The request again under another event id: the same order answers, no second order.
    const request: ReturnReplacementShipmentRequestedPayload = events(RETURNS_EVENTS_TOPIC, placed.id, 'return.replacement-shipment-requested')[0];
    await e2e.probe.produce(RETURNS_EVENTS_TOPIC, [testEvent(ReturnReplacementShipmentRequestedV1, request)]);
    await eventually(() => expect(events(ORDER_EVENTS_TOPIC, replacementOrderId, 'order.replacement-placed')).toHaveLength(2));
    expect(events(ORDER_EVENTS_TOPIC, replacementOrderId, 'order.replacement-placed').map((e) => e.orderId)).toEqual([replacementOrderId, replacementOrderId]);
    expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: replacementOrderId, type: 'order.placed.v2' })).toHaveLength(1);
    expect((await http('GET', `${returnsUrl()}/returns/${exchange.body.id}`)).body).toMatchObject({ status: 'COMPLETED', replacementOrderId });
    shipped = { originalOrderId: placed.id, replacementOrderId, returnId: exchange.body.id, customerId, email };
  });

  it("a guest's later return of the shipped replacement is refunded to the tender that paid the order the exchange took back", async () => {
    const [a, b, w] = [Journey.id('A'), Journey.id('B'), Journey.id('W')];
    await e2e.j.location(a);
    await e2e.j.location(b);
    await e2e.j.location(w, { kind: 'warehouse' });
    const [m, l] = [uniq('COAT-M'), uniq('COAT-L')];
    // The exchanging till sells the replacement at the price list's price (ADR 0019).
    await e2e.j.price(l, 15900);
    await e2e.j.receive(a, m, 1);
    await e2e.j.receive(w, l, 1);
    // A guest: no account, so no store credit.
    const placed = await e2e.j.place(a, [{ sku: m, quantity: 1, unitPrice: 15900 }], {
      customerId: null,
      contact: { email: `${uniq('guest')}@example.com`, name: 'Sam Walker' },
    });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(a, placed.id);
    expect((await e2e.j.store(a).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBe(200);
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines[0]).toMatchObject({ received: 1, returnable: 1 }),
    );

    // Exchanged at B, which has no L: shipped from the warehouse, paid with the exchange's value.
    const posB = await tokens.pos(b, 'associate-b');
    const exchange = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: placed.id,
        lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }],
        replacements: [{ sku: l, quantity: 1, unitPrice: 15900 }],
        shipReplacementTo: address,
      },
      {},
      { token: posB },
    );
    expect(exchange.status).toBe(201);
    const replacementOrderId = await eventually(async () => {
      const r = (await http('GET', `${returnsUrl()}/returns/${exchange.body.id}`)).body;
      expect(r).toMatchObject({ status: 'COMPLETED', replacementOrderId: expect.any(String) });
      return r.replacementOrderId as string;
    });
    const group = await e2e.j.groupStatus(replacementOrderId, 'RESERVED');
    expect((await e2e.j.packAndShip(w, group.fulfilmentId)).status).toBe(200);
    expect((await e2e.j.deliveryOutcome(group.fulfilmentId, 'DELIVERED', await tokens.carrier())).status).toBe(200);
    const delivered = await eventually(async () => {
      const r = (await http('GET', `${returnsUrl()}/returnable-orders/${replacementOrderId}`)).body;
      expect(r.lines[0]).toMatchObject({ sku: l, received: 1, returnable: 1 });
      return r;
    });
    expect(delivered.customerId).toBeNull();

    // Store credit cannot be given to a guest; the original tender can.
    const asCredit = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: replacementOrderId,
        lines: [{ lineId: delivered.lines[0].lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'store-credit',
      },
      {},
      { token: posB },
    );
    expect([asCredit.status, asCredit.body.code]).toEqual([422, 'REFUND.NO_ACCOUNT']);
    const back = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: replacementOrderId,
        lines: [{ lineId: delivered.lines[0].lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'original-tender',
      },
      {},
      { token: posB },
    );
    expect(back.status).toBe(201);
    // The first order was paid through the payment system (no tender captured at placing): its payment, referenced by its id.
    expect((await http('GET', `${returnsUrl()}/returns/${back.body.id}`)).body).toMatchObject({
      status: 'COMPLETED',
      refundAmount: 15900,
      refunds: [expect.objectContaining({ tender: 'card', reference: placed.id, amount: 15900 })],
    });
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, replacementOrderId, 'return.refund-requested')).toEqual([
        expect.objectContaining({ returnId: back.body.id, tenders: [{ tender: 'card', amount: 15900, reference: placed.id }] }),
      ]),
    );
    // Nothing was asked twice of the first order's payment: it has nothing left to refund.
    const again = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: replacementOrderId,
        lines: [{ lineId: delivered.lines[0].lineId, quantity: 1, condition: 'new' }],
        refundMethod: 'original-tender',
      },
      {},
      { token: posB },
    );
    expect(again.status).toBe(422);
  });

  it('answers a replacement request it cannot place with order.replacement-refused, and places nothing', async () => {
    const returnId = randomUUID();
    const originalOrderId = randomUUID();
    // The value settled by the return does not pay for the replacements: the order service refuses.
    const bad = testEvent(ReturnReplacementShipmentRequestedV1, {
      returnId,
      orderId: originalOrderId,
      storeId: Journey.id('B'),
      customerId: uniq('cust'),
      contact: { email: null, phone: null, loyaltyId: null, name: 'Ada Martin', postcode: '75011' },
      currency: 'EUR',
      address: { ...address, line2: null },
      replacements: [{ sku: uniq('JACKET-L'), quantity: 1, unitPrice: 12900 }],
      settledAmount: 9900,
      requestedAt: new Date().toISOString(),
    });
    await e2e.probe.produce(RETURNS_EVENTS_TOPIC, [bad]);
    const [refused] = await eventually(() => {
      const found = events(ORDER_EVENTS_TOPIC, returnId, 'order.replacement-refused');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(refused).toMatchObject({ returnId, originalOrderId, reason: 'ORDER.TENDER_MISMATCH', detail: expect.stringContaining('9900') });
    expect(await sql(e2e.stack.databases.order, `SELECT count(*)::int AS n FROM orders WHERE captured_tenders::text LIKE $1`, [`%${returnId}%`])).toEqual([
      { n: 0 },
    ]);
  });

  it('anonymises an erased customer in the returns read model and in the orders, keeping money and ids, once even when redelivered', async () => {
    if (!shipped) throw new Error('the exchange test must run first');
    const s = shipped;
    // As the customer service sends it: the replacement order carries the customer's contact, so it is linked to the same profile.
    const erased = testEvent(CustomerErasedV1, {
      customerId: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
      formerCustomerIds: [],
      accounts: [{ channel: 'web', accountId: s.customerId }],
      orderIds: [s.originalOrderId, s.replacementOrderId],
      erasedAt: new Date().toISOString(),
    });
    await e2e.probe.produce(CUSTOMER_EVENTS_TOPIC, [erased, erased]);

    // Returns: the e-mail no longer finds the order; the order id does; the shipping address is gone.
    await eventually(async () => expect((await http('GET', `${returnsUrl()}/returnable-orders?email=${encodeURIComponent(s.email)}`)).body.orders).toEqual([]));
    expect((await http('GET', `${returnsUrl()}/returnable-orders/${s.originalOrderId}`)).body).toMatchObject({
      orderId: s.originalOrderId,
      customerId: s.customerId,
      lines: [{ returned: 1 }],
    });
    const r = await eventually(async () => {
      const body = (await http('GET', `${returnsUrl()}/returns/${s.returnId}`)).body;
      expect(body.shipTo).toEqual({ name: '(erased)', line1: '(erased)', line2: null, postcode: '(erased)', city: '(erased)', country: 'FR' });
      return body;
    });
    expect(r).toMatchObject({
      status: 'COMPLETED',
      replacementOrderId: s.replacementOrderId,
      lines: [{ unitPrice: 12900 }],
      replacements: [{ unitPrice: 12900 }],
    });

    // Orders: the contact and the delivery address are gone; amounts and tenders stay.
    const original = await eventually(async () => {
      const o = (await http('GET', `${orderUrl()}/orders/${s.originalOrderId}`)).body;
      expect(o.contact).toBeNull();
      return o;
    });
    expect(original).toMatchObject({ status: 'COLLECTED', lines: [{ unitPrice: 12900 }] });
    const replacement = await eventually(async () => {
      const o = (await http('GET', `${orderUrl()}/orders/${s.replacementOrderId}`)).body;
      expect(o.fulfilments[0].address).toMatchObject({ name: '(erased)', line1: '(erased)', postcode: '(erased)', city: '(erased)', country: 'FR' });
      return o;
    });
    expect(replacement.contact).toBeNull();
    expect(replacement.payment).toMatchObject({ capturedAtPlacement: 12900, tenders: [{ tender: 'store-credit', amount: 12900, reference: s.returnId }] });
  });
});
