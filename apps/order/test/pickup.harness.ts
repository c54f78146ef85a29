import { deadLetterTopicOf, EventDefinition, InventoryReservedV1, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, http, KafkaProbe, ServiceProcess, Stack, startStack, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';

export interface Line {
  lineId: string;
  sku: string;
  quantity: number;
  unitPrice: number;
}
export interface Placed {
  id: string;
  lines: Line[];
}

/**
 * The order service's side of click & collect, alone against real Kafka and PostgreSQL: inventory
 * and payment answers are injected as those services would publish them. Call it inside a
 * `describe`: it registers that block's beforeAll and afterAll. `current()` gives the running
 * service, its database and the probe once they are up; `replace()` swaps in another service
 * process (a restart with another clock).
 */
export function orderServiceAlone() {
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

  async function place(lines = [{ sku: 'TSHIRT-M', quantity: 2, unitPrice: 1500 }], storeId = store): Promise<Placed> {
    const res = await http('POST', `${url()}/orders`, { channel: 'web', storeId, customerId: 'cust-1', currency: 'EUR', lines });
    expect(res.status).toBe(201);
    return res.body;
  }

  const get = async (id: string) => (await http('GET', `${url()}/orders/${id}`)).body;
  const status = async (id: string) => (await get(id)).status;
  const waitFor = (id: string, expected: string) => eventually(async () => expect(await status(id)).toBe(expected));
  const storeCall = (id: string, action: string, body?: unknown, storeId = store) =>
    http('POST', `${url()}/stores/${storeId}/orders/${id}/${action}`, body ?? {});
  const orderEvents = (id: string, type: string) => probe.on(ORDER_EVENTS_TOPIC, { key: id, type });
  // Version 2; version 1 carries the same requests while its readers move (ADR 0005, ADR 0007).
  const notices = (id: string) => probe.on(NOTIFICATION_REQUESTS_TOPIC, { key: id, type: 'notification.requested.v2' }).map((m) => JSON.parse(m.value!));
  const payload = (m: { value: string | null }) => JSON.parse(m.value!);

  async function reserve(o: Placed, transfers: Record<string, string> = {}) {
    const lines = o.lines.map((l) => ({
      lineId: l.lineId,
      sku: l.sku,
      quantity: l.quantity,
      sourceLocationId: transfers[l.lineId] ? 'W-1' : store,
      transferId: transfers[l.lineId] ?? null,
    }));
    return inject(InventoryReservedV1, {
      orderId: o.id,
      locationId: store,
      lines,
      transfers: [...new Set(Object.values(transfers))].map((t) => ({
        transferId: t,
        fromLocationId: 'W-1',
        toLocationId: store,
        expectedArrivalAt: new Date(Date.now() + 86_400_000).toISOString(),
      })),
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

  return {
    store,
    otherStore,
    HOLD_DAYS,
    current: () => ({ db, probe, service }),
    replace: (next: ServiceProcess) => (service = next),
    url,
    inject,
    place,
    get,
    status,
    waitFor,
    storeCall,
    orderEvents,
    notices,
    payload,
    reserve,
    readyOrder,
  };
}
