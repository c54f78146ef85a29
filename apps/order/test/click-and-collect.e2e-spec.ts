import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, Journey, journeyStack, mintToken, tokens } from '@omni/testing';

const DAY = 24 * 3600 * 1000;

/**
 * Journey 1, click & collect, across the real services, Kafka and PostgreSQL: every step through
 * the HTTP APIs a storefront, a store and a POS use.
 */
describe('click & collect, end to end', () => {
  const warehouse = Journey.id('WH');

  const e2e = journeyStack(['order', 'inventory'], { topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC] });

  beforeAll(async () => {
    await e2e.j.location(warehouse, { kind: 'warehouse', transferDays: 2 });
  });

  const events = (orderId: string, type: string) => e2e.probe.on(ORDER_EVENTS_TOPIC, { key: orderId, type });
  const payload = (m: { value: string | null }) => JSON.parse(m.value ?? '{}');

  it('web order → reserved at the store → picked → ready with a code → collected at the POS of that store', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'JACKET-M', 3);
    const placed = await e2e.j.place(store, [{ sku: 'JACKET-M', quantity: 2, unitPrice: 12900 }]);

    await e2e.j.status(placed.id, 'RESERVED');
    expect(await e2e.j.stock(store, 'JACKET-M')).toMatchObject({ onHand: 3, reserved: 2, available: 1 });
    await e2e.j.pickAll(store, placed.id);
    const ready = await e2e.j.get(placed.id);
    expect(ready.pickupDeadline).toBeTruthy();
    expect(JSON.stringify(ready)).not.toMatch(/pickupCode/);

    const code = await e2e.j.pickupCode(placed.id);
    expect(code).toMatch(/^[0-9A-Z]{8}$/);
    const collected = await e2e.j.store(store).collect(placed.id, code);
    expect(collected.status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'COLLECTED');

    await eventually(async () => expect(await e2e.j.stock(store, 'JACKET-M')).toMatchObject({ onHand: 1, reserved: 0, available: 1 }));
    await eventually(() => expect(events(placed.id, 'payment.capture-requested.v1')).toHaveLength(1));
    expect(payload(events(placed.id, 'payment.capture-requested.v1')[0])).toMatchObject({ amount: 25800, currency: 'EUR' });
  });

  it('ship-to-store: the store lacks the item, a warehouse transfers it, the promise says so, then it is collected', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(warehouse, 'BOOTS-41', 5);
    const placed = await e2e.j.place(store, [{ sku: 'BOOTS-41', quantity: 1 }]);

    const awaiting = await e2e.j.status(placed.id, 'AWAITING_TRANSFER');
    expect(new Date(awaiting.readyBy).getTime()).toBeGreaterThan(Date.now() + 2 * DAY - 60_000);
    expect(await e2e.j.stock(warehouse, 'BOOTS-41')).toMatchObject({ onHand: 5, reserved: 1 });

    await e2e.j.deliverTransfers(store);
    await e2e.j.status(placed.id, 'RESERVED');
    expect(await e2e.j.stock(store, 'BOOTS-41')).toMatchObject({ onHand: 1, reserved: 1 });
    expect(await e2e.j.stock(warehouse, 'BOOTS-41')).toMatchObject({ onHand: 4, reserved: 0 });

    await e2e.j.pickAll(store, placed.id);
    expect((await e2e.j.store(store).collect(placed.id, await e2e.j.pickupCode(placed.id))).status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'COLLECTED');
  });

  it('a short pick is re-sourced from the warehouse and the order becomes ready when the transfer arrives', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'SCARF', 1);
    await e2e.j.receive(warehouse, 'SCARF', 2);
    const placed = await e2e.j.place(store, [{ sku: 'SCARF', quantity: 1 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    const line = placed.lines[0];

    expect((await e2e.j.store(store).startPicking(placed.id)).status).toBeLessThan(300);
    expect((await e2e.j.store(store).picks(placed.id, [{ lineId: line.lineId, pickedQuantity: 0 }])).status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'PARTIALLY_READY');
    // the unit the store could not find is written off there
    await eventually(async () => expect(await e2e.j.stock(store, 'SCARF')).toMatchObject({ onHand: 0, reserved: 0 }));

    await e2e.j.deliverTransfers(store);
    await e2e.j.status(placed.id, 'PICKING');
    await e2e.j.pickAll(store, placed.id);
  });

  it('a short pick with no stock anywhere cancels that line, refunds it, and readies the rest', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'HAT', 1);
    await e2e.j.receive(store, 'GLOVES', 1);
    const placed = await e2e.j.place(store, [
      { sku: 'HAT', quantity: 1, unitPrice: 2500 },
      { sku: 'GLOVES', quantity: 1, unitPrice: 1500 },
    ]);
    await e2e.j.status(placed.id, 'RESERVED');
    const hat = placed.lines.find((l) => l.sku === 'HAT')!;
    const gloves = placed.lines.find((l) => l.sku === 'GLOVES')!;
    expect((await e2e.j.store(store).startPicking(placed.id)).status).toBeLessThan(300);
    expect(
      (
        await e2e.j.store(store).picks(placed.id, [
          { lineId: hat.lineId, pickedQuantity: 1 },
          { lineId: gloves.lineId, pickedQuantity: 0 },
        ])
      ).status,
    ).toBeLessThan(300);

    await e2e.j.status(placed.id, 'READY_FOR_PICKUP');
    await eventually(() => expect(events(placed.id, 'order.line-cancelled.v1')).toHaveLength(1));
    const refunds = events(placed.id, 'payment.refund-requested.v2').map(payload);
    expect(refunds).toEqual([expect.objectContaining({ amount: 1500, reason: 'LINE.UNAVAILABLE' })]);
  });

  it('an uncollected order expires after its deadline, across a restart of the order service, releasing stock and requesting the refund', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store, { pickupHoldDays: 2 });
    await e2e.j.receive(store, 'UMBRELLA', 2);
    const placed = await e2e.j.place(store, [{ sku: 'UMBRELLA', quantity: 2, unitPrice: 3000 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);

    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: String(3 * DAY), EXPIRY_SWEEP_INTERVAL_MS: '500' }, { crash: true });
    await e2e.j.status(placed.id, 'EXPIRED');
    await eventually(async () => expect(await e2e.j.stock(store, 'UMBRELLA')).toMatchObject({ onHand: 2, reserved: 0, available: 2 }));
    await eventually(() =>
      expect(events(placed.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 6000, reason: 'ORDER.EXPIRED' })]),
    );
    await e2e.stack.services.order.restart({ CLOCK_OFFSET_MS: '0' });
  });

  it('the customer cancels before pickup: stock is released and the refund requested', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'BAG', 1);
    const placed = await e2e.j.place(store, [{ sku: 'BAG', quantity: 1, unitPrice: 4500 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    const res = await http('POST', `${e2e.j.order}/orders/${placed.id}/cancel`, { reason: 'changed my mind' });
    expect(res.status).toBeLessThan(300);
    await e2e.j.status(placed.id, 'CANCELLED');
    await eventually(async () => expect(await e2e.j.stock(store, 'BAG')).toMatchObject({ reserved: 0, available: 1 }));
    await eventually(() =>
      expect(events(placed.id, 'payment.refund-requested.v2').map(payload)).toEqual([expect.objectContaining({ amount: 4500, reason: 'ORDER.CANCELLED' })]),
    );
  });

  it('refuses the POS of another store and a wrong pickup code, changing nothing', async () => {
    const store = Journey.id('S');
    const other = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.location(other);
    await e2e.j.receive(store, 'BELT', 1);
    const placed = await e2e.j.place(store, [{ sku: 'BELT', quantity: 1 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    const code = await e2e.j.pickupCode(placed.id);

    // The other store's POS: through its own path the order is not its store's; through ours its token is refused.
    const otherPos = await tokens.pos(other);
    const elsewhere = await e2e.j.store(other, otherPos).collect(placed.id, code);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.code).toBe('ORDER.WRONG_STORE');
    const foreign = await e2e.j.store(store, otherPos).collect(placed.id, code);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('AUTH.FORBIDDEN');
    const wrong = await e2e.j.store(store, await tokens.pos(store)).collect(placed.id, code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('PICKUP.CODE_INVALID');
    expect((await e2e.j.get(placed.id)).status).toBe('READY_FOR_PICKUP');
    expect(await e2e.j.stock(store, 'BELT')).toMatchObject({ onHand: 1, reserved: 1 });
  });

  it('a pickup locked by wrong codes is unlocked by a supervisor of the store, audited, and then collected with the right code', async () => {
    const store = Journey.id('S');
    const other = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.location(other);
    await e2e.j.receive(store, 'SCARF', 1);
    const placed = await e2e.j.place(store, [{ sku: 'SCARF', quantity: 1 }]);
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    const code = await e2e.j.pickupCode(placed.id);
    const pos = e2e.j.store(store, await tokens.pos(store));
    for (let i = 0; i < 5; i++) expect((await pos.collect(placed.id, code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA')).body.code).toBe('PICKUP.CODE_INVALID');
    expect((await pos.collect(placed.id, code)).body.code).toBe('PICKUP.LOCKED');
    expect((await e2e.j.get(placed.id)).pickupLocked).toBe(true);

    // The associate who ran into the lock cannot lift it, nor can another store's supervisor.
    const byPos = await pos.unlockPickup(placed.id, 'customer insists');
    expect([byPos.status, byPos.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const byOther = await e2e.j.store(store, await tokens.supervisor(other)).unlockPickup(placed.id, 'ID card checked');
    expect([byOther.status, byOther.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    const noReason = await e2e.j.store(store, await tokens.supervisor(store, 'sup-7')).unlockPickup(placed.id, '');
    expect([noReason.status, noReason.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect((await e2e.j.get(placed.id)).pickupLocked).toBe(true);
    expect(events(placed.id, 'order.pickup-unlocked.v1')).toEqual([]);

    const supervisor = e2e.j.store(store, await tokens.supervisor(store, 'sup-7'));
    const unlocked = await supervisor.unlockPickup(placed.id, 'ID card checked at the counter');
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ status: 'READY_FOR_PICKUP', pickupLocked: false });
    const again = await supervisor.unlockPickup(placed.id, 'ID card checked at the counter');
    expect([again.status, again.body.code]).toEqual([409, 'PICKUP.NOT_LOCKED']);
    await eventually(() =>
      expect(events(placed.id, 'order.pickup-unlocked.v1').map(payload)).toEqual([
        expect.objectContaining({ orderId: placed.id, storeId: store, supervisorId: 'sup-7', reason: 'ID card checked at the counter', failedCodeAttempts: 5 }),
      ]),
    );

    const collected = await pos.collect(placed.id, code);
    expect(collected.status).toBe(200);
    await e2e.j.status(placed.id, 'COLLECTED');
    await eventually(async () => expect(await e2e.j.stock(store, 'SCARF')).toMatchObject({ onHand: 0, reserved: 0 }));
  });

  it("a customer without the code collects against an identity document in the order's name; the associate and document are published", async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'GLOVES', 1);
    const placed = await e2e.j.place(store, [{ sku: 'GLOVES', quantity: 1 }], {
      customerId: null,
      contact: { email: 'ada.martin@example.com', name: 'Ada Martin' },
    });
    await e2e.j.status(placed.id, 'RESERVED');
    await e2e.j.pickAll(store, placed.id);
    const byId = (token: string) => (body: unknown) =>
      http('POST', `${e2e.j.order}/stores/${store}/orders/${placed.id}/collect-with-identity`, body, {}, { token });
    const associate = byId(await tokens.pos(store, 'assoc-3'));
    const document = { document: 'national-id', documentNumberEnd: '7A21' };

    // Another name, or a token that names no associate, hands nothing over.
    const otherName = await associate({ ...document, nameOnDocument: 'Ada Lovelace' });
    expect([otherName.status, otherName.body.code]).toEqual([422, 'PICKUP.IDENTITY_MISMATCH']);
    const anonymousPos = await byId(await mintToken({ sub: 'pos-terminal', store_id: store, channel: 'pos', scope: 'store:operate orders:read' }))({
      ...document,
      nameOnDocument: 'Ada Martin',
    });
    expect([anonymousPos.status, anonymousPos.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
    expect((await e2e.j.get(placed.id)).status).toBe('READY_FOR_PICKUP');

    const collected = await associate({ ...document, nameOnDocument: 'MARTIN Adà' });
    expect([collected.status, collected.body.status]).toEqual([200, 'COLLECTED']);
    await eventually(() =>
      expect(events(placed.id, 'order.collected.v1').map(payload)).toEqual([
        expect.objectContaining({ storeId: store, identityCheck: { document: 'national-id', documentNumberEnd: '7A21', associateId: 'assoc-3' } }),
      ]),
    );
    await eventually(async () => expect(await e2e.j.stock(store, 'GLOVES')).toMatchObject({ onHand: 0, reserved: 0 }));
  });

  it('concurrent orders for the last units: exactly that many are reserved, the others rejected, stock never negative', async () => {
    const store = Journey.id('S');
    await e2e.j.location(store);
    await e2e.j.receive(store, 'LIMITED', 4);
    // No other location holds LIMITED, so nothing can be sourced elsewhere.
    const orders = await Promise.all(Array.from({ length: 10 }, () => e2e.j.place(store, [{ sku: 'LIMITED', quantity: 1 }])));
    const statuses = await eventually(async () => {
      const s = await Promise.all(orders.map(async (o) => (await e2e.j.get(o.id)).status as string));
      expect(s.filter((x) => x === 'PLACED')).toEqual([]);
      return s;
    });
    expect(statuses.filter((s) => s === 'RESERVED')).toHaveLength(4);
    expect(statuses.filter((s) => s === 'REJECTED')).toHaveLength(6);
    expect(await e2e.j.stock(store, 'LIMITED')).toMatchObject({ onHand: 4, reserved: 4, available: 0 });
  });
});
