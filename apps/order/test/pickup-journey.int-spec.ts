import {
  deadLetterTopicOf,
  envelopeFor,
  InventoryReservedV1,
  ORDER_EVENTS_TOPIC,
  PaymentCapturedV1,
  PaymentRefundedV1,
  ShortPickResolvedV1,
  toWireMessage,
  TransferReceivedV1,
} from '@omni/contracts';
import { eventually, http, KafkaProbe, sql, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { orderServiceAlone } from './pickup.harness';

/**
 * The order service's side of click & collect, alone against real Kafka and PostgreSQL: inventory
 * and payment answers are injected as those services would publish them. Cancellations, refusals
 * and expiry: pickup-refusals.int-spec.ts.
 */
describe('order service: click & collect', () => {
  const h = orderServiceAlone();
  const { store, HOLD_DAYS, url, inject, place, get, waitFor, storeCall, orderEvents, notices, payload, reserve } = h;
  let db: string;
  let probe: KafkaProbe;
  beforeAll(() => {
    ({ db, probe } = h.current());
  });

  it('happy path: reserved → picking → ready with a code → collected with it → capture requested and recorded', async () => {
    const order = await place([
      { sku: 'TSHIRT-M', quantity: 2, unitPrice: 1500 },
      { sku: 'CAP-1', quantity: 1, unitPrice: 800 },
    ]);
    expect((await get(order.id)).status).toBe('PLACED');
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    await eventually(() => expect(orderEvents(order.id, 'order.confirmed.v1')).toHaveLength(1));
    expect((await get(order.id)).readyBy).not.toBeNull();

    const list = (await http('GET', `${url()}/stores/${store}/pick-list`)).body;
    expect(list.orders.map((o: { orderId: string }) => o.orderId)).toContain(order.id);

    expect((await storeCall(order.id, 'picking')).body.status).toBe('PICKING');
    const [shirt, cap] = order.lines;
    const partial = await storeCall(order.id, 'picks', { lines: [{ lineId: shirt.lineId, pickedQuantity: 2 }] });
    expect(partial.body.status).toBe('PICKING');
    const ready = await storeCall(order.id, 'picks', { lines: [{ lineId: cap.lineId, pickedQuantity: 1 }] });
    expect(ready.body).toMatchObject({ status: 'READY_FOR_PICKUP' });
    expect(ready.body.pickupDeadline).not.toBeNull();
    expect(JSON.stringify(ready.body)).not.toMatch(/pickupCode|hash|salt/i);

    const notice = await eventually(() => {
      const n = notices(order.id);
      expect(n).toHaveLength(1);
      return n[0];
    });
    expect(notice).toMatchObject({ template: 'pickup-ready', storeId: store, customerId: 'cust-1', pickupDeadline: ready.body.pickupDeadline });
    expect(notice.pickupCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    await eventually(() => expect(orderEvents(order.id, 'order.ready-for-pickup.v1')).toHaveLength(1));
    expect(orderEvents(order.id, 'order.ready-for-pickup.v1')[0].value).not.toContain(notice.pickupCode);
    const [row] = await sql<{ pickup_code_hash: string }>(db, 'SELECT pickup_code_hash FROM fulfilment_groups WHERE order_id = $1', [order.id]);
    expect(row.pickup_code_hash).toMatch(/^[0-9a-f]{64}$/);
    const outboxOrderRows = await sql(db, `SELECT 1 FROM outbox WHERE message_key = $1 AND topic = $2 AND payload LIKE $3`, [
      order.id,
      ORDER_EVENTS_TOPIC,
      `%${notice.pickupCode}%`,
    ]);
    expect(outboxOrderRows).toEqual([]);
    // The notification request itself leaves the outbox as soon as Kafka has it: no code stays in the database in clear.
    await eventually(async () => expect(await sql(db, `SELECT topic FROM outbox WHERE payload LIKE $1`, [`%${notice.pickupCode}%`])).toEqual([]));
    // Every row of the order leaves the outbox once Kafka has it (the events above were read from Kafka).
    await eventually(async () => expect(await sql(db, `SELECT event_type FROM outbox WHERE message_key = $1`, [order.id])).toEqual([]));

    const collected = await storeCall(order.id, 'collect', { pickupCode: notice.pickupCode });
    expect(collected.status).toBe(200);
    expect(collected.body.status).toBe('COLLECTED');
    await eventually(() => expect(orderEvents(order.id, 'order.collected.v1')).toHaveLength(1));
    const capture = await eventually(() => {
      const c = orderEvents(order.id, 'payment.capture-requested.v1');
      expect(c).toHaveLength(1);
      return payload(c[0]);
    });
    expect(capture).toMatchObject({ amount: 2 * 1500 + 800, currency: 'EUR' });

    await inject(PaymentCapturedV1, { orderId: order.id, amount: 3800, currency: 'EUR', capturedAt: new Date().toISOString() });
    await eventually(async () => expect((await get(order.id)).payment).toMatchObject({ captureRequested: 3800, captured: 3800 }));
  });

  it('applies a redelivered inventory.reserved once', async () => {
    const order = await place();
    const lines = order.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: store, transferId: null }));
    const msg = toWireMessage(
      envelopeFor(InventoryReservedV1, {
        id: randomUUID(),
        source: '/test',
        time: new Date(),
        correlationId: randomUUID(),
        payload: {
          orderId: order.id,
          locationId: store,
          lines,
          transfers: [],
          readyBy: new Date().toISOString(),
          pickupHoldDays: 1,
          reservedAt: new Date().toISOString(),
        },
      }),
    );
    await probe.produce(InventoryReservedV1.topic, [msg, msg]);
    await waitFor(order.id, 'RESERVED');
    await eventually(async () => expect(await sql(db, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [msg.headers['ce_id']])).toEqual([{ n: 1 }]));
    await eventually(() => expect(orderEvents(order.id, 'order.confirmed.v1')).toHaveLength(1));
  });

  it('confirms reservations that arrive together in runs: each once, and one for an order it never saw is dead-lettered with its reason', async () => {
    const orders = await Promise.all(Array.from({ length: 12 }, () => place()));
    const reserved = (id: string, lines: { lineId: string; sku: string; quantity: number }[]) =>
      testEvent(InventoryReservedV1, {
        orderId: id,
        locationId: store,
        lines: lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: store, transferId: null })),
        transfers: [],
        readyBy: new Date(Date.now() + 3_600_000).toISOString(),
        pickupHoldDays: HOLD_DAYS,
        reservedAt: new Date().toISOString(),
      });
    const messages = orders.map((o) => reserved(o.id, o.lines));
    const unknown = reserved(randomUUID(), orders[0].lines);
    // One producer call: the events of a partition reach the consumer in one fetch, as a run; one
    // is there twice, and one names no order of this service.
    await probe.produce(InventoryReservedV1.topic, [...messages.slice(0, 6), unknown, messages[3], ...messages.slice(6)]);
    for (const o of orders) await waitFor(o.id, 'RESERVED');
    await eventually(() =>
      expect(probe.on(deadLetterTopicOf(InventoryReservedV1.topic), { key: unknown.key }).map((m) => m.headers['dlq-reason-code'])).toEqual([
        'ORDER.NOT_FOUND',
      ]),
    );
    for (const o of orders) await eventually(() => expect(orderEvents(o.id, 'order.confirmed.v1')).toHaveLength(1));
    const ids = messages.map((m) => m.headers['ce_id']);
    expect(await sql(db, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [ids])).toEqual([{ n: orders.length }]);
  });

  it('writes placements that arrive together in group commits: each answered on its own, a refused one changes nothing for the others, each order.placed with its own correlation id', async () => {
    const line = (quantity: number) => ({ sku: 'TSHIRT-M', quantity, unitPrice: 1500 });
    const asked = Array.from({ length: 16 }, (_, i) => ({ correlationId: `group-${randomUUID()}`, refused: i === 7 }));
    const answers = await Promise.all(
      asked.map(({ correlationId, refused }, i) =>
        http(
          'POST',
          `${url()}/orders`,
          refused
            ? {
                channel: 'web',
                customerId: 'cust-1',
                currency: 'EUR',
                fulfilments: [
                  { type: 'pickup', storeId: store, lines: [line(1)] },
                  { type: 'pickup', storeId: store, lines: [line(2)] },
                ],
              }
            : { channel: 'web', storeId: store, customerId: 'cust-1', currency: 'EUR', lines: [line(1 + (i % 3))] },
          { 'x-correlation-id': correlationId },
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(asked.map((a) => (a.refused ? 422 : 201)));
    expect(answers[7].body.code).toBe('ORDER.PICKUP_STORE_REPEATED');
    for (const [i, a] of answers.entries()) {
      if (asked[i].refused) continue;
      expect(a.body.lines).toEqual([expect.objectContaining({ sku: 'TSHIRT-M', quantity: 1 + (i % 3) })]);
      const placed = await eventually(() => {
        const m = orderEvents(a.body.id, 'order.placed.v2');
        expect(m).toHaveLength(1);
        return m[0];
      });
      expect(placed.headers['ce_correlationid']).toBe(asked[i].correlationId);
    }
    expect(
      await sql(db, `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[])`, [answers.filter((a) => a.status === 201).map((a) => a.body.id)]),
    ).toEqual([{ n: 15 }]);
  });

  it('ship to store: AWAITING_TRANSFER until the transfer is received, then RESERVED', async () => {
    const order = await place();
    const transferId = randomUUID();
    await reserve(order, { [order.lines[0].lineId]: transferId });
    await waitFor(order.id, 'AWAITING_TRANSFER');
    expect((await get(order.id)).lines[0]).toMatchObject({ sourceLocationId: 'W-1', pendingTransferId: transferId });
    expect((await storeCall(order.id, 'picking')).body.code).toBe('ORDER.INVALID_TRANSITION');

    const l = order.lines[0];
    await inject(TransferReceivedV1, {
      transferId,
      orderId: order.id,
      fromLocationId: 'W-1',
      toLocationId: store,
      lines: [{ lineId: l.lineId, sku: l.sku, quantity: l.quantity }],
      receivedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'RESERVED');
    expect((await get(order.id)).lines[0]).toMatchObject({ sourceLocationId: store, pendingTransferId: null });
  });

  it('short pick re-sourced: RESOURCING → PARTIALLY_READY (delay notice) → transfer received → PICKING → ready', async () => {
    const order = await place([{ sku: 'JEANS-32', quantity: 3, unitPrice: 4000 }]);
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    await storeCall(order.id, 'picking');
    const line = order.lines[0];
    const short = await storeCall(order.id, 'picks', { lines: [{ lineId: line.lineId, pickedQuantity: 1 }] });
    expect(short.body.status).toBe('RESOURCING');
    const shortPicked = await eventually(() => {
      const e = orderEvents(order.id, 'order.short-picked.v1');
      expect(e).toHaveLength(1);
      return payload(e[0]);
    });
    expect(shortPicked.lines).toEqual([{ lineId: line.lineId, sku: 'JEANS-32', missingQuantity: 2 }]);

    const transferId = randomUUID();
    await inject(ShortPickResolvedV1, {
      orderId: order.id,
      storeId: store,
      resourced: [
        {
          lineId: line.lineId,
          sku: line.sku,
          quantity: 2,
          fromLocationId: 'W-1',
          transferId,
          expectedArrivalAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      ],
      unavailable: [],
      resolvedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'PARTIALLY_READY');
    await eventually(() => expect(notices(order.id).map((n) => n.template)).toEqual(['pickup-delayed']));

    await inject(TransferReceivedV1, {
      transferId,
      orderId: order.id,
      fromLocationId: 'W-1',
      toLocationId: store,
      lines: [{ lineId: line.lineId, sku: line.sku, quantity: 2 }],
      receivedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'PICKING');
    const ready = await storeCall(order.id, 'picks', { lines: [{ lineId: line.lineId, pickedQuantity: 3 }] });
    expect(ready.body.status).toBe('READY_FOR_PICKUP');
  });

  it('short pick unavailable: the missing units are cancelled and refunded, the rest is ready', async () => {
    const order = await place([{ sku: 'SOCKS', quantity: 4, unitPrice: 300 }]);
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    await storeCall(order.id, 'picking');
    const line = order.lines[0];
    expect((await storeCall(order.id, 'picks', { lines: [{ lineId: line.lineId, pickedQuantity: 3 }] })).body.status).toBe('RESOURCING');
    await inject(ShortPickResolvedV1, {
      orderId: order.id,
      storeId: store,
      resourced: [],
      unavailable: [{ lineId: line.lineId, sku: line.sku, quantity: 1 }],
      resolvedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'READY_FOR_PICKUP');
    expect((await get(order.id)).lines[0]).toMatchObject({ quantity: 4, pickedQuantity: 3, cancelledQuantity: 1 });
    await eventually(() =>
      expect(orderEvents(order.id, 'order.line-cancelled.v1').map(payload)).toEqual([expect.objectContaining({ lineId: line.lineId, quantity: 1 })]),
    );
    const refund = await eventually(() => {
      const r = orderEvents(order.id, 'payment.refund-requested.v2');
      expect(r).toHaveLength(1);
      return payload(r[0]);
    });
    expect(refund).toMatchObject({ amount: 300, reason: 'LINE.UNAVAILABLE' });
    await eventually(() => expect(notices(order.id).map((n) => n.template)).toEqual(['line-cancelled', 'pickup-ready']));

    await inject(PaymentRefundedV1, { orderId: order.id, refundId: refund.refundId, amount: 300, currency: 'EUR', refundedAt: new Date().toISOString() });
    await eventually(async () => expect((await get(order.id)).payment).toMatchObject({ refundRequested: 300, refunded: 300 }));
  });
});
