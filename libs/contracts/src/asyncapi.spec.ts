import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { asyncApiId, AsyncApiMessage, buildAsyncApi, DEAD_LETTER_MESSAGE_ID, keyTemplateOf } from './asyncapi';
import { EVENT_CATALOGUE } from './catalogue';
import { CONSUMERS } from './consumers';
import { ceTypeOf, JsonSchema } from './define-event';
import { envelopeFor, toWireMessage } from './envelope';
import { OrderPlacedV1 } from './events/order.events';
import { StockAdjustedV1 } from './events/inventory.events';
import topicsJson from './topics.json';

const doc = buildAsyncApi();
const catalogue = EVENT_CATALOGUE.map((def) => [ceTypeOf(def), def] as const);

/** Follows a local `#/a/b` reference inside the document. */
function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`not a local reference: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

const strictAjv = () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
};

describe('buildAsyncApi', () => {
  it('is an AsyncAPI 3.0 document with info, a Kafka server, channels, operations and messages', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    expect(doc).toMatchObject({ info: { title: expect.any(String), version: expect.any(String) }, servers: { local: { protocol: 'kafka' } } });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('uses ids AsyncAPI allows for channels, operations and messages', () => {
    for (const id of [...Object.keys(doc.channels), ...Object.keys(doc.operations), ...Object.keys(doc.components.messages)])
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each(topicsJson.topics.map((t) => [t.name, t] as const))('has channels for %s and its dead-letter topic, with the Kafka binding', (name, topic) => {
    for (const address of [name, `${name}.dlq`]) {
      const channel = doc.channels[asyncApiId(address)];
      expect(channel).toMatchObject({ address, bindings: { kafka: { topic: address, partitions: topicsJson.partitions } } });
    }
    expect(doc.channels[asyncApiId(name)].description).toContain(topic.owner);
    expect(Object.keys(doc.channels[asyncApiId(`${name}.dlq`)].messages)).toEqual([DEAD_LETTER_MESSAGE_ID]);
  });

  it('has no channel for a topic that does not exist', () => {
    const addresses = topicsJson.topics.flatMap((t) => [t.name, `${t.name}.dlq`]);
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual(addresses.sort());
  });

  it.each(catalogue)('describes %s as a message on its topic: name, payload schema, headers and partition key', (ceType, def) => {
    const message = doc.components.messages[asyncApiId(ceType)];
    expect(message).toMatchObject({ name: ceType, summary: def.description, payload: def.schema, contentType: 'application/json' });
    expect(message.headers).toMatchObject({ properties: { ce_type: { const: ceType } } });
    expect(message.bindings?.kafka.key.description).toContain(keyTemplateOf(def));
    expect(doc.channels[asyncApiId(def.topic)].messages[asyncApiId(ceType)]).toEqual({ $ref: `#/components/messages/${asyncApiId(ceType)}` });
  });

  it('reads the partition key from the key function', () => {
    expect(keyTemplateOf(OrderPlacedV1)).toBe('{orderId}');
    expect(keyTemplateOf(StockAdjustedV1)).toBe('{locationId}/{sku}');
  });

  it.each(Object.entries(doc.components.messages))('compiles the headers and payload of %s in strict mode', (_, message) => {
    expect(() => strictAjv().compile(message.headers)).not.toThrow();
    expect(() => strictAjv().compile(message.payload)).not.toThrow();
  });

  it('resolves every reference: channel messages to components, operations to channels and to messages of that channel', () => {
    for (const channel of Object.values(doc.channels))
      for (const m of Object.values(channel.messages))
        expect([m.$ref, resolve(m.$ref)]).toEqual([m.$ref, expect.objectContaining({ name: expect.any(String) })]);
    for (const [id, op] of Object.entries(doc.operations)) {
      expect([id, resolve(op.channel.$ref)]).toEqual([id, expect.objectContaining({ address: expect.any(String) })]);
      expect(op.messages.length).toBeGreaterThan(0);
      for (const m of op.messages) {
        expect(m.$ref.startsWith(`${op.channel.$ref}/messages/`)).toBe(true);
        expect([m.$ref, resolve(m.$ref)]).toEqual([m.$ref, expect.objectContaining({ $ref: expect.any(String) })]);
      }
    }
  });

  it('lets the owner of each topic send every event of that topic', () => {
    for (const topic of topicsJson.topics) {
      const sends = Object.values(doc.operations).filter((op) => op.action === 'send' && op.channel.$ref === `#/channels/${asyncApiId(topic.name)}`);
      expect(sends.map((op) => op['x-service'])).toEqual([topic.owner]);
      const sent = sends[0].messages.map((m) => m.$ref.split('/').pop());
      expect(sent.sort()).toEqual(
        EVENT_CATALOGUE.filter((d) => d.topic === topic.name)
          .map((d) => asyncApiId(ceTypeOf(d)))
          .sort(),
      );
    }
  });

  it('has a receive operation for each consumer, naming the events it reads, and a dead-letter send for each service', () => {
    for (const consumer of CONSUMERS) {
      const received = Object.values(doc.operations)
        .filter((op) => op.action === 'receive' && op['x-service'] === consumer.service)
        .flatMap((op) => op.messages.map((m) => (resolve(m.$ref) as { $ref: string }).$ref.split('/').pop()));
      expect(received.sort()).toEqual(consumer.events.map((d) => asyncApiId(ceTypeOf(d))).sort());
    }
    expect(
      Object.keys(doc.operations)
        .filter((id) => id.includes('_dead_letters_'))
        .sort(),
    ).toEqual(
      [
        'customer_dead_letters_order_events_v1',
        'customer_dead_letters_returns_events_v1',
        'inventory_dead_letters_order_events_v1',
        'inventory_dead_letters_returns_events_v1',
        'order_dead_letters_customer_events_v1',
        'order_dead_letters_inventory_events_v1',
        'order_dead_letters_payment_events_v1',
        'order_dead_letters_returns_events_v1',
        'returns_dead_letters_customer_events_v1',
        'returns_dead_letters_inventory_events_v1',
        'returns_dead_letters_order_events_v1',
        'returns_dead_letters_payment_events_v1',
      ].sort(),
    );
  });

  it('accepts the headers and payload of a real wire message, and refuses them broken', () => {
    const payload = {
      orderId: '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c',
      channel: 'web' as const,
      storeId: 'S1',
      customerId: null,
      currency: 'EUR',
      lines: [{ lineId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', sku: 'SKU-1', quantity: 2, unitPrice: 1999 }],
      placedAt: '2026-11-23T10:00:00.000Z',
    };
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const env = envelopeFor(OrderPlacedV1, { id: 'e-1', source: 'order', time: new Date(), correlationId: 'c-1', causationId: 'e-0', traceparent, payload });
    const wire = toWireMessage(env);
    const message = doc.components.messages.order_placed_v1 as AsyncApiMessage;
    const headers = strictAjv().compile(message.headers);
    const body = strictAjv().compile(message.payload);
    expect(headers(wire.headers)).toBe(true);
    expect(body(JSON.parse(wire.value))).toBe(true);
    expect(headers({ ...wire.headers, ce_type: 'order.confirmed.v1' })).toBe(false);
    expect(headers({ ...wire.headers, traceparent: 'nope' })).toBe(false);
    const { ce_correlationid: _c, ...withoutCorrelation } = wire.headers;
    expect(headers(withoutCorrelation)).toBe(false);
    expect(body({ ...payload, extra: 1 })).toBe(false);
  });

  it('is a pure function of the contracts: the same document every time', () => {
    expect(JSON.stringify(buildAsyncApi())).toBe(JSON.stringify(doc));
    expect((doc.components.messages.order_placed_v1.payload as JsonSchema) === OrderPlacedV1.schema).toBe(false);
  });
});
