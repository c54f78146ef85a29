import { deadLetterTopicOf, envelopeFor, NotificationRequestedV1, OrderPlacedV1, toWireMessage } from '@omni/contracts';
import { asyncApiViolations, expectValidAgainstAsyncApi } from './asyncapi-check';
import { SeenMessage } from './kafka-probe';

const orderId = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const placed = {
  orderId,
  channel: 'web' as const,
  storeId: 'S1',
  customerId: null,
  currency: 'EUR',
  lines: [{ lineId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', sku: 'SKU-1', quantity: 2, unitPrice: 1999 }],
  placedAt: '2026-11-23T10:00:00.000Z',
};

function seen(over: Partial<SeenMessage> = {}, headers: Record<string, string | undefined> = {}): SeenMessage {
  const wire = toWireMessage(envelopeFor(OrderPlacedV1, { id: 'e-1', source: 'order', time: new Date(), correlationId: 'c-1', payload: placed }));
  const merged = { ...wire.headers, ...headers };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return { topic: OrderPlacedV1.topic, partition: 0, key: wire.key, value: wire.value, headers: merged as Record<string, string>, ...over };
}

describe('expectValidAgainstAsyncApi', () => {
  it('passes messages as the services write them, counting them by type', () => {
    expect(expectValidAgainstAsyncApi([seen(), seen()])).toEqual({ 'order.placed.v1': 2 });
  });

  it('passes a dead letter carrying the dlq-* headers', () => {
    const dlq = seen(
      { topic: deadLetterTopicOf(OrderPlacedV1.topic), value: '{' },
      {
        'dlq-reason-code': 'ENVELOPE.BAD_JSON',
        'dlq-reason': 'Unexpected end of JSON input',
        'dlq-original-topic': OrderPlacedV1.topic,
        'dlq-original-partition': '0',
        'dlq-original-offset': '7',
        'dlq-consumer': 'inventory',
        'dlq-attempts': '1',
        'dlq-time': '2026-11-23T10:00:00.000Z',
      },
    );
    expect(asyncApiViolations([dlq])).toEqual([]);
  });

  it.each([
    ['an unknown topic', seen({ topic: 'orders' }), /no channel for topic orders/],
    [
      'a type its topic does not carry',
      seen({ topic: NotificationRequestedV1.topic }),
      /notification\.requests\.v1 carries no message of type order\.placed\.v1/,
    ],
    ['an unknown type', seen({}, { ce_type: 'order.placed.v9' }), /carries no message of type order\.placed\.v9/],
    ['a missing header', seen({}, { ce_correlationid: undefined }), /headers: missing 'ce_correlationid'/],
    ['a malformed header', seen({}, { ce_time: 'yesterday' }), /headers\/ce_time: must match format "date-time"/],
    ['a key other than the subject', seen({ key: 'other' }), /key other differs from ce_subject/],
    ['a value that is not JSON', seen({ value: 'hello' }), /value is not JSON/],
    [
      'an invalid payload',
      seen({ value: JSON.stringify({ ...placed, orderId: 'abc', extra: 1 }) }),
      /payload\/orderId: must match format "uuid".*|payload: unknown field 'extra'/,
    ],
    ['a dead letter without its reason', seen({ topic: deadLetterTopicOf(OrderPlacedV1.topic) }), /headers: missing 'dlq-reason-code'/],
  ])('fails on %s, saying what is wrong', (_, message, problem) => {
    expect(() => expectValidAgainstAsyncApi([seen(), message])).toThrow(problem);
    expect(() => expectValidAgainstAsyncApi([seen(), message])).toThrow(/1 of 2 messages do not match docs\/asyncapi\.json/);
  });
});
