import { deadLetterTopicOf, INVENTORY_EVENTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, KafkaProbe, sql, Stack, startStack, tokens } from '@omni/testing';
import { InventoryDriver, uniq } from './inventory.harness';

const DAY = 24 * 3600 * 1000;

/** Click & collect from inventory's side: sourcing, transfers, and the order's lifecycle, on real Kafka and PostgreSQL. */
describe('inventory click & collect', () => {
  let stack: Stack;
  let db: string;
  let inv: InventoryDriver;
  const url = () => stack.services.inventory.url;

  beforeAll(async () => {
    const probe = await new KafkaProbe().watch([INVENTORY_EVENTS_TOPIC, deadLetterTopicOf(ORDER_EVENTS_TOPIC)]);
    stack = await startStack(['inventory']);
    db = stack.databases.inventory;
    inv = new InventoryDriver(url, probe, { http, eventually });
  });
  afterAll(async () => {
    await stack?.stop();
    await inv?.probe.close();
  });

  it('ships to the store from a warehouse when the store lacks stock, and re-reserves the units at the store on receipt', async () => {
    const store = await inv.location(uniq('S'), { pickTimeMinutes: 45, pickupHoldDays: 5 });
    const wh = await inv.location(uniq('W'), { kind: 'warehouse', transferDays: 2 });
    const sku = uniq('SKU');
    await inv.receive(wh, sku, 10);

    const order = await inv.place(store, [{ sku, quantity: 3 }]);
    const [reserved] = await inv.published(order.orderId, 'inventory.reserved');
    expect(reserved.lines).toEqual([{ lineId: order.lines[0].lineId, sku, quantity: 3, sourceLocationId: wh, transferId: expect.any(String) }]);
    const transferId = reserved.lines[0].transferId;
    expect(reserved.transfers).toEqual([{ transferId, fromLocationId: wh, toLocationId: store, expectedArrivalAt: expect.any(String) }]);
    expect(Date.parse(reserved.transfers[0].expectedArrivalAt) - Date.parse(reserved.reservedAt)).toBe(2 * DAY);
    expect(Date.parse(reserved.readyBy) - Date.parse(reserved.reservedAt)).toBe(2 * DAY + 45 * 60_000);
    expect(reserved.pickupHoldDays).toBe(5);
    expect(await inv.stock(wh, sku)).toMatchObject({ onHand: 10, reserved: 3 });

    expect((await http('GET', `${url()}/transfers/${transferId}`)).body).toMatchObject({
      status: 'REQUESTED',
      orderId: order.orderId,
      lines: [{ sku, quantity: 3 }],
    });
    expect((await http('GET', `${url()}/locations/${store}/transfers?direction=inbound`)).body.transfers).toEqual([expect.objectContaining({ transferId })]);
    expect((await http('GET', `${url()}/locations/${wh}/transfers?direction=outbound`)).body.transfers).toEqual([expect.objectContaining({ transferId })]);
    expect((await http('GET', `${url()}/locations/${store}/transfers?direction=outbound`)).body.transfers).toEqual([]);

    expect((await http('POST', `${url()}/transfers/${transferId}/ship`)).body).toMatchObject({ status: 'SHIPPED' });
    const [shipped] = await inv.published(order.orderId, 'inventory.transfer-shipped');
    expect(shipped).toMatchObject({ transferId, fromLocationId: wh, toLocationId: store });
    // shipped units have left the warehouse and are not yet at the store
    expect(await inv.stock(wh, sku)).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 0, reserved: 0 });

    expect((await http('POST', `${url()}/transfers/${transferId}/receive`)).body).toMatchObject({ status: 'RECEIVED' });
    const [received] = await inv.published(order.orderId, 'inventory.transfer-received');
    expect(received).toMatchObject({ transferId, lines: [{ lineId: order.lines[0].lineId, sku, quantity: 3 }] });
    expect(await inv.stock(wh, sku)).toMatchObject({ onHand: 7, reserved: 0 });
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 3, reserved: 3, available: 0 });
    const rows = await sql(db, `SELECT location_id, status, quantity FROM reservations WHERE order_id = $1 ORDER BY created_at, status`, [order.orderId]);
    expect(rows).toEqual([
      { location_id: wh, status: 'CONSUMED', quantity: 3 },
      { location_id: store, status: 'ACTIVE', quantity: 3 },
    ]);

    // A received transfer cannot be received or shipped again: 409, nothing moves.
    const again = await http('POST', `${url()}/transfers/${transferId}/receive`);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.code).toBe('TRANSFER.INVALID_TRANSITION');
    expect((await http('POST', `${url()}/transfers/${transferId}/ship`)).status).toBe(409);
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 3, reserved: 3 });

    // Collection consumes the units at the store.
    await inv.collect(order);
    const [consumed] = await inv.published(order.orderId, 'inventory.reservation-consumed');
    expect(consumed).toMatchObject({ locationId: store, lines: [{ lineId: order.lines[0].lineId, sku, quantity: 3 }] });
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('an order cancelled while its transfer travels: the units arrive unreserved, and the source can promise what it still has', async () => {
    const store = await inv.location(uniq('S'));
    const other = await inv.location(uniq('S'));
    const wh = await inv.location(uniq('W'), { kind: 'warehouse', transferDays: 2 });
    const sku = uniq('SKU');
    await inv.receive(wh, sku, 1);
    const order = await inv.place(store, [{ sku, quantity: 1 }]);
    const [reserved] = await inv.published(order.orderId, 'inventory.reserved');
    const transferId = reserved.lines[0].transferId;
    expect((await http('POST', `${url()}/transfers/${transferId}/ship`)).status).toBe(200);

    await inv.cancel(order);
    const [released] = await inv.published(order.orderId, 'inventory.reservation-released');
    expect(released.lines).toEqual([expect.objectContaining({ sku, quantity: 1, locationId: store })]);
    // the warehouse has nothing left to promise: a new order finds no stock anywhere
    const late = await inv.place(other, [{ sku, quantity: 1 }]);
    await inv.published(late.orderId, 'inventory.rejected');

    expect((await http('POST', `${url()}/transfers/${transferId}/receive`)).status).toBe(200);
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect(await inv.stock(wh, sku)).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('prefers a single location that covers all lines over faster ones that cover only some', async () => {
    const store = await inv.location(uniq('S'));
    const fastA = await inv.location(uniq('WA'), { kind: 'warehouse', transferDays: 1 });
    const fastB = await inv.location(uniq('WB'), { kind: 'warehouse', transferDays: 1 });
    const all = await inv.location(uniq('WALL'), { kind: 'warehouse', transferDays: 3 });
    const [a, b] = [uniq('A'), uniq('B')];
    await inv.receive(fastA, a, 5);
    await inv.receive(fastB, b, 5);
    await inv.receive(all, a, 5);
    await inv.receive(all, b, 5);

    const order = await inv.place(store, [
      { sku: a, quantity: 2 },
      { sku: b, quantity: 2 },
    ]);
    const [reserved] = await inv.published(order.orderId, 'inventory.reserved');
    expect(reserved.lines.map((l: { sourceLocationId: string }) => l.sourceLocationId)).toEqual([all, all]);
    expect(reserved.transfers).toHaveLength(1);
    expect(await inv.stock(fastA, a)).toMatchObject({ reserved: 0 });
  });

  it('reserves nothing when one line cannot be placed anywhere', async () => {
    const store = await inv.location(uniq('S'));
    const wh = await inv.location(uniq('W'), { kind: 'warehouse' });
    const [a, b] = [uniq('A'), uniq('B')];
    await inv.receive(store, a, 5);
    await inv.receive(wh, b, 1);

    const order = await inv.place(store, [
      { sku: a, quantity: 1 },
      { sku: b, quantity: 2 },
    ]);
    const [rejected] = await inv.published(order.orderId, 'inventory.rejected');
    expect(rejected).toMatchObject({ reason: 'STOCK.INSUFFICIENT', shortLines: [{ sku: b, requested: 2, available: 0 }] });
    expect(await inv.stock(store, a)).toMatchObject({ reserved: 0 });
    expect(await inv.stock(wh, b)).toMatchObject({ reserved: 0 });
    expect(await sql(db, `SELECT count(*)::int AS n FROM transfers WHERE order_id = $1`, [order.orderId])).toEqual([{ n: 0 }]);
  });

  it('lists and counts transfers past their expected arrival until they are received', async () => {
    const store = await inv.location(uniq('S'));
    // A source whose transfers are expected the moment they are requested: at once overdue.
    const wh = await inv.location(uniq('W'), { kind: 'warehouse', transferDays: 0 });
    const sku = uniq('SKU');
    await inv.receive(wh, sku, 2);
    const order = await inv.place(store, [{ sku, quantity: 1 }]);
    const [reserved] = await inv.published(order.orderId, 'inventory.reserved');
    const transferId = reserved.lines[0].transferId;
    const overdue = async () =>
      ((await http('GET', `${url()}/transfers/overdue`)).body.transfers as { transferId: string; status: string }[]).filter((t) => t.transferId === transferId);
    const gauge = async (status: string) =>
      Number(new RegExp(`^transfers_overdue\\{[^}]*status="${status}"[^}]*\\} (\\d+)`, 'm').exec(String((await http('GET', `${url()}/metrics`)).body))?.[1]);

    expect(await overdue()).toEqual([expect.objectContaining({ transferId, status: 'REQUESTED', fromLocationId: wh, toLocationId: store })]);
    expect(await gauge('REQUESTED')).toBeGreaterThanOrEqual(1);
    // A store sees its own transfers only.
    const other = await http('GET', `${url()}/transfers/overdue`, undefined, {}, { token: await tokens.pos(uniq('ELSEWHERE')) });
    expect(other.body.transfers.map((t: { transferId: string }) => t.transferId)).not.toContain(transferId);

    expect((await http('POST', `${url()}/transfers/${transferId}/ship`)).status).toBe(200);
    expect(await overdue()).toEqual([expect.objectContaining({ transferId, status: 'SHIPPED' })]);
    expect(await gauge('SHIPPED')).toBeGreaterThanOrEqual(1);
    expect((await http('POST', `${url()}/transfers/${transferId}/receive`)).status).toBe(200);
    expect(await overdue()).toEqual([]);
  });

  it('answers availability per store and SKU: at the store, by transfer, or not at all', async () => {
    const store = await inv.location(uniq('S'), { pickTimeMinutes: 60 });
    const wh = await inv.location(uniq('W'), { kind: 'warehouse', transferDays: 2 });
    const [here, there, nowhere] = [uniq('H'), uniq('T'), uniq('N')];
    await inv.receive(store, here, 2);
    await inv.receive(wh, there, 5);

    const res = await http('GET', `${url()}/availability?skus=${here},${there},${nowhere}&stores=${store}&quantity=2`);
    expect(res.status).toBe(200);
    const by = (sku: string) => res.body.availability.find((a: { sku: string }) => a.sku === sku);
    expect(by(here)).toMatchObject({ storeId: store, availableAtStore: 2, pickup: { mode: 'store', fromLocationId: null } });
    expect(by(there)).toMatchObject({ availableAtStore: 0, pickup: { mode: 'transfer', fromLocationId: wh } });
    expect(Date.parse(by(there).pickup.readyBy) - Date.parse(by(here).pickup.readyBy)).toBeGreaterThan(2 * DAY - 60_000);
    expect(by(nowhere)).toMatchObject({ availableAtStore: 0, pickup: { mode: 'none', readyBy: null, fromLocationId: null } });

    // Safety stock is not promised.
    expect((await http('PUT', `${url()}/locations/${store}/stock/${here}/safety-stock`, { safetyStock: 1 })).body).toMatchObject({ available: 1 });
    const after = await http('GET', `${url()}/availability?skus=${here}&stores=${store}&quantity=2`);
    expect(after.body.availability[0]).toMatchObject({ availableAtStore: 1, pickup: { mode: 'none' } });

    // Two stores in one question: each is answered from its own shelves, the other one a candidate.
    const second = await inv.location(uniq('S'));
    await inv.receive(second, there, 1);
    const both = await http('GET', `${url()}/availability?skus=${there}&stores=${store},${second}`);
    expect(both.body.availability).toEqual([
      expect.objectContaining({ storeId: store, sku: there, availableAtStore: 0, pickup: expect.objectContaining({ mode: 'transfer' }) }),
      expect.objectContaining({ storeId: second, sku: there, availableAtStore: 1, pickup: expect.objectContaining({ mode: 'store' }) }),
    ]);
    const unknown = uniq('NOWHERE');
    const missing = await http('GET', `${url()}/availability?skus=${here}&stores=${store},${unknown}`);
    expect([missing.status, missing.body.code, missing.body.detail]).toEqual([404, 'LOCATION.NOT_FOUND', `no location ${unknown}`]);
  });

  it('answers concurrent availability checks, which share reads, each for its own SKUs and after every write before it', async () => {
    const store = await inv.location(uniq('S'));
    const skus = Array.from({ length: 40 }, (_, i) => ({ sku: uniq(`C${i}`), units: (i % 7) + 1 }));
    for (const { sku, units } of skus) await inv.receive(store, sku, units);

    // Forty callers at once, five rounds: while one read runs, the others wait and share the next.
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(skus.map(({ sku }) => http('GET', `${url()}/availability?skus=${sku}&stores=${store}`)));
      answers.forEach((res, i) => {
        expect(res.status).toBe(200);
        expect(res.body.availability).toEqual([expect.objectContaining({ storeId: store, sku: skus[i].sku, availableAtStore: skus[i].units })]);
      });
    }

    // A write answered before a check is asked is in its answer, even while other checks are reading.
    const busy = Promise.all(skus.map(({ sku }) => http('GET', `${url()}/availability?skus=${sku}&stores=${store}`)));
    await inv.receive(store, skus[0].sku, 10);
    const after = await http('GET', `${url()}/availability?skus=${skus[0].sku}&stores=${store}`);
    expect(after.body.availability[0].availableAtStore).toBe(skus[0].units + 10);
    expect((await busy).every((r) => r.status === 200)).toBe(true);
  });

  it('corrects the store count on a short pick and re-sources the missing units with a transfer', async () => {
    const store = await inv.location(uniq('S'));
    const wh = await inv.location(uniq('W'), { kind: 'warehouse', transferDays: 1 });
    const sku = uniq('SKU');
    await inv.receive(store, sku, 3);
    await inv.receive(wh, sku, 10);
    const order = await inv.place(store, [{ sku, quantity: 3 }]);
    await inv.published(order.orderId, 'inventory.reserved');
    await inv.confirm(order);

    await inv.shortPick(order, [{ lineId: order.lines[0].lineId, sku, missingQuantity: 2 }]);
    const [resolved] = await inv.published(order.orderId, 'inventory.short-pick-resolved');
    expect(resolved).toMatchObject({ storeId: store, unavailable: [], resourced: [{ lineId: order.lines[0].lineId, sku, quantity: 2, fromLocationId: wh }] });
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 1, reserved: 1 });
    expect(await inv.stock(wh, sku)).toMatchObject({ onHand: 10, reserved: 2 });
    const adjustments = await inv.published(`${store}/${sku}`, 'inventory.stock-adjusted', 2); // the receipt, then the count
    expect(adjustments[1]).toMatchObject({ reason: 'count', delta: -2, onHand: 1 });
    expect((await http('GET', `${url()}/transfers/${resolved.resourced[0].transferId}`)).body).toMatchObject({
      status: 'REQUESTED',
      fromLocationId: wh,
      toLocationId: store,
    });
    // Re-sourced units of a confirmed order do not expire.
    expect(await sql(db, `SELECT count(*)::int AS n FROM reservations WHERE order_id = $1 AND expires_at IS NOT NULL`, [order.orderId])).toEqual([{ n: 0 }]);
  });

  it('reports missing units as unavailable when no location has them', async () => {
    const store = await inv.location(uniq('S'));
    const sku = uniq('SKU');
    await inv.receive(store, sku, 2);
    const order = await inv.place(store, [{ sku, quantity: 2 }]);
    await inv.published(order.orderId, 'inventory.reserved');

    await inv.shortPick(order, [{ lineId: order.lines[0].lineId, sku, missingQuantity: 2 }]);
    const [resolved] = await inv.published(order.orderId, 'inventory.short-pick-resolved');
    expect(resolved).toMatchObject({ resourced: [], unavailable: [{ lineId: order.lines[0].lineId, sku, quantity: 2 }] });
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 0, reserved: 0 });
  });

  it('releases everything on cancellation and cancels requested transfers, once however often the event comes', async () => {
    const store = await inv.location(uniq('S'));
    const wh = await inv.location(uniq('W'), { kind: 'warehouse' });
    const [here, there] = [uniq('H'), uniq('T')];
    await inv.receive(store, here, 4);
    await inv.receive(wh, there, 4);
    const order = await inv.place(store, [
      { sku: here, quantity: 1 },
      { sku: there, quantity: 2 },
    ]);
    const [reserved] = await inv.published(order.orderId, 'inventory.reserved');
    const transferId = reserved.transfers[0].transferId;

    const eventId = await inv.cancel(order, 2);
    const [released] = await inv.published(order.orderId, 'inventory.reservation-released');
    expect(released.reason).toBe('ORDER.CANCELLED');
    expect(released.lines).toEqual(
      expect.arrayContaining([
        { lineId: order.lines[0].lineId, sku: here, quantity: 1, locationId: store },
        { lineId: order.lines[1].lineId, sku: there, quantity: 2, locationId: wh },
      ]),
    );
    expect(await inv.stock(store, here)).toMatchObject({ reserved: 0, available: 4 });
    expect(await inv.stock(wh, there)).toMatchObject({ reserved: 0, available: 4 });
    expect((await http('GET', `${url()}/transfers/${transferId}`)).body.status).toBe('CANCELLED');
    expect((await http('POST', `${url()}/transfers/${transferId}/ship`)).status).toBe(409);
    await eventually(async () => expect(await sql(db, `SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [eventId])).toEqual([{ n: 1 }]));
    expect(inv.types(order.orderId).filter((t) => t === 'inventory.reservation-released.v1')).toHaveLength(1);
  });

  it('releases the units at the store when the pickup expires', async () => {
    const store = await inv.location(uniq('S'));
    const sku = uniq('SKU');
    await inv.receive(store, sku, 2);
    const order = await inv.place(store, [{ sku, quantity: 2 }]);
    await inv.published(order.orderId, 'inventory.reserved');
    await inv.confirm(order);

    await inv.expire(order);
    const [released] = await inv.published(order.orderId, 'inventory.reservation-released');
    expect(released).toMatchObject({ reason: 'ORDER.EXPIRED', lines: [{ sku, quantity: 2, locationId: store }] });
    expect(await inv.stock(store, sku)).toMatchObject({ onHand: 2, reserved: 0, available: 2 });
  });
});
