import { ConsumedMessage, deadLetterFor } from './dead-letter';

const reason = { code: 'ENVELOPE.SCHEMA_INVALID', detail: "(root): unknown field 'price'" };

function aMessage(over: Partial<ConsumedMessage> = {}): ConsumedMessage {
  return {
    topic: 'order.events.v1',
    partition: 2,
    offset: '1234',
    key: Buffer.from('order-1'),
    value: Buffer.from('{"orderId":"order-1","price":1}'),
    headers: { ce_type: Buffer.from('order.placed.v1'), ce_id: 'event-1' },
    ...over,
  };
}

describe('deadLetterFor', () => {
  it('parks the message on <topic>.dlq with key and value untouched', () => {
    const msg = aMessage();
    const dl = deadLetterFor(msg, reason, 'inventory', 5);
    expect(dl.topic).toBe('order.events.v1.dlq');
    expect(dl.messages).toHaveLength(1);
    expect(dl.messages[0].key).toBe(msg.key);
    expect(dl.messages[0].value).toBe(msg.value);
  });

  it('keeps null keys and values (tombstones)', () => {
    const dl = deadLetterFor(aMessage({ key: null, value: null }), reason, 'inventory', 1);
    expect(dl.messages[0]).toMatchObject({ key: null, value: null });
  });

  it('adds where the message came from and why it was parked', () => {
    const before = Date.now();
    const { headers } = deadLetterFor(aMessage(), reason, 'inventory', 5).messages[0];
    const after = Date.now();
    expect(headers).toMatchObject({
      'dlq-reason-code': 'ENVELOPE.SCHEMA_INVALID',
      'dlq-reason': "(root): unknown field 'price'",
      'dlq-original-topic': 'order.events.v1',
      'dlq-original-partition': '2',
      'dlq-original-offset': '1234',
      'dlq-consumer': 'inventory',
      'dlq-attempts': '5',
    });
    const time = headers['dlq-time'] as string;
    expect(time).toBe(new Date(time).toISOString());
    expect(Date.parse(time)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(time)).toBeLessThanOrEqual(after);
  });

  it('keeps the original headers, taking the first of repeated values and dropping absent ones', () => {
    const traceparent = Buffer.from('00-abc-def-01');
    const { headers } = deadLetterFor(
      aMessage({ headers: { ce_type: Buffer.from('order.placed.v1'), ce_id: 'event-1', traceparent: [traceparent, 'second'], empty: [], gone: undefined } }),
      reason,
      'inventory',
      1,
    ).messages[0];
    expect(headers.ce_type).toEqual(Buffer.from('order.placed.v1'));
    expect(headers.ce_id).toBe('event-1');
    expect(headers.traceparent).toBe(traceparent);
    expect(Object.keys(headers)).not.toContain('empty');
    expect(Object.keys(headers)).not.toContain('gone');
  });

  it('works for a message with no headers', () => {
    const { headers } = deadLetterFor(aMessage({ headers: undefined }), reason, 'inventory', 1).messages[0];
    expect(Object.keys(headers).sort()).toEqual([
      'dlq-attempts',
      'dlq-consumer',
      'dlq-original-offset',
      'dlq-original-partition',
      'dlq-original-topic',
      'dlq-reason',
      'dlq-reason-code',
      'dlq-time',
    ]);
  });

  it.each([
    [0, 0],
    [1999, 1999],
    [2000, 2000],
    [2001, 2000],
    [100_000, 2000],
  ])('a reason of %i characters is kept to %i', (length, kept) => {
    const detail = 'x'.repeat(length);
    const { headers } = deadLetterFor(aMessage(), { code: 'HANDLER.FAILED', detail }, 'inventory', 1).messages[0];
    expect(headers['dlq-reason']).toBe(detail.slice(0, kept));
  });

  it('describes the latest parking when a dead letter is parked again', () => {
    const previous = { 'dlq-reason-code': 'OLD.CODE', 'dlq-attempts': '1', 'dlq-original-topic': 'older.topic', ce_id: 'event-1' };
    const { headers } = deadLetterFor(aMessage({ headers: previous }), reason, 'inventory', 3).messages[0];
    expect(headers).toMatchObject({
      'dlq-reason-code': 'ENVELOPE.SCHEMA_INVALID',
      'dlq-attempts': '3',
      'dlq-original-topic': 'order.events.v1',
      ce_id: 'event-1',
    });
  });
});
