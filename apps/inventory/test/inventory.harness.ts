import {
  INVENTORY_EVENTS_TOPIC,
  ORDER_EVENTS_TOPIC,
  OrderCancelledV1,
  OrderCollectedV1,
  OrderConfirmedV1,
  OrderExpiredV1,
  OrderPlacedPayload,
  OrderPlacedV1,
  OrderShortPickedV1,
  WireMessage,
} from '@omni/contracts';
import { LocationSpec, testEvent as wire } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/** A unique id per test, so tests sharing one database never see each other's stock. */
export const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export { wire };

export interface TestOrder {
  orderId: string;
  storeId: string;
  lines: { lineId: string; sku: string; quantity: number }[];
}

/**
 * What the driver needs from libs/testing, passed in by the spec: lint lets only test files
 * import the testing library, and this helper is not one.
 */
export interface TestTools {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  http(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }>;
  eventually<T>(assertion: () => Promise<T> | T): Promise<T>;
}

export interface Probe {
  on(topic: string, filter?: { key?: string; type?: string }): { value: string | null; headers: Record<string, string> }[];
  produce(topic: string, messages: WireMessage[]): Promise<void>;
  close(): Promise<void>;
}

/** Drives the inventory service as the order service and the stores would: HTTP for stores, Kafka for order events. */
export class InventoryDriver {
  constructor(
    private readonly url: () => string,
    readonly probe: Probe,
    private readonly tools: TestTools,
  ) {}

  async location(id: string, spec: LocationSpec = {}): Promise<string> {
    const kind = spec.kind ?? 'store';
    const res = await this.tools.http('PUT', `${this.url()}/locations/${id}`, {
      name: `Location ${id}`,
      kind,
      timeZone: 'Europe/Amsterdam',
      offersPickup: spec.offersPickup ?? kind === 'store',
      pickTimeMinutes: spec.pickTimeMinutes ?? 30,
      pickupHoldDays: spec.pickupHoldDays ?? 3,
      transferDays: spec.transferDays ?? 2,
      ...(spec.latitude === undefined ? {} : { latitude: spec.latitude, longitude: spec.longitude }),
    });
    if (res.status !== 201 && res.status !== 200) throw new Error(`PUT location ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    return id;
  }

  async receive(locationId: string, sku: string, quantity: number): Promise<void> {
    const res = await this.tools.http('POST', `${this.url()}/locations/${locationId}/stock/${sku}/adjustments`, { reason: 'receipt', quantity });
    if (res.status !== 200) throw new Error(`receipt ${locationId}/${sku}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async stock(locationId: string, sku: string): Promise<{ onHand: number; reserved: number; available: number }> {
    return (await this.tools.http('GET', `${this.url()}/locations/${locationId}/stock/${sku}`)).body;
  }

  async place(storeId: string, lines: { sku: string; quantity: number }[]): Promise<TestOrder> {
    const payload: OrderPlacedPayload = {
      orderId: randomUUID(),
      channel: 'web',
      storeId,
      customerId: null,
      currency: 'EUR',
      lines: lines.map((l) => ({ lineId: randomUUID(), sku: l.sku, quantity: l.quantity, unitPrice: 1000 })),
      placedAt: new Date().toISOString(),
    };
    await this.send(wire(OrderPlacedV1, payload));
    return { orderId: payload.orderId, storeId, lines: payload.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })) };
  }

  confirm(o: TestOrder) {
    return this.send(wire(OrderConfirmedV1, { orderId: o.orderId, readyBy: new Date().toISOString(), confirmedAt: new Date().toISOString() }));
  }

  shortPick(o: TestOrder, lines: { lineId: string; sku: string; missingQuantity: number }[]) {
    return this.send(wire(OrderShortPickedV1, { orderId: o.orderId, storeId: o.storeId, lines, shortPickedAt: new Date().toISOString() }));
  }

  /** Sends order.cancelled; `times` > 1 redelivers the very same message. Returns the event id. */
  async cancel(o: TestOrder, times = 1): Promise<string> {
    const msg = wire(OrderCancelledV1, {
      orderId: o.orderId,
      storeId: o.storeId,
      cancelledBy: 'customer',
      reason: 'changed my mind',
      cancelledAt: new Date().toISOString(),
    });
    await this.send(...Array.from({ length: times }, () => msg));
    return msg.headers['ce_id'];
  }

  expire(o: TestOrder) {
    const now = new Date().toISOString();
    return this.send(wire(OrderExpiredV1, { orderId: o.orderId, storeId: o.storeId, pickupDeadline: now, expiredAt: now }));
  }

  collect(o: TestOrder) {
    return this.send(wire(OrderCollectedV1, { orderId: o.orderId, storeId: o.storeId, lines: o.lines, collectedAt: new Date().toISOString() }));
  }

  async send(...messages: WireMessage[]): Promise<void> {
    await this.probe.produce(ORDER_EVENTS_TOPIC, messages);
  }

  /** Waits for exactly `count` inventory events of `type` for the order (key), and returns their payloads. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async published(key: string, type: string, count = 1): Promise<any[]> {
    return this.tools.eventually(() => {
      const seen = this.probe.on(INVENTORY_EVENTS_TOPIC, { key, type: `${type}.v1` });
      expect(seen).toHaveLength(count);
      return seen.map((m) => JSON.parse(m.value!));
    });
  }

  /** All inventory event types published for the order, in order. */
  types(key: string): string[] {
    return this.probe.on(INVENTORY_EVENTS_TOPIC, { key }).map((m) => m.headers['ce_type']);
  }
}
