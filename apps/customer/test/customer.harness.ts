import {
  Channel,
  ContactPayload,
  CUSTOMER_EVENTS_TOPIC,
  deadLetterTopicOf,
  EventDefinition,
  ORDER_EVENTS_TOPIC,
  OrderPlacedPayload,
  OrderPlacedV1,
  OrderPlacedV2,
  OrderPlacedV2Payload,
  WireMessage,
} from '@omni/contracts';
import { eventually, http, httpAs, KafkaProbe, mintToken, sql, Stack, startStack, testEvent } from '@omni/testing';
import { randomUUID } from 'node:crypto';

/** A unique suffix per test, so tests sharing one broker and database never see each other's customers. */
export const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export interface PlacedOrder {
  orderId: string;
  lineId: string;
  fulfilmentId: string;
  message: WireMessage;
}

/** order.placed v2 as the order service will publish it: one pickup group at `storeId` unless told otherwise. */
export function placedV2(o: {
  channel: Channel;
  customerId?: string | null;
  contact?: Partial<ContactPayload> | null;
  storeId?: string;
  placedAtStoreId?: string | null;
  placedAt?: string;
}): PlacedOrder {
  const orderId = randomUUID();
  const lineId = randomUUID();
  const fulfilmentId = randomUUID();
  const payload: OrderPlacedV2Payload = {
    orderId,
    channel: o.channel,
    placedAtStoreId: o.placedAtStoreId ?? null,
    customerId: o.customerId ?? null,
    contact: o.contact === null ? null : { email: null, phone: null, loyaltyId: null, name: null, postcode: null, ...o.contact },
    currency: 'EUR',
    lines: [{ lineId, sku: 'SKU-1', quantity: 1, unitPrice: 2500 }],
    fulfilments: [{ fulfilmentId, type: 'pickup', storeId: o.storeId ?? 'PARIS', address: null, lineIds: [lineId] }],
    capturedTenders: [],
    placedAt: o.placedAt ?? new Date().toISOString(),
  };
  return { orderId, lineId, fulfilmentId, message: testEvent(OrderPlacedV2, payload) };
}

export function placedV1(o: { channel: Channel; customerId: string | null; storeId?: string }): PlacedOrder {
  const orderId = randomUUID();
  const lineId = randomUUID();
  const payload: OrderPlacedPayload = {
    orderId,
    channel: o.channel,
    storeId: o.storeId ?? 'PARIS',
    customerId: o.customerId,
    currency: 'EUR',
    lines: [{ lineId, sku: 'SKU-1', quantity: 1, unitPrice: 2500 }],
    placedAt: new Date().toISOString(),
  };
  return { orderId, lineId, fulfilmentId: orderId, message: testEvent(OrderPlacedV1, payload) };
}

export const event = <P>(def: EventDefinition<P>, payload: P) => testEvent(def, payload);

export const POS_SCOPES = 'store:operate customers:read';

/** The customer service on real Kafka and PostgreSQL, fed order events as the order service publishes them. */
export class CustomerHarness {
  stack!: Stack;
  probe!: KafkaProbe;

  async start(): Promise<this> {
    this.probe = await new KafkaProbe().watch([CUSTOMER_EVENTS_TOPIC, deadLetterTopicOf(ORDER_EVENTS_TOPIC)]);
    this.stack = await startStack(['customer']);
    return this;
  }

  async stop(): Promise<void> {
    await this.stack?.stop();
    await this.probe?.close();
  }

  get url(): string {
    return this.stack.services.customer.url;
  }

  get db(): string {
    return this.stack.databases.customer;
  }

  send(...messages: WireMessage[]): Promise<void> {
    return this.probe.produce(ORDER_EVENTS_TOPIC, messages);
  }

  /** Sends order.placed and waits until the order is linked; returns the customer id it was linked to. */
  async place(o: PlacedOrder): Promise<string> {
    await this.send(o.message);
    return this.linkOf(o.orderId);
  }

  async linkOf(orderId: string): Promise<string> {
    return eventually(async () => {
      const rows = await sql<{ profile_id: string }>(this.db, 'SELECT profile_id FROM order_links WHERE order_id = $1', [orderId]);
      expect(rows).toHaveLength(1);
      return rows[0].profile_id;
    });
  }

  /** customer.* events published for a customer (the partition key), payloads parsed. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  published(customerId: string, type: string): any[] {
    return this.probe.on(CUSTOMER_EVENTS_TOPIC, { key: customerId, type: `${type}.v1` }).map((m) => JSON.parse(m.value!));
  }

  async entriesOf(orderId: string): Promise<{ kind: string }[]> {
    return sql(this.db, 'SELECT event_id, kind, channel, store_id, occurred_at FROM timeline_entries WHERE order_id = $1 ORDER BY occurred_at, event_id', [
      orderId,
    ]);
  }

  get(path: string) {
    return http('GET', `${this.url}${path}`);
  }

  post(path: string, body?: unknown) {
    return http('POST', `${this.url}${path}`, body);
  }

  patch(path: string, body: unknown) {
    return http('PATCH', `${this.url}${path}`, body);
  }

  async as(claims: Parameters<typeof mintToken>[0]) {
    const call = httpAs(await mintToken(claims));
    return (method: string, path: string, body?: unknown) => call(method, `${this.url}${path}`, body);
  }
}
