import { decodeWireMessage, envelopeFor, EventEnvelope, HEADER, toWireMessage, WireMessage } from './envelope';
import { OrderPlacedPayload, OrderPlacedV1 } from './events/order.events';

const orderId = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const eventId = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const now = new Date('2026-11-23T10:00:00.000Z');
const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function aPayload(over: Partial<OrderPlacedPayload> = {}): OrderPlacedPayload {
  return {
    orderId,
    channel: 'web',
    storeId: 'S1',
    customerId: null,
    currency: 'EUR',
    lines: [{ lineId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', sku: 'SKU-1', quantity: 2, unitPrice: 1999 }],
    placedAt: now.toISOString(),
    ...over,
  };
}

function anEnvelope(over: { causationId?: string | null; traceparent?: string | null } = {}): EventEnvelope<OrderPlacedPayload> {
  return envelopeFor(OrderPlacedV1, { id: eventId, source: 'order', time: now, correlationId: 'corr-1', payload: aPayload(), ...over });
}

/** A valid wire message for order.placed.v1 with some headers replaced or removed (undefined). */
function aWireMessage(headers: Record<string, string | undefined> = {}, value: string | null = JSON.stringify(aPayload())) {
  const base = toWireMessage(anEnvelope());
  const merged: Record<string, string> = { ...base.headers };
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return { key: base.key, value, headers: merged };
}

function failureOf(msg: Parameters<typeof decodeWireMessage>[0]) {
  const r = decodeWireMessage(msg);
  if (r.ok) throw new Error(`expected a decode failure, got ${JSON.stringify(r.envelope)}`);
  return r.failure;
}

const asBuffers = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Buffer.from(v)]));

describe('envelopeFor', () => {
  it('fills the CloudEvents attributes from the definition and the payload', () => {
    expect(anEnvelope()).toEqual({
      id: eventId,
      type: 'order.placed.v1',
      source: 'order',
      time: '2026-11-23T10:00:00.000Z',
      subject: orderId,
      correlationId: 'corr-1',
      causationId: null,
      traceparent: null,
      data: aPayload(),
    });
  });

  it.each([
    ['an unknown field', { ...aPayload(), price: 10 }, /refusing to publish an invalid order\.placed\.v1: \(root\): unknown field 'price'/],
    ['a missing field', (({ storeId: _s, ...rest }) => rest)(aPayload()), /\(root\): missing required field 'storeId'/],
    ['a malformed id', aPayload({ orderId: 'not-a-uuid' }), /\/orderId: must match format "uuid"/],
    ['a zero quantity', aPayload({ lines: [{ lineId: eventId, sku: 'A', quantity: 0, unitPrice: 100 }] }), /\/lines\/0\/quantity: must be >= 1/],
  ])('refuses a payload with %s, naming the field', (_, payload, message) => {
    expect(() => envelopeFor(OrderPlacedV1, { id: eventId, source: 'order', time: now, correlationId: 'c', payload: payload as OrderPlacedPayload })).toThrow(
      message,
    );
  });
});

describe('toWireMessage', () => {
  it('writes the attributes as ce_* headers, keys by the aggregate id and carries the payload as JSON', () => {
    const wire = toWireMessage(anEnvelope());
    expect(wire).toEqual<WireMessage>({
      key: orderId,
      value: JSON.stringify(aPayload()),
      headers: {
        ce_specversion: '1.0',
        ce_id: eventId,
        ce_type: 'order.placed.v1',
        ce_source: 'order',
        ce_time: '2026-11-23T10:00:00.000Z',
        ce_subject: orderId,
        'content-type': 'application/json',
        ce_correlationid: 'corr-1',
      },
    });
  });

  const optionalCases: [string, { causationId?: string; traceparent?: string }, string[]][] = [
    ['neither', {}, []],
    ['a causation id', { causationId: 'cause-1' }, ['ce_causationid']],
    ['trace context', { traceparent }, ['traceparent']],
    ['both', { causationId: 'cause-1', traceparent }, ['ce_causationid', 'traceparent']],
  ];
  it.each(optionalCases)('adds the optional headers only when set: %s', (_, over, optional) => {
    const headers = toWireMessage(anEnvelope(over)).headers;
    expect(Object.keys(headers).filter((h) => h === HEADER.causationId || h === HEADER.traceparent)).toEqual(optional);
    if (over.causationId) expect(headers.ce_causationid).toBe(over.causationId);
    if (over.traceparent) expect(headers.traceparent).toBe(over.traceparent);
  });
});

describe('decodeWireMessage', () => {
  it.each([
    ['without optional attributes', {}],
    ['with causation id and trace context', { causationId: 'cause-1', traceparent }],
  ])('reads back what toWireMessage wrote, %s', (_, over) => {
    const sent = anEnvelope(over);
    expect(decodeWireMessage(toWireMessage(sent))).toEqual({ ok: true, envelope: sent });
  });

  it('accepts Buffer keys, values and headers as the Kafka client delivers them', () => {
    const sent = anEnvelope({ causationId: 'cause-1', traceparent });
    const wire = toWireMessage(sent);
    const r = decodeWireMessage({ key: Buffer.from(wire.key), value: Buffer.from(wire.value), headers: asBuffers(wire.headers) });
    expect(r).toEqual({ ok: true, envelope: sent });
  });

  it('takes the first value of a repeated header', () => {
    const wire = toWireMessage(anEnvelope());
    const r = decodeWireMessage({ ...wire, headers: { ...wire.headers, ce_correlationid: [Buffer.from('first'), 'second'] } });
    expect(r.ok && r.envelope.correlationId).toBe('first');
  });

  it('falls back to the message key when ce_subject is absent', () => {
    const r = decodeWireMessage({ ...aWireMessage({ ce_subject: undefined }), key: Buffer.from(orderId) });
    expect(r.ok && r.envelope.subject).toBe(orderId);
  });

  describe('failures', () => {
    it.each(['ce_id', 'ce_type', 'ce_source', 'ce_time', 'ce_correlationid'])('ENVELOPE.MISSING_HEADER names a missing %s', (name) => {
      expect(failureOf(aWireMessage({ [name]: undefined }))).toEqual({ code: 'ENVELOPE.MISSING_HEADER', detail: `missing ${name}` });
    });

    it('ENVELOPE.MISSING_HEADER counts an empty header as missing', () => {
      expect(failureOf(aWireMessage({ ce_id: '' }))).toEqual({ code: 'ENVELOPE.MISSING_HEADER', detail: 'missing ce_id' });
    });

    it('ENVELOPE.MISSING_HEADER lists every missing header at once', () => {
      expect(failureOf({ key: null, value: '{}' })).toEqual({
        code: 'ENVELOPE.MISSING_HEADER',
        detail: 'missing ce_id, ce_type, ce_source, ce_time, ce_correlationid',
      });
    });

    it.each([
      ['truncated JSON', '{"orderId":'],
      ['plain text', 'hello'],
      ['an empty value', ''],
      ['a null value (tombstone)', null],
    ])('ENVELOPE.BAD_JSON for %s', (_, value) => {
      expect(failureOf(aWireMessage({}, value))).toEqual({ code: 'ENVELOPE.BAD_JSON', detail: expect.any(String) });
    });

    it.each(['order.placed.v9', 'order.teleported.v1', 'order.placed'])('ENVELOPE.UNKNOWN_TYPE for %s', (type) => {
      expect(failureOf(aWireMessage({ ce_type: type }))).toEqual({ code: 'ENVELOPE.UNKNOWN_TYPE', detail: `no schema for ${type}` });
    });

    it.each([
      ['at the top', { ...aPayload(), giftWrap: true }],
      ['in a line', aPayload({ lines: [{ lineId: eventId, sku: 'A', quantity: 1, unitPrice: 100, giftWrap: true } as never] })],
    ])('accepts an unknown field %s as a tolerant reader, and drops it', (_, payload) => {
      const decoded = decodeWireMessage(aWireMessage({}, JSON.stringify(payload)));
      expect(decoded.ok).toBe(true);
      expect(JSON.stringify(decoded.ok && decoded.envelope.data)).not.toContain('giftWrap');
    });

    it.each([
      ['a missing required field', (({ orderId: _o, ...rest }) => rest)(aPayload()), "(root): missing required field 'orderId'"],
      ['a malformed uuid', aPayload({ orderId: 'abc' }), '/orderId: must match format "uuid"'],
      ['a malformed date-time', aPayload({ placedAt: 'yesterday' }), '/placedAt: must match format "date-time"'],
      ['an unknown channel', aPayload({ channel: 'fax' as never }), '/channel: must be equal to one of the allowed values'],
      ['a wrong type', aPayload({ lines: [{ lineId: eventId, sku: 'A', quantity: '1' as never, unitPrice: 100 }] }), '/lines/0/quantity: must be integer'],
      ['no lines', aPayload({ lines: [] }), '/lines: must NOT have fewer than 1 items'],
      ['a non-object payload', 42, '(root): must be object'],
    ])('ENVELOPE.SCHEMA_INVALID for %s names the field and the rule', (_, payload, detail) => {
      expect(failureOf(aWireMessage({}, JSON.stringify(payload)))).toEqual({ code: 'ENVELOPE.SCHEMA_INVALID', detail });
    });

    it('ENVELOPE.SCHEMA_INVALID reports every problem, separated by "; "', () => {
      const payload = aPayload({ orderId: 'abc', placedAt: 'yesterday' });
      const failure = failureOf(aWireMessage({}, JSON.stringify(payload)));
      expect(failure.code).toBe('ENVELOPE.SCHEMA_INVALID');
      expect(failure.detail.split('; ').sort()).toEqual(['/orderId: must match format "uuid"', '/placedAt: must match format "date-time"']);
    });
  });
});
