import { deadLetterTopicOf, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, mintToken, sql, testAddress, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { uniq } from './returns.harness';

const address = testAddress;

/**
 * Refunds of orders paid at placing (ADR 0011), across the real order, inventory and returns
 * services: the order service says which tenders pay a refund back; a store-credit part goes back
 * to the customer's balance through the returns service, never to the payment system.
 */
describe('refunds of orders paid with store credit, end to end', () => {
  const returnsUrl = () => e2e.stack.services.returns.url;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const events = (topic: string, key: string, type: string): any[] => e2e.probe.on(topic, { key, type }).map((m) => JSON.parse(m.value!));
  const balance = async (customerId: string) => (await http('GET', `${returnsUrl()}/store-credit/${customerId}`)).body.balances;

  const e2e = journeyStack(['order', 'inventory', 'returns'], {
    topics: [ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, deadLetterTopicOf(ORDER_EVENTS_TOPIC)],
  });

  /** A customer with 4500 of store credit, from a collected web order returned at `store`. */
  async function customerWithCredit(store: string): Promise<string> {
    const customerId = uniq('cust');
    const sku = uniq('SCARF');
    await e2e.j.receive(store, sku, 1);
    const placed = await e2e.j.place(store, [{ sku, quantity: 1, unitPrice: 4500 }], { customerId });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    expect((await e2e.j.store(store).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBe(200);
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines[0]).toMatchObject({ received: 1, returnable: 1 }),
    );
    const returned = await http(
      'POST',
      `${returnsUrl()}/stores/${store}/returns`,
      { requestId: uniq('pos'), orderId: placed.id, lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'store-credit' },
      {},
      { token: await tokens.pos(store) },
    );
    expect(returned.status).toBe(201);
    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 4500 }]));
    return customerId;
  }

  it('a return refunded as store credit: the customer is told it was received and how much was credited', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    const customerId = uniq('cust');
    const sku = uniq('GLOVES');
    await e2e.j.receive(store, sku, 1);
    const placed = await e2e.j.place(store, [{ sku, quantity: 1, unitPrice: 3200 }], { customerId });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    expect((await e2e.j.store(store).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBe(200);
    await eventually(async () => expect((await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines[0]).toMatchObject({ returnable: 1 }));
    const returned = await http(
      'POST',
      `${returnsUrl()}/stores/${store}/returns`,
      { requestId: uniq('pos'), orderId: placed.id, lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }], refundMethod: 'store-credit' },
      {},
      { token: await tokens.pos(store) },
    );
    expect(returned.status).toBe(201);

    const notices = () => events(NOTIFICATION_REQUESTS_TOPIC, placed.id, 'notification.requested.v2').filter((n) => n.returnId === returned.body.id);
    await eventually(() =>
      expect(
        notices()
          .map((n) => [n.template, n.amount ?? null, n.currency ?? null])
          .sort(),
      ).toEqual(
        [
          ['return-received', null, null],
          ['store-credit-issued', 3200, 'EUR'],
        ].sort(),
      ),
    );
    // About the return, not the pickup: no code, no deadline; the group that held the line; where it came back.
    const [group] = (await e2e.j.get(placed.id)).fulfilments;
    for (const n of notices()) expect(n).toMatchObject({ customerId, pickupCode: null, pickupDeadline: null, fulfilmentId: group.fulfilmentId });
    expect(notices().find((n) => n.template === 'return-received')!.storeId).toBe(store);
  });

  it('a POS order paid with store credit and a card is cancelled: the store credit is back on the balance, the card part goes to the payment system', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('W')];
    await e2e.j.location(store);
    await e2e.j.location(warehouse, { kind: 'warehouse' });
    const customerId = await customerWithCredit(store);

    // At the till the customer spends 3000 of the credit and pays 2000 by card, for a coat delivered home.
    const app = await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'app', scope: 'orders:place orders:read' });
    const spend = await http(
      'POST',
      `${returnsUrl()}/store-credit/${customerId}/redemptions`,
      { amount: 3000, currency: 'EUR', reference: uniq('till') },
      {},
      { token: app },
    );
    expect(spend.status).toBe(201);
    const coat = uniq('COAT');
    await e2e.j.receive(warehouse, coat, 1);
    await e2e.j.price(coat, 5000);
    const tenders = [
      { tender: 'store-credit', amount: 3000, reference: spend.body.redemptionId },
      { tender: 'card', amount: 2000, reference: uniq('TERM') },
    ];
    const placed = await e2e.j.placeOrder(
      {
        channel: 'pos',
        customerId,
        fulfilments: [{ type: 'delivery', address, lines: [{ sku: coat, quantity: 1, unitPrice: 5000 }] }],
        capturedTenders: tenders,
      },
      await tokens.pos(store),
    );
    await e2e.j.groupStatus(placed.id, 'RESERVED');
    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 1500 }]));

    expect((await http('POST', `${e2e.j.order}/orders/${placed.id}/cancel`, { reason: 'changed my mind' })).status).toBe(200);
    // The refund names its tenders, in the order they were captured.
    const [refund] = await eventually(() => {
      const found = events(ORDER_EVENTS_TOPIC, placed.id, 'payment.refund-requested.v2');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(refund).toMatchObject({ amount: 5000, reason: 'ORDER.CANCELLED', tenders });

    // The returns service puts the store-credit part back, once; the card part waits for the payment system.
    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 4500 }]));
    const [reinstated] = await eventually(() => {
      const found = events(RETURNS_EVENTS_TOPIC, customerId, 'store-credit.reinstated.v1');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(reinstated).toMatchObject({
      accountId: customerId,
      amount: 3000,
      balance: 4500,
      orderId: placed.id,
      refundId: refund.refundId,
      tenderReference: spend.body.redemptionId,
      reason: 'ORDER.CANCELLED',
    });
    await eventually(async () =>
      expect((await e2e.j.get(placed.id)).payment.requests.find((r: { id: string }) => r.id === refund.refundId)).toMatchObject({
        status: 'REQUESTED',
        amount: 5000,
        doneAmount: 3000,
      }),
    );

    // The same request again under another event id: nothing more comes back.
    const replayId = randomUUID();
    const original = e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'payment.refund-requested.v2' })[0];
    await e2e.probe.produce(ORDER_EVENTS_TOPIC, [{ key: placed.id, value: original.value, headers: { ...original.headers, ce_id: replayId } }]);
    await eventually(async () =>
      expect(await sql(e2e.stack.databases.returns, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [replayId])).toEqual([{ n: 1 }]),
    );
    expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 4500 }]);
    expect(events(RETURNS_EVENTS_TOPIC, customerId, 'store-credit.reinstated.v1')).toHaveLength(1);
  });

  it('part of a POS order is returned at the store, then its other parcel is lost: the later refund takes only what each tender still holds', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('W')];
    await e2e.j.location(store);
    await e2e.j.location(warehouse, { kind: 'warehouse' });
    const customerId = await customerWithCredit(store);
    const [scarf, coat] = [uniq('SCARF'), uniq('COAT')];
    await e2e.j.receive(store, scarf, 1);
    await e2e.j.receive(warehouse, coat, 1);
    await e2e.j.price(scarf, 4000);
    await e2e.j.price(coat, 2000);

    // At the till: a scarf taken home later from this store, a coat delivered; 3000 of store credit, then 3000 by card.
    const app = await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'app', scope: 'orders:place orders:read' });
    const spend = await http(
      'POST',
      `${returnsUrl()}/store-credit/${customerId}/redemptions`,
      { amount: 3000, currency: 'EUR', reference: uniq('till') },
      {},
      { token: app },
    );
    expect(spend.status).toBe(201);
    const [credit, card] = [
      { tender: 'store-credit', amount: 3000, reference: spend.body.redemptionId },
      { tender: 'card', amount: 3000, reference: uniq('TERM') },
    ];
    const placed = await e2e.j.placeOrder(
      {
        channel: 'pos',
        customerId,
        fulfilments: [
          { type: 'pickup', storeId: store, lines: [{ sku: scarf, quantity: 1, unitPrice: 4000 }] },
          { type: 'delivery', address, lines: [{ sku: coat, quantity: 1, unitPrice: 2000 }] },
        ],
        capturedTenders: [credit, card],
      },
      await tokens.pos(store),
    );
    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 1500 }]));
    await e2e.j.groupStatus(placed.id, 'RESERVED', (f) => f.type === 'pickup');
    const parcel = await e2e.j.groupStatus(placed.id, 'RESERVED', (f) => f.type === 'delivery');
    await e2e.j.pickAll(store, placed.id);
    expect((await e2e.j.store(store).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBe(200);

    // The scarf comes back to the store, refunded to the tenders in the order they were taken: all of the store credit, 1000 of the card.
    const scarfLine = placed.fulfilments.find((f: { type: string }) => f.type === 'pickup').lines[0];
    await eventually(async () =>
      expect(
        (await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines.find((l: { lineId: string }) => l.lineId === scarfLine.lineId),
      ).toMatchObject({ returnable: 1 }),
    );
    const returned = await http(
      'POST',
      `${returnsUrl()}/stores/${store}/returns`,
      { requestId: uniq('pos'), orderId: placed.id, lines: [{ lineId: scarfLine.lineId, quantity: 1, condition: 'new' }], refundMethod: 'original-tender' },
      {},
      { token: await tokens.pos(store) },
    );
    expect(returned.status).toBe(201);
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, placed.id, 'return.refund-requested.v1')).toEqual([
        expect.objectContaining({ tenders: [{ ...card, amount: 1000 }] }),
      ]),
    );
    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 4500 }]));
    // The order service has heard of both parts before the carrier calls.
    await eventually(async () =>
      expect(
        await sql(e2e.stack.databases.order, 'SELECT reference, amount FROM return_refund_tenders WHERE order_id = $1 ORDER BY amount', [placed.id]),
      ).toEqual([
        { reference: card.reference, amount: 1000 },
        { reference: credit.reference, amount: 3000 },
      ]),
    );

    // The coat is lost on its way: its 2000 can only come from the card, the store credit having been paid back in full.
    expect((await e2e.j.packAndShip(warehouse, parcel.fulfilmentId)).status).toBe(200);
    await e2e.j.groupStatus(placed.id, 'SHIPPED', (f) => f.type === 'delivery');
    expect((await e2e.j.deliveryOutcome(parcel.fulfilmentId, 'DELIVERY.LOST', await tokens.carrier())).status).toBe(200);
    const [refund] = await eventually(() => {
      const found = events(ORDER_EVENTS_TOPIC, placed.id, 'payment.refund-requested.v2');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(refund).toMatchObject({ amount: 2000, tenders: [{ ...card, amount: 2000 }] });
    // Nothing more on the balance: the store credit spent on the order came back once.
    const refundEventId = e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'payment.refund-requested.v2' })[0].headers.ce_id;
    await eventually(async () =>
      expect(await sql(e2e.stack.databases.returns, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [refundEventId])).toEqual([{ n: 1 }]),
    );
    expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 4500 }]);
    expect(events(RETURNS_EVENTS_TOPIC, customerId, 'store-credit.reinstated.v1').filter((r) => r.orderId === placed.id)).toEqual([]);
  });

  it('an exchange whose shipped replacement no location can supply: the replacement order is rejected and its value comes back as store credit', async () => {
    const [a, b, w] = [Journey.id('A'), Journey.id('B'), Journey.id('W')];
    await e2e.j.location(a);
    await e2e.j.location(b);
    await e2e.j.location(w, { kind: 'warehouse' });
    const [m, l] = [uniq('JACKET-M'), uniq('JACKET-L')];
    // The exchanging till sells the replacement at the price list's price (ADR 0019).
    await e2e.j.price(l, 12900);
    await e2e.j.receive(a, m, 1);
    const customerId = uniq('cust');
    const placed = await e2e.j.place(a, [{ sku: m, quantity: 1, unitPrice: 12900 }], { customerId });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(a, placed.id);
    expect((await e2e.j.store(a).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBe(200);
    await eventually(async () =>
      expect((await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines[0]).toMatchObject({ received: 1, returnable: 1 }),
    );

    // Nobody has a JACKET-L: B ships it, the delivery order placed for it is rejected.
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
      { token: await tokens.pos(b) },
    );
    expect(exchange.status).toBe(201);
    const done = await eventually(async () => {
      const r = (await http('GET', `${returnsUrl()}/returns/${exchange.body.id}`)).body;
      expect(r).toMatchObject({ status: 'COMPLETED', replacementOrderId: expect.any(String) });
      return r;
    });
    await e2e.j.status(done.replacementOrderId, 'REJECTED');

    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 12900 }]));
    const [refund] = await eventually(() => {
      const found = events(ORDER_EVENTS_TOPIC, done.replacementOrderId, 'payment.refund-requested.v2');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(refund).toMatchObject({ amount: 12900, tenders: [{ tender: 'store-credit', amount: 12900, reference: exchange.body.id }] });
    await eventually(() =>
      expect(events(RETURNS_EVENTS_TOPIC, customerId, 'store-credit.reinstated.v1')).toEqual([
        expect.objectContaining({ orderId: done.replacementOrderId, refundId: refund.refundId, amount: 12900, tenderReference: exchange.body.id }),
      ]),
    );
    // Settled in full by the returns service: nothing is left for the payment system.
    await eventually(async () =>
      expect((await e2e.j.get(done.replacementOrderId)).payment.requests.find((r: { id: string }) => r.id === refund.refundId)).toMatchObject({
        status: 'DONE',
        doneAmount: 12900,
      }),
    );
  });

  it('a store-credit tender nobody can be credited for goes to the dead-letter topic with the reason, and the consumer goes on', async () => {
    const [store, warehouse] = [Journey.id('S'), Journey.id('W')];
    await e2e.j.location(store);
    await e2e.j.location(warehouse, { kind: 'warehouse' });
    const hat = uniq('HAT');
    await e2e.j.receive(warehouse, hat, 2);
    await e2e.j.price(hat, 2500);
    // A guest at the till, with a store-credit tender that names no redemption this service made.
    const pos = await tokens.pos(store);
    const lines = [{ sku: hat, quantity: 1, unitPrice: 2500 }];
    const orphan = await e2e.j.placeOrder(
      {
        channel: 'pos',
        customerId: null,
        fulfilments: [{ type: 'delivery', address, lines }],
        capturedTenders: [{ tender: 'store-credit', amount: 2500, reference: uniq('VOUCHER') }],
      },
      pos,
    );
    await e2e.j.groupStatus(orphan.id, 'RESERVED');
    expect((await http('POST', `${e2e.j.order}/orders/${orphan.id}/cancel`, { reason: 'changed my mind' })).status).toBe(200);

    const [parked] = await eventually(() => {
      const found = e2e.probe.on(deadLetterTopicOf(ORDER_EVENTS_TOPIC), { key: orphan.id }).filter((m) => m.headers['dlq-consumer'] === 'returns');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(parked.headers).toMatchObject({ 'dlq-reason-code': 'STORE_CREDIT.NO_ACCOUNT', ce_type: 'payment.refund-requested.v2' });
    expect(await sql(e2e.stack.databases.returns, 'SELECT count(*)::int AS n FROM order_refunds WHERE order_id = $1', [orphan.id])).toEqual([{ n: 0 }]);

    // The next order's refund is handled as usual.
    const customerId = await customerWithCredit(store);
    const app = await mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel: 'app', scope: 'orders:place orders:read' });
    const spend = await http(
      'POST',
      `${returnsUrl()}/store-credit/${customerId}/redemptions`,
      { amount: 2500, currency: 'EUR', reference: uniq('till') },
      {},
      { token: app },
    );
    const next = await e2e.j.placeOrder(
      {
        channel: 'pos',
        customerId,
        fulfilments: [{ type: 'delivery', address, lines }],
        capturedTenders: [{ tender: 'store-credit', amount: 2500, reference: spend.body.redemptionId }],
      },
      pos,
    );
    await e2e.j.groupStatus(next.id, 'RESERVED');
    expect((await http('POST', `${e2e.j.order}/orders/${next.id}/cancel`, { reason: 'changed my mind' })).status).toBe(200);
    await eventually(async () => expect(await balance(customerId)).toEqual([{ currency: 'EUR', balance: 4500 }]));
  });
});
