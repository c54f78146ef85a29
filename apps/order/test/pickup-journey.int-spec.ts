import {
  deadLetterTopicOf,
  EventDefinition,
  envelopeFor,
  InventoryRejectedV1,
  InventoryReservedV1,
  NOTIFICATION_REQUESTS_TOPIC,
  ORDER_EVENTS_TOPIC,
  PaymentCapturedV1,
  PaymentRefundedV1,
  ReservationReleasedV1,
  ShortPickResolvedV1,
  toWireMessage,
  TransferReceivedV1,
} from '@omni/contracts';
import { eventually, FAST_TEST_ENV, freePort, http, KafkaProbe, ServiceProcess, sql, Stack, startStack, testEvent, testInfra } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/**
 * The order service's side of click & collect, alone against real Kafka and PostgreSQL: inventory
 * and payment answers are injected as those services would publish them.
 */
describe('order service: click & collect', () => {
  let stack: Stack;
  let probe: KafkaProbe;
  let service: ServiceProcess;
  let db: string;
  const store = `S-${randomUUID().slice(0, 8)}`;
  const otherStore = `S-${randomUUID().slice(0, 8)}`;
  const HOLD_DAYS = 2;

  beforeAll(async () => {
    probe = await new KafkaProbe().watch([ORDER_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, deadLetterTopicOf(InventoryReservedV1.topic)]);
    stack = await startStack(['order'], { EXPIRY_SWEEP_INTERVAL_MS: '300' });
    service = stack.services.order;
    db = stack.databases.order;
  });
  afterAll(async () => {
    await service?.stop();
    await stack?.stop();
    await probe?.close();
  });

  const url = () => service.url;

  async function inject<P>(def: EventDefinition<P>, payload: P) {
    const msg = testEvent(def, payload);
    await probe.produce(def.topic, [msg]);
    return msg;
  }

  interface Line { lineId: string; sku: string; quantity: number; unitPrice: number }
  interface Placed { id: string; lines: Line[] }

  async function place(lines = [{ sku: 'TSHIRT-M', quantity: 2, unitPrice: 1500 }], storeId = store): Promise<Placed> {
    const res = await http('POST', `${url()}/orders`, { channel: 'web', storeId, customerId: 'cust-1', currency: 'EUR', lines });
    expect(res.status).toBe(201);
    return res.body;
  }

  const get = async (id: string) => (await http('GET', `${url()}/orders/${id}`)).body;
  const status = async (id: string) => (await get(id)).status;
  const waitFor = (id: string, expected: string) => eventually(async () => expect(await status(id)).toBe(expected));
  const storeCall = (id: string, action: string, body?: unknown, storeId = store) => http('POST', `${url()}/stores/${storeId}/orders/${id}/${action}`, body ?? {});
  const orderEvents = (id: string, type: string) => probe.on(ORDER_EVENTS_TOPIC, { key: id, type });
  // Version 2; version 1 carries the same requests while its readers move (ADR 0005, ADR 0007).
  const notices = (id: string) => probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: id, type: 'notification.requested.v2' }).map((m) => JSON.parse(m.value!));
  const payload = (m: { value: string | null }) => JSON.parse(m.value!);

  async function reserve(o: Placed, transfers: Record<string, string> = {}) {
    const lines = o.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, sourceLocationId: transfers[l.lineId] ? 'W-1' : store, transferId: transfers[l.lineId] ?? null }));
    return inject(InventoryReservedV1, {
      orderId: o.id,
      locationId: store,
      lines,
      transfers: [...new Set(Object.values(transfers))].map((t) => ({ transferId: t, fromLocationId: 'W-1', toLocationId: store, expectedArrivalAt: new Date(Date.now() + 86_400_000).toISOString() })),
      readyBy: new Date(Date.now() + 3_600_000).toISOString(),
      pickupHoldDays: HOLD_DAYS,
      reservedAt: new Date().toISOString(),
    });
  }

  /** Places an order, has it reserved at the store and picked in full: READY_FOR_PICKUP, with the code the customer was sent. */
  async function readyOrder(lines?: { sku: string; quantity: number; unitPrice: number }[]): Promise<{ order: Placed; code: string }> {
    const order = await place(lines);
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    expect((await storeCall(order.id, 'picking')).status).toBe(200);
    const res = await storeCall(order.id, 'picks', { lines: order.lines.map((l) => ({ lineId: l.lineId, pickedQuantity: l.quantity })) });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('READY_FOR_PICKUP');
    const notice = await eventually(() => {
      const n = notices(order.id).filter((x) => x.template === 'pickup-ready');
      expect(n).toHaveLength(1);
      return n[0];
    });
    return { order, code: notice.pickupCode };
  }

  it('happy path: reserved → picking → ready with a code → collected with it → capture requested and recorded', async () => {
    const order = await place([{ sku: 'TSHIRT-M', quantity: 2, unitPrice: 1500 }, { sku: 'CAP-1', quantity: 1, unitPrice: 800 }]);
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
    const outboxOrderRows = await sql(db, `SELECT 1 FROM outbox WHERE message_key = $1 AND topic = $2 AND payload LIKE $3`, [order.id, ORDER_EVENTS_TOPIC, `%${notice.pickupCode}%`]);
    expect(outboxOrderRows).toEqual([]);
    // The notification request itself leaves the outbox as soon as Kafka has it: no code stays in the database in clear.
    await eventually(async () => expect(await sql(db, `SELECT topic FROM outbox WHERE payload LIKE $1`, [`%${notice.pickupCode}%`])).toEqual([]));
    expect(await sql(db, `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND topic = $2 AND sent_at IS NOT NULL`, [order.id, ORDER_EVENTS_TOPIC])).not.toEqual([{ n: 0 }]);

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
        payload: { orderId: order.id, locationId: store, lines, transfers: [], readyBy: new Date().toISOString(), pickupHoldDays: 1, reservedAt: new Date().toISOString() },
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
    await eventually(() => expect(probe.on(deadLetterTopicOf(InventoryReservedV1.topic), { key: unknown.key }).map((m) => m.headers['dlq-reason-code'])).toEqual(['ORDER.NOT_FOUND']));
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
            ? { channel: 'web', customerId: 'cust-1', currency: 'EUR', fulfilments: [{ type: 'pickup', storeId: store, lines: [line(1)] }, { type: 'pickup', storeId: store, lines: [line(2)] }] }
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
    expect(await sql(db, `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[])`, [answers.filter((a) => a.status === 201).map((a) => a.body.id)])).toEqual([{ n: 15 }]);
  });

  it('ship to store: AWAITING_TRANSFER until the transfer is received, then RESERVED', async () => {
    const order = await place();
    const transferId = randomUUID();
    await reserve(order, { [order.lines[0].lineId]: transferId });
    await waitFor(order.id, 'AWAITING_TRANSFER');
    expect((await get(order.id)).lines[0]).toMatchObject({ sourceLocationId: 'W-1', pendingTransferId: transferId });
    expect((await storeCall(order.id, 'picking')).body.code).toBe('ORDER.INVALID_TRANSITION');

    const l = order.lines[0];
    await inject(TransferReceivedV1, { transferId, orderId: order.id, fromLocationId: 'W-1', toLocationId: store, lines: [{ lineId: l.lineId, sku: l.sku, quantity: l.quantity }], receivedAt: new Date().toISOString() });
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
      resourced: [{ lineId: line.lineId, sku: line.sku, quantity: 2, fromLocationId: 'W-1', transferId, expectedArrivalAt: new Date(Date.now() + 86_400_000).toISOString() }],
      unavailable: [],
      resolvedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'PARTIALLY_READY');
    await eventually(() => expect(notices(order.id).map((n) => n.template)).toEqual(['pickup-delayed']));

    await inject(TransferReceivedV1, { transferId, orderId: order.id, fromLocationId: 'W-1', toLocationId: store, lines: [{ lineId: line.lineId, sku: line.sku, quantity: 2 }], receivedAt: new Date().toISOString() });
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
    await inject(ShortPickResolvedV1, { orderId: order.id, storeId: store, resourced: [], unavailable: [{ lineId: line.lineId, sku: line.sku, quantity: 1 }], resolvedAt: new Date().toISOString() });
    await waitFor(order.id, 'READY_FOR_PICKUP');
    expect((await get(order.id)).lines[0]).toMatchObject({ quantity: 4, pickedQuantity: 3, cancelledQuantity: 1 });
    await eventually(() => expect(orderEvents(order.id, 'order.line-cancelled.v1').map(payload)).toEqual([expect.objectContaining({ lineId: line.lineId, quantity: 1 })]));
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

  it('cancellation by the customer: CANCELLED, order.cancelled, full refund, notice; a second cancel is 409', async () => {
    const order = await place();
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    const res = await http('POST', `${url()}/orders/${order.id}/cancel`, { reason: 'found it cheaper' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'customer', reason: 'found it cheaper' } });
    await eventually(() => expect(orderEvents(order.id, 'order.cancelled.v1').map(payload)).toEqual([expect.objectContaining({ cancelledBy: 'customer' })]));
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 3000, reason: 'ORDER.CANCELLED' })]));
    await eventually(() => expect(notices(order.id).map((n) => n.template)).toEqual(['order-cancelled']));
    const again = await http('POST', `${url()}/orders/${order.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORDER.INVALID_TRANSITION');
  });

  it('cancellation by the store of a ready order', async () => {
    const { order } = await readyOrder();
    const res = await storeCall(order.id, 'cancel', { reason: 'damaged in store' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'store', reason: 'damaged in store' } });
    await eventually(() => expect(orderEvents(order.id, 'order.cancelled.v1').map(payload)).toEqual([expect.objectContaining({ cancelledBy: 'store' })]));
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2')).toHaveLength(1));
  });

  it('a store acting on another store\'s order is refused with 403 and nothing changes', async () => {
    const order = await place();
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    for (const [action, body] of [['picking', {}], ['cancel', { reason: 'x' }], ['collect', { pickupCode: 'ABCDEFGH' }]] as const) {
      const res = await storeCall(order.id, action, body, otherStore);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('ORDER.WRONG_STORE');
    }
    expect(await status(order.id)).toBe('RESERVED');
    expect((await http('GET', `${url()}/stores/${otherStore}/pick-list`)).body.orders).toEqual([]);
  });

  it('wrong codes: 422 each, the sixth attempt is 409 PICKUP.LOCKED even with the right code', async () => {
    const { order, code } = await readyOrder();
    const wrong = code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    for (let i = 0; i < 5; i++) {
      const res = await storeCall(order.id, 'collect', { pickupCode: wrong });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('PICKUP.CODE_INVALID');
    }
    const locked = await storeCall(order.id, 'collect', { pickupCode: code });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('PICKUP.LOCKED');
    expect(await sql(db, 'SELECT failed_code_attempts, status FROM fulfilment_groups WHERE order_id = $1', [order.id])).toEqual([{ failed_code_attempts: 5, status: 'READY_FOR_PICKUP' }]);
    expect((await get(order.id)).pickupLocked).toBe(true);
  });

  it('rejected by inventory: REJECTED and a full refund requested; a late reserved changes nothing', async () => {
    const order = await place();
    await inject(InventoryRejectedV1, { orderId: order.id, locationId: store, reason: 'STOCK.INSUFFICIENT', shortLines: [{ sku: 'TSHIRT-M', requested: 2, available: 0 }], rejectedAt: new Date().toISOString() });
    await waitFor(order.id, 'REJECTED');
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 3000 })]));
    const late = await reserve(order);
    await eventually(async () => expect(await sql(db, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [late.headers['ce_id']])).toEqual([{ n: 1 }]));
    expect(await sql(db, `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = 'order.confirmed.v1'`, [order.id])).toEqual([{ n: 0 }]);
    expect(await status(order.id)).toBe('REJECTED');
  });

  it('an expired reservation cancels an unconfirmed order by the system', async () => {
    const order = await place();
    const l = order.lines[0];
    await inject(ReservationReleasedV1, { orderId: order.id, reason: 'RESERVATION.EXPIRED', lines: [{ lineId: l.lineId, sku: l.sku, quantity: l.quantity, locationId: store }], releasedAt: new Date().toISOString() });
    await waitFor(order.id, 'CANCELLED');
    expect((await get(order.id)).cancellation).toMatchObject({ by: 'system', reason: 'RESERVATION.EXPIRED' });
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2')).toHaveLength(1));
  });

  it('invalid transitions are 409 ORDER.INVALID_TRANSITION; unknown orders 404', async () => {
    const order = await place();
    for (const [action, body] of [['picking', {}], ['collect', { pickupCode: 'ABCDEFGH' }]] as const) {
      const res = await storeCall(order.id, action, body);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('ORDER.INVALID_TRANSITION');
    }
    const picks = await storeCall(order.id, 'picks', { lines: [{ lineId: order.lines[0].lineId, pickedQuantity: 1 }] });
    expect(picks.status).toBe(409);
    const missing = await storeCall(randomUUID(), 'picking');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('ORDER.NOT_FOUND');
    expect((await http('GET', `${url()}/orders/${randomUUID()}`)).status).toBe(404);
  });

  it('bad input is 400 naming the field and rule, and stores nothing', async () => {
    // Orders at this test's store only: the service may be placing replacement orders from earlier test files' events.
    const atStore = () => sql(db, 'SELECT count(DISTINCT order_id)::int AS n FROM fulfilment_groups WHERE store_id = $1', [store]);
    const before = await atStore();
    const res = await http('POST', `${url()}/orders`, { channel: 'fax', storeId: store, currency: 'EUR', lines: [{ sku: 'X', quantity: 0, unitPrice: 1 }], extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const fields = res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['channel:isIn', 'lines.0.quantity:min', 'extra:whitelistValidation']));
    expect(await atStore()).toEqual(before);

    const order = await place();
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    await storeCall(order.id, 'picking');
    const picks = await storeCall(order.id, 'picks', { lines: [{ lineId: 'nope', pickedQuantity: -1 }] });
    expect(picks.status).toBe(400);
    expect(picks.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(expect.arrayContaining(['lines.0.lineId:isUuid', 'lines.0.pickedQuantity:min']));
    const cancel = await storeCall(order.id, 'cancel', {});
    expect(cancel.status).toBe(400);
    expect(cancel.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    const collect = await storeCall(order.id, 'collect', { pickupCode: 7 });
    expect(collect.status).toBe(400);
    expect((await http('POST', `${url()}/orders/not-a-uuid/cancel`, {})).status).toBe(400);
    const after = await get(order.id);
    expect(after.status).toBe('PICKING');
    expect(after.lines[0].pickedQuantity).toBe(0);
  });

  // Last: it replaces the service with one whose clock is past every deadline.
  it('expires a ready order after a restart with the clock past its deadline, refunding it', async () => {
    const { order } = await readyOrder([{ sku: 'COAT', quantity: 1, unitPrice: 12000 }]);
    await service.stop();
    expect(service.running).toBe(false);
    service = new ServiceProcess('order', await freePort(), {
      ...FAST_TEST_ENV,
      KAFKA_BROKERS: testInfra().kafkaBrokers,
      DATABASE_URL: db,
      EXPIRY_SWEEP_INTERVAL_MS: '300',
      CLOCK_OFFSET_MS: String((HOLD_DAYS + 1) * 86_400_000),
    }).start();
    await service.ready();
    await waitFor(order.id, 'EXPIRED');
    await eventually(() => expect(orderEvents(order.id, 'order.expired.v1')).toHaveLength(1));
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 12000, reason: 'ORDER.EXPIRED' })]));
    await eventually(() => expect(notices(order.id).map((n) => n.template)).toEqual(['pickup-ready', 'pickup-expired']));
    const collect = await storeCall(order.id, 'collect', { pickupCode: 'ABCDEFGH' });
    expect(collect.status).toBe(409);
  });
});
