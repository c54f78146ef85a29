import 'reflect-metadata';
import { context, ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { OrderPlacedV1 } from '@omni/contracts';
import { contextFromTraceparent, inSpan, loadConfig, requestContext, ServiceConfig, startTracing, Tracing } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { OutboxRow, startPublishSpans } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

const placed = () => ({
  orderId: '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c',
  channel: 'web' as const,
  storeId: 'S1',
  customerId: 'c-1',
  currency: 'EUR',
  lines: [{ lineId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', sku: 'SKU-1', quantity: 2, unitPrice: 1999 }],
  placedAt: '2026-11-23T10:00:00.000Z',
});
const WRITER_SPAN = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function aRow(headers: Record<string, string>): OutboxRow {
  return {
    seq: '1',
    id: 'event-1',
    topic: 'order.events.v1',
    message_key: 'order-1',
    headers: { ce_id: 'event-1', ce_type: 'order.placed.v1', ...headers },
    payload: '{}',
  };
}

/** A transaction's manager as far as the writer uses it: its connection records the INSERTs (one column array per parameter). */
function aTransaction() {
  const inserts: unknown[][][] = [];
  const databaseConnection = {
    query: async ({ text, values }: { text: string; values: unknown[][] }) => {
      if (text.startsWith('INSERT INTO outbox')) inserts.push(values);
      return { rows: [], rowCount: 0 };
    },
  };
  const manager = { queryRunner: { isTransactionActive: true, data: {}, databaseConnection } };
  return { manager: manager as unknown as EntityManager, inserts };
}

describe('trace context through the outbox', () => {
  const exported = new InMemorySpanExporter();
  let tracing: Tracing;

  beforeAll(() => {
    const config = loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://db/x', KAFKA_BROKERS: 'k:9092', AUTH_JWKS_URL: 'https://id.example.com/jwks.json' });
    tracing = startTracing('order', config, [new SimpleSpanProcessor(exported)]);
  });
  afterAll(() => tracing.shutdown());
  beforeEach(() => exported.reset());

  it("the writer stores the current span's traceparent in the row (with the request's correlation id)", async () => {
    const { manager, inserts } = aTransaction();
    const spanId = await inSpan('POST /orders', { kind: SpanKind.SERVER }, ROOT_CONTEXT, async (span) => {
      await requestContext.run({ correlationId: 'journey-1', causationId: null }, () => new OutboxWriter('/order').append(manager, OrderPlacedV1, placed()));
      return span.spanContext();
    });
    const headers = JSON.parse(inserts[0][4][0] as string);
    expect(headers.traceparent).toBe(`00-${spanId.traceId}-${spanId.spanId}-01`);
    expect(headers.ce_correlationid).toBe('journey-1');
  });

  it('the writer stores no traceparent for work outside any span (the relay then starts the trace)', async () => {
    const { manager, inserts } = aTransaction();
    await context.with(ROOT_CONTEXT, () => new OutboxWriter('/order').append(manager, OrderPlacedV1, placed()));
    expect(JSON.parse(inserts[0][4][0] as string)).not.toHaveProperty('traceparent');
  });

  it("the relay's send span is a child of the row's span, and the message carries the send span", () => {
    const row = aRow({ traceparent: WRITER_SPAN });
    const { rows, spans } = startPublishSpans([row]);
    spans.forEach((s) => s.end());
    const [send] = exported.getFinishedSpans();
    expect(send.name).toBe('send order.events.v1');
    expect(send.kind).toBe(SpanKind.PRODUCER);
    expect(send.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(send.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(send.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'order.events.v1',
      'messaging.kafka.message.key': 'order-1',
      'messaging.message.id': 'event-1',
      'cloudevents.event_type': 'order.placed.v1',
    });
    expect(rows[0].headers).toEqual({ ...row.headers, traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${send.spanContext().spanId}-01` });
    expect(row.headers.traceparent).toBe(WRITER_SPAN); // the row itself is left as it was
  });

  it('the relay starts a trace for a row written outside any span, one per row', () => {
    const { rows, spans } = startPublishSpans([aRow({}), aRow({})]);
    spans.forEach((s) => s.end());
    const finished = exported.getFinishedSpans();
    expect(finished.map((s) => s.parentSpanContext)).toEqual([undefined, undefined]);
    expect(rows.map((r) => r.headers.traceparent)).toEqual(finished.map((s) => `00-${s.spanContext().traceId}-${s.spanContext().spanId}-01`));
    expect(finished[0].spanContext().traceId).not.toBe(finished[1].spanContext().traceId);
  });

  it('a trace the caller chose not to sample stays unsampled over the hop, ids still carried', () => {
    const { rows } = startPublishSpans([aRow({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' })]);
    expect(rows[0].headers.traceparent).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/);
    expect(exported.getFinishedSpans()).toEqual([]);
    expect(contextFromTraceparent(rows[0].headers.traceparent)).not.toBe(ROOT_CONTEXT);
  });
});
