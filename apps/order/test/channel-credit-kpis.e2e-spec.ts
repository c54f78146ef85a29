import { NOTIFICATION_REQUESTS_TOPIC, RETURNS_EVENTS_TOPIC, ReturnCompletedPayload, ReturnCompletedV1 } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, mintToken, testAddress, testEvent, tokens } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * Channel credit over time (docs/kpis.md) on journeys run through the order API, on Kafka and
 * PostgreSQL: store A's till sells an order for pickup at store B, collected there; a web order is
 * collected at A; a web delivery is shipped from A; A takes the web order back and B exchanges the
 * till's order (their return.completed as the returns service publishes it). The rows are worked
 * out by hand, and add up to what GET /channel-credit/{storeId} says for the period.
 */
describe('channel credit per store, channel and day', () => {
  const a = Journey.id('CCA');
  const b = Journey.id('CCB');
  const sku = Journey.id('LAMP');
  let from: string;
  let to: string;

  const e2e = journeyStack(['order', 'inventory'], { topics: [NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    for (const store of [a, b]) {
      await e2e.j.location(store);
      await e2e.j.receive(store, sku, 10);
    }
    await e2e.j.price(sku, 1000);
  });

  const kpis = async (query: string, token?: string) =>
    http(
      'GET',
      `${e2e.stack.services.order.url}/kpis/channel-credit?from=${from}&to=${to}&${query}`,
      undefined,
      {},
      { token: token ?? (await mintToken({ sub: 'ops', scope: 'kpis:read' })) },
    );
  const collect = async (store: string, orderId: string) => {
    await e2e.j.pickAll(store, orderId);
    const group = (await e2e.j.get(orderId)).fulfilments[0];
    const res = await e2e.j.store(store, await tokens.pos(store)).collect(group.fulfilmentId, await e2e.j.pickupCode(orderId));
    expect(res.status).toBe(200);
    await e2e.j.status(orderId, 'COLLECTED');
  };
  const completed = (o: {
    orderId: string;
    storeId: string;
    kind: 'return' | 'exchange';
    orderChannel: 'web' | 'pos';
    placedAt: string | null;
    value: number;
  }) => {
    const p: ReturnCompletedPayload = {
      returnId: randomUUID(),
      orderId: o.orderId,
      kind: o.kind,
      storeId: o.storeId,
      associateId: 'a-1',
      orderChannel: o.orderChannel,
      orderPlacedAtStoreId: o.placedAt,
      authorisationId: null,
      policyVersion: 1,
      currency: 'EUR',
      lines: [{ lineId: randomUUID(), sku, quantity: o.value / 1000, unitPrice: 1000, condition: 'new', disposition: 'sellable', rule: 'within-window' }],
      replacements: o.kind === 'exchange' ? [{ sku, quantity: o.value / 1000, unitPrice: 1000 }] : [],
      difference: o.kind === 'exchange' ? 0 : -o.value,
      refundMethod: o.kind === 'exchange' ? null : 'original-tender',
      refundAmount: o.kind === 'exchange' ? 0 : o.value,
      charged: null,
      completedAt: new Date().toISOString(),
    };
    return testEvent(ReturnCompletedV1, p);
  };

  it('credits each store per channel the orders began in, each at the time it happened', async () => {
    from = new Date(Date.now() - 3_600_000).toISOString();
    // A's till sells two lamps for pickup at B (the endless aisle), paid there; B hands them over.
    const fromTill = await e2e.j.placeOrder(
      {
        channel: 'pos',
        contact: { email: 'ada@example.com' },
        fulfilments: [{ type: 'pickup', storeId: b, lines: [{ sku, quantity: 2, unitPrice: 1000 }] }],
        capturedTenders: [{ tender: 'card', amount: 2000, reference: 'TILL-A-1' }],
      },
      await tokens.pos(a),
    );
    await e2e.j.status(fromTill.id, 'RESERVED');
    await collect(b, fromTill.id);
    // A web order collected at A.
    const online = await e2e.j.place(a, [{ sku, quantity: 1 }], { contact: { email: 'bo@example.com' } });
    await e2e.j.status(online.id, 'RESERVED');
    await collect(a, online.id);
    // A web delivery of one lamp, shipped from whichever store inventory assigns it to.
    const delivered = await e2e.j.placeOrder({
      contact: { email: 'cy@example.com' },
      fulfilments: [{ type: 'delivery', address: testAddress, lines: [{ sku, quantity: 1, unitPrice: 1000 }] }],
    });
    const group = await e2e.j.groupStatus(delivered.id, 'RESERVED');
    expect((await e2e.j.packAndShip(group.storeId!, group.fulfilmentId)).status).toBe(200);
    await e2e.j.status(delivered.id, 'SHIPPED');
    const shipper = group.storeId!;
    // A takes the web order back; B exchanges the till's order.
    await e2e.probe.produce(RETURNS_EVENTS_TOPIC, [
      completed({ orderId: online.id, storeId: a, kind: 'return', orderChannel: 'web', placedAt: null, value: 1000 }),
      completed({ orderId: fromTill.id, storeId: b, kind: 'exchange', orderChannel: 'pos', placedAt: a, value: 2000 }),
    ]);
    to = new Date(Date.now() + 3_600_000).toISOString();

    // Worked out by hand: A sold 20.00 at its till (pos); collected 10.00 and took back 10.00 of
    // web orders; B collected 20.00 of A's till order and exchanged it (pos). The delivery is
    // credited to whichever store inventory had it shipped from.
    const zero = {
      sold: 0,
      soldAmount: 0,
      collected: 0,
      collectedAmount: 0,
      shipped: 0,
      shippedAmount: 0,
      exchanged: 0,
      exchangedAmount: 0,
      takenBack: 0,
      takenBackAmount: 0,
      fulfilledForOthersAmount: 0,
    };
    const day = expect.stringMatching(/T00:00:00Z$/);
    const shippedFromA = shipper === a ? { shipped: 1, shippedAmount: 1000 } : {};
    const shippedFromB = shipper === b ? { shipped: 1, shippedAmount: 1000 } : {};
    const expected = [
      { bucket: day, storeId: a, channel: 'pos', currency: 'EUR', ...zero, sold: 1, soldAmount: 2000 },
      {
        bucket: day,
        storeId: a,
        channel: 'web',
        currency: 'EUR',
        ...zero,
        collected: 1,
        collectedAmount: 1000,
        takenBack: 1,
        takenBackAmount: 1000,
        ...shippedFromA,
        fulfilledForOthersAmount: 1000 + (shipper === a ? 1000 : 0),
      },
      {
        bucket: day,
        storeId: b,
        channel: 'pos',
        currency: 'EUR',
        ...zero,
        collected: 1,
        collectedAmount: 2000,
        exchanged: 1,
        exchangedAmount: 2000,
        fulfilledForOthersAmount: 2000,
      },
      ...(shipper === b ? [{ bucket: day, storeId: b, channel: 'web', currency: 'EUR', ...zero, ...shippedFromB, fulfilledForOthersAmount: 1000 }] : []),
    ];
    await eventually(async () => expect((await kpis('')).body.rows.filter((r: { storeId: string }) => r.storeId === a || r.storeId === b)).toEqual(expected));

    // The headline gauges per store over the last 24 hours (read once, after the figures are in).
    const metrics = (await http('GET', `${e2e.stack.services.order.url}/metrics`, undefined, {}, { token: null })).body as string;
    const gauge = (name: string, labels: string) => metrics.match(new RegExp(`^${name}\\{${labels},service="order"\\} (\\S+)$`, 'm'))?.[1];
    for (const store of [a, b]) {
      const rows = expected.filter((r) => r.storeId === store);
      const sum = (...ks: (keyof typeof zero)[]) => rows.reduce((n, r) => n + ks.reduce((m, k) => m + (r[k] as number), 0), 0);
      expect([
        gauge('kpi_channel_credit_pos_sales', `store="${store}"`),
        gauge('kpi_channel_credit_fulfilled_for_others', `store="${store}"`),
        gauge('kpi_channel_credit_taken_back', `store="${store}"`),
      ]).toEqual([sum('sold'), sum('collected', 'shipped'), sum('exchanged', 'takenBack')].map(String));
      expect(gauge('kpi_channel_credit_fulfilled_for_others_amount', `store="${store}",currency="EUR"`)).toBe(String(sum('fulfilledForOthersAmount')));
    }

    // The same figures as the period's channel credit, added up over the rows.
    for (const store of [a, b]) {
      const period = (
        await http('GET', `${e2e.stack.services.order.url}/channel-credit/${store}?from=${from}&to=${to}`, undefined, {}, { token: await tokens.pos(store) })
      ).body;
      const rows = expected.filter((r) => r.storeId === store);
      const sum = (k: keyof typeof zero) => rows.reduce((n, r) => n + (r[k] as number), 0);
      const amount = (lines: { amount: number }[]) => lines.reduce((n, l) => n + l.amount, 0);
      expect([
        amount(period.soldHere),
        amount(period.collectedHere),
        amount(period.shippedFromHere),
        amount(period.exchangedHere),
        amount(period.takenBackHere),
      ]).toEqual([sum('soldAmount'), sum('collectedAmount'), sum('shippedAmount'), sum('exchangedAmount'), sum('takenBackAmount')]);
    }
  });

  it('filters by store and by the channel the orders began in, and holds a store token to its store', async () => {
    const onlyB = (await kpis(`storeId=${b}&channel=pos`)).body.rows;
    expect(onlyB.map((r: { storeId: string; channel: string; collectedAmount: number }) => [r.storeId, r.channel, r.collectedAmount])).toEqual([
      [b, 'pos', 2000],
    ]);
    const web = (await kpis(`channel=web&storeId=${a}`)).body.rows;
    expect(web.map((r: { channel: string; takenBack: number }) => [r.channel, r.takenBack])).toEqual([['web', 1]]);
    const storeToken = await mintToken({ sub: `pos:${a}:manager`, store_id: a, channel: 'pos', scope: 'kpis:read' });
    expect(new Set((await kpis('', storeToken)).body.rows.map((r: { storeId: string }) => r.storeId))).toEqual(new Set([a]));
    const other = await kpis(`storeId=${b}`, storeToken);
    expect([other.status, other.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const bad = await kpis('granularity=week');
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'granularity']);
  });
});
