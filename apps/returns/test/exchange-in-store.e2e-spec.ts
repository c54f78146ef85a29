import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC, RETURNS_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, tokens } from '@omni/testing';
import { uniq } from './returns.harness';

/**
 * Journey 3 across the real services: an order placed on the web and collected at one store is
 * exchanged at another store, the replacement taken from that store's shelves on the spot.
 */
describe('buy online, exchange in another store, end to end', () => {
  const returnsUrl = () => e2e.stack.services.returns.url;

  const e2e = journeyStack(['order', 'inventory', 'returns', 'customer'], {
    topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, RETURNS_EVENTS_TOPIC],
  });

  it("click & collect at store A, even exchange (other size) at store B from B's stock, credited to B", async () => {
    const [a, b] = [Journey.id('A'), Journey.id('B')];
    await e2e.j.location(a);
    await e2e.j.location(b);
    const [m, l] = [uniq('JACKET-M'), uniq('JACKET-L')];
    // The exchanging till sells the replacement at the price list's price (ADR 0019).
    await e2e.j.price(l, 12900);
    await e2e.j.receive(a, m, 2);
    await e2e.j.receive(b, l, 1);

    const placed = await e2e.j.place(a, [{ sku: m, quantity: 1, unitPrice: 12900 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(a, placed.id);
    expect((await e2e.j.store(a).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'COLLECTED');
    await eventually(async () => expect(await e2e.j.stock(a, m)).toMatchObject({ onHand: 1, reserved: 0 }));

    // Store B's POS finds the web order by its receipt number and sees the collected unit.
    const posB = await tokens.pos(b, 'associate-b');
    const receipt = placed.id.replace(/-/g, '').slice(0, 12);
    const found = await eventually(async () => {
      const res = await http('GET', `${returnsUrl()}/returnable-orders?receipt=${receipt}`, undefined, {}, { token: posB });
      expect(res.body.orders[0]?.lines[0]).toMatchObject({ sku: m, received: 1, returnable: 1 });
      return res.body.orders[0];
    });
    expect(found).toMatchObject({ orderId: placed.id, channel: 'web', customerId: e2e.j.customerId });

    const exchange = await http(
      'POST',
      `${returnsUrl()}/stores/${b}/returns`,
      {
        requestId: uniq('pos-b'),
        orderId: placed.id,
        lines: [{ lineId: placed.lines[0].lineId, quantity: 1, condition: 'new' }],
        replacements: [{ sku: l, quantity: 1, unitPrice: 12900 }],
      },
      {},
      { token: posB },
    );
    expect(exchange.status).toBe(201);
    expect(exchange.body).toMatchObject({ kind: 'exchange', status: 'AWAITING_REPLACEMENT', difference: 0, storeId: b, orderChannel: 'web' });

    const done = await eventually(async () => {
      const r = (await http('GET', `${returnsUrl()}/returns/${exchange.body.id}`, undefined, {}, { token: posB })).body;
      expect(r.status).toBe('COMPLETED');
      return r;
    });
    expect(done).toMatchObject({ refundAmount: 0, refunds: [], associateId: 'associate-b', lines: [{ sku: m, disposition: 'sellable', rule: 'window-web' }] });
    // The replacement left B's shelves; the returned unit is on them now; A is untouched.
    expect(await e2e.j.stock(b, l)).toMatchObject({ onHand: 0, available: 0 });
    await eventually(async () => expect(await e2e.j.stock(b, m)).toMatchObject({ onHand: 1, available: 1 }));
    expect(await e2e.j.stock(a, m)).toMatchObject({ onHand: 1, reserved: 0 });
    // Channel credit: the order's channel and the store that finished the exchange.
    await eventually(() => {
      const completed = e2e.probe.on(RETURNS_EVENTS_TOPIC, { key: placed.id, type: 'return.completed.v1' }).map((x) => JSON.parse(x.value!));
      expect(completed).toEqual([
        expect.objectContaining({ kind: 'exchange', storeId: b, orderChannel: 'web', replacements: [{ sku: l, quantity: 1, unitPrice: 12900 }] }),
      ]);
    });
    expect(e2e.probe.on(RETURNS_EVENTS_TOPIC, { key: placed.id, type: 'return.refund-requested.v1' })).toHaveLength(0);
    // The customer is told the exchange is done, naming the store that did it; no refund notice.
    await eventually(() => {
      const notices = e2e.probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: placed.id, type: 'notification.requested.v2' }).map((x) => JSON.parse(x.value!));
      expect(notices.filter((n) => n.returnId === exchange.body.id)).toEqual([
        expect.objectContaining({ template: 'exchange-completed', storeId: b, orderId: placed.id }),
      ]);
    });
    // Nothing more to return on that line.
    expect((await http('GET', `${returnsUrl()}/returnable-orders/${placed.id}`)).body.lines[0]).toMatchObject({ returned: 1, returnable: 0 });

    // Channel credit at B: it exchanged a web order it did not sell (valued at the unit taken back).
    await eventually(async () => {
      const credit = await http('GET', `${e2e.stack.services.order.url}/channel-credit/${b}`, undefined, {}, { token: posB });
      expect(credit.body).toMatchObject({ exchangedHere: [{ currency: 'EUR', count: 1, amount: 12900 }], takenBackHere: [], soldHere: [] });
    });

    // The customer's timeline tells the journey across channels and stores: placed on the web for A,
    // collected at A's POS, exchanged at B's POS.
    await eventually(async () => {
      const res = await http('GET', `${e2e.stack.services.customer.url}/customers/${e2e.j.customerId}/timeline?limit=50`);
      const mine = (res.body.entries as { kind: string; orderId: string; channel: string | null; storeId: string | null }[]).filter(
        (e) => e.orderId === placed.id,
      );
      expect(mine.map((e) => [e.kind, e.channel, e.storeId]).reverse()).toEqual(
        expect.arrayContaining([
          ['order.placed', 'web', a],
          ['order.collected', 'pos', a],
          ['return.completed', 'pos', b],
        ]),
      );
    });
  });
});
