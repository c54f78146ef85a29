import { InventoryRejectedV1, ReservationReleasedV1 } from '@omni/contracts';
import { eventually, FAST_TEST_ENV, freePort, http, ServiceProcess, sql, testInfra } from '@omni/testing';
import { randomUUID } from 'node:crypto';
import { orderServiceAlone } from './pickup.harness';

/** The order service's side of click & collect, alone (pickup.harness.ts): cancellations, refusals and expiry. */
describe('order service: click & collect — cancellations, refusals and expiry', () => {
  const h = orderServiceAlone();
  const { store, otherStore, HOLD_DAYS, url, inject, place, get, status, waitFor, storeCall, orderEvents, notices, payload, reserve, readyOrder } = h;
  let db: string;
  let service: ServiceProcess;
  beforeAll(() => {
    ({ db, service } = h.current());
  });

  it('cancellation by the customer: CANCELLED, order.cancelled, full refund, notice; a second cancel is 409', async () => {
    const order = await place();
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    const res = await http('POST', `${url()}/orders/${order.id}/cancel`, { reason: 'found it cheaper' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', cancellation: { by: 'customer', reason: 'found it cheaper' } });
    await eventually(() => expect(orderEvents(order.id, 'order.cancelled.v1').map(payload)).toEqual([expect.objectContaining({ cancelledBy: 'customer' })]));
    await eventually(() =>
      expect(orderEvents(order.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 3000, reason: 'ORDER.CANCELLED' })]),
    );
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

  it("a store acting on another store's order is refused with 403 and nothing changes", async () => {
    const order = await place();
    await reserve(order);
    await waitFor(order.id, 'RESERVED');
    for (const [action, body] of [
      ['picking', {}],
      ['cancel', { reason: 'x' }],
      ['collect', { pickupCode: 'ABCDEFGH' }],
    ] as const) {
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
    expect(await sql(db, 'SELECT failed_code_attempts, status FROM fulfilment_groups WHERE order_id = $1', [order.id])).toEqual([
      { failed_code_attempts: 5, status: 'READY_FOR_PICKUP' },
    ]);
    expect((await get(order.id)).pickupLocked).toBe(true);
  });

  it('rejected by inventory: REJECTED and a full refund requested; a late reserved changes nothing', async () => {
    const order = await place();
    await inject(InventoryRejectedV1, {
      orderId: order.id,
      locationId: store,
      reason: 'STOCK.INSUFFICIENT',
      shortLines: [{ sku: 'TSHIRT-M', requested: 2, available: 0 }],
      rejectedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'REJECTED');
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 3000 })]));
    const late = await reserve(order);
    await eventually(async () =>
      expect(await sql(db, 'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1', [late.headers['ce_id']])).toEqual([{ n: 1 }]),
    );
    expect(await sql(db, `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = 'order.confirmed.v1'`, [order.id])).toEqual([{ n: 0 }]);
    expect(await status(order.id)).toBe('REJECTED');
  });

  it('an expired reservation cancels an unconfirmed order by the system', async () => {
    const order = await place();
    const l = order.lines[0];
    await inject(ReservationReleasedV1, {
      orderId: order.id,
      reason: 'RESERVATION.EXPIRED',
      lines: [{ lineId: l.lineId, sku: l.sku, quantity: l.quantity, locationId: store }],
      releasedAt: new Date().toISOString(),
    });
    await waitFor(order.id, 'CANCELLED');
    expect((await get(order.id)).cancellation).toMatchObject({ by: 'system', reason: 'RESERVATION.EXPIRED' });
    await eventually(() => expect(orderEvents(order.id, 'payment.refund-requested.v2')).toHaveLength(1));
  });

  it('invalid transitions are 409 ORDER.INVALID_TRANSITION; unknown orders 404', async () => {
    const order = await place();
    for (const [action, body] of [
      ['picking', {}],
      ['collect', { pickupCode: 'ABCDEFGH' }],
    ] as const) {
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
    const res = await http('POST', `${url()}/orders`, {
      channel: 'fax',
      storeId: store,
      currency: 'EUR',
      lines: [{ sku: 'X', quantity: 0, unitPrice: 1 }],
      extra: 1,
    });
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
    expect(picks.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`)).toEqual(
      expect.arrayContaining(['lines.0.lineId:isUuid', 'lines.0.pickedQuantity:min']),
    );
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
    h.replace(service);
    await service.ready();
    await waitFor(order.id, 'EXPIRED');
    await eventually(() => expect(orderEvents(order.id, 'order.expired.v1')).toHaveLength(1));
    await eventually(() =>
      expect(orderEvents(order.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 12000, reason: 'ORDER.EXPIRED' })]),
    );
    await eventually(() => expect(notices(order.id).map((n) => n.template)).toEqual(['pickup-ready', 'pickup-expired']));
    const collect = await storeCall(order.id, 'collect', { pickupCode: 'ABCDEFGH' });
    expect(collect.status).toBe(409);
  });
});
