import {
  CapturedTenderPayload,
  ContactPayload,
  ORDER_EVENTS_TOPIC,
  OrderCollectedV1,
  OrderDeliveredV1,
  OrderPlacedV2,
  OrderPlacedV2Payload,
  OrderShippedV1,
  PriceListChangedV1,
  PriceListEntryPayload,
  INVENTORY_EVENTS_TOPIC,
  RETURNS_EVENTS_TOPIC,
  WireMessage,
} from '@omni/contracts';
import { eventually, http, HttpResult, KafkaProbe, sql, Stack, startStack, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/** A unique id per test, so tests sharing one database never see each other's rows. */
export const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export interface PlacedOrder {
  orderId: string;
  lines: { lineId: string; sku: string; quantity: number; unitPrice: number }[];
  customerId: string | null;
}

export interface OrderSpec {
  lines: { sku: string; quantity: number; unitPrice: number }[];
  channel?: OrderPlacedV2Payload['channel'];
  customerId?: string | null;
  contact?: Partial<ContactPayload> | null;
  capturedTenders?: CapturedTenderPayload[];
  placedAtStoreId?: string | null;
  /** Pickup store (default) or delivery. */
  delivery?: boolean;
  storeId?: string;
  /** A given order id (default: a new one). */
  orderId?: string;
}

/**
 * The inventory and returns services on the shared broker, each with a fresh database, and a
 * driver watching the returns and inventory topics; `stopReturnsStack` stops both.
 */
export async function startReturnsStack(env: Record<string, string> = {}): Promise<{ stack: Stack; d: ReturnsDriver }> {
  const probe = await new KafkaProbe().watch([RETURNS_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC]);
  const stack = await startStack(['inventory', 'returns'], env);
  return {
    stack,
    d: new ReturnsDriver(
      () => stack.services.returns.url,
      () => stack.services.inventory.url,
      probe,
      () => stack.databases.returns,
    ),
  };
}

export async function stopReturnsStack(stack: Stack | undefined, d: ReturnsDriver | undefined): Promise<void> {
  await stack?.stop();
  await d?.probe.close();
}

/**
 * Drives the returns service as the order service and the stores would: order events into the
 * real broker (the order service publishes them so), HTTP for the POS, the customer and the back office.
 */
export class ReturnsDriver {
  constructor(
    private readonly returnsUrl: () => string,
    private readonly inventoryUrl: () => string,
    readonly probe: KafkaProbe,
    private readonly returnsDb: () => string,
  ) {}

  async send(...messages: WireMessage[]): Promise<void> {
    await this.probe.produce(ORDER_EVENTS_TOPIC, messages);
  }

  /**
   * price-list.changed, as the order service publishes it when a SKU's prices are replaced (each
   * price general and in every channel unless it says otherwise); waits until the returns service
   * keeps it.
   */
  async listPrices(sku: string, prices: (Partial<PriceListEntryPayload> & Pick<PriceListEntryPayload, 'unitPrice'>)[]): Promise<void> {
    const changedAt = new Date().toISOString();
    const entries = prices.map((p) => ({ currency: 'EUR', storeId: null, channel: null, validFrom: null, validUntil: null, ...p }));
    await this.send(testEvent(PriceListChangedV1, { sku, prices: entries, changedAt }));
    await eventually(async () =>
      expect(await sql(this.returnsDb(), `SELECT 1 FROM price_list WHERE sku = $1 AND changed_at = $2`, [sku, changedAt])).toHaveLength(1),
    );
  }

  /** order.placed v2, as the order service publishes it once it does. */
  async place(spec: OrderSpec): Promise<PlacedOrder> {
    const { message, order } = this.placement(spec);
    await this.send(message);
    await eventually(async () => expect((await this.order(order.orderId)).status).toBe(200));
    return order;
  }

  /** The order.placed v2 of an order, not sent yet. */
  placement(spec: OrderSpec): { message: WireMessage; order: PlacedOrder } {
    const orderId = spec.orderId ?? randomUUID();
    const lines = spec.lines.map((l) => ({ lineId: randomUUID(), ...l }));
    const customerId = spec.customerId === undefined ? uniq('cust') : spec.customerId;
    const fulfilmentId = randomUUID();
    const payload: OrderPlacedV2Payload = {
      orderId,
      channel: spec.channel ?? 'web',
      placedAtStoreId: spec.placedAtStoreId ?? null,
      customerId,
      contact: spec.contact === null ? null : { email: null, phone: null, loyaltyId: null, name: null, postcode: null, ...spec.contact },
      currency: 'EUR',
      lines,
      fulfilments: [
        spec.delivery
          ? {
              fulfilmentId,
              type: 'delivery',
              storeId: null,
              address: { name: 'Ada', line1: '1 rue X', line2: null, postcode: '75001', city: 'Paris', country: 'FR' },
              lineIds: lines.map((l) => l.lineId),
            }
          : { fulfilmentId, type: 'pickup', storeId: spec.storeId ?? 'PICKUP', address: null, lineIds: lines.map((l) => l.lineId) },
      ],
      capturedTenders: spec.capturedTenders ?? [],
      placedAt: new Date().toISOString(),
    };
    return { message: testEvent(OrderPlacedV2, payload), order: { orderId, lines, customerId } };
  }

  /** order.collected of every unit at `storeId`, and waits until the returns service knows. */
  async collect(o: PlacedOrder, storeId = 'PICKUP', at = new Date()): Promise<void> {
    await this.send(
      testEvent(OrderCollectedV1, {
        orderId: o.orderId,
        storeId,
        lines: o.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
        collectedAt: at.toISOString(),
      }),
    );
    await this.received(o);
  }

  /** order.shipped then order.delivered of every unit. */
  async deliver(o: PlacedOrder, at = new Date()): Promise<void> {
    const fulfilmentId = randomUUID();
    const lines = o.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity }));
    await this.send(
      testEvent(OrderShippedV1, {
        orderId: o.orderId,
        fulfilmentId,
        locationId: 'WH',
        carrier: 'Colissimo',
        trackingNumber: 'T1',
        lines,
        shippedAt: at.toISOString(),
      }),
      testEvent(OrderDeliveredV1, { orderId: o.orderId, fulfilmentId, deliveredAt: at.toISOString() }),
    );
    await this.received(o);
  }

  private async received(o: PlacedOrder): Promise<void> {
    await eventually(async () => {
      const view = (await this.order(o.orderId)).body;
      expect(view.lines.map((l: { received: number }) => l.received)).toEqual(o.lines.map((l) => l.quantity));
    });
  }

  order(orderId: string, token?: string): Promise<HttpResult> {
    return http('GET', `${this.returnsUrl()}/returnable-orders/${orderId}`, undefined, {}, { token });
  }

  /** POST /stores/:storeId/returns with the POS token of that store (default: admin). */
  returnAt(storeId: string, body: Record<string, unknown>, options: { token?: string; idempotencyKey?: string } = {}): Promise<HttpResult> {
    const headers: Record<string, string> = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {};
    return http('POST', `${this.returnsUrl()}/stores/${storeId}/returns`, { requestId: uniq('req'), ...body }, headers, { token: options.token });
  }

  async getReturn(id: string): Promise<HttpResult['body']> {
    return (await http('GET', `${this.returnsUrl()}/returns/${id}`)).body;
  }

  /** Waits for the return to reach `status`. */
  settled(id: string, status: string): Promise<HttpResult['body']> {
    return eventually(async () => {
      const r = await this.getReturn(id);
      expect(r.status).toBe(status);
      return r;
    });
  }

  /** Returns-service events of the order (key), of CloudEvents type `<type>.v1`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  events(key: string, type: string): any[] {
    return this.probe.on(RETURNS_EVENTS_TOPIC, { key, type: `${type}.v1` }).map((m) => JSON.parse(m.value!));
  }

  async location(id: string): Promise<string> {
    const res = await http('PUT', `${this.inventoryUrl()}/locations/${id}`, {
      name: id,
      kind: 'store',
      timeZone: 'Europe/Paris',
      offersPickup: true,
      pickTimeMinutes: 30,
      pickupHoldDays: 3,
      transferDays: 2,
    });
    if (res.status >= 300) throw new Error(`PUT location ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    return id;
  }

  async receiveStock(locationId: string, sku: string, quantity: number): Promise<void> {
    const res = await http('POST', `${this.inventoryUrl()}/locations/${locationId}/stock/${sku}/adjustments`, { reason: 'receipt', quantity });
    if (res.status !== 200) throw new Error(`receipt ${locationId}/${sku}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  async stock(locationId: string, sku: string): Promise<{ onHand: number; reserved: number; available: number }> {
    return (await http('GET', `${this.inventoryUrl()}/locations/${locationId}/stock/${sku}`)).body;
  }

  async returnedStock(locationId: string, sku: string): Promise<{ sku: string; bucket: string; quantity: number }[]> {
    return (await http('GET', `${this.inventoryUrl()}/locations/${locationId}/returned-stock?sku=${sku}`)).body.items;
  }
}
