import { INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC, ORDER_EVENTS_TOPIC } from '@omni/contracts';
import { eventually, Journey, journeyStack, KafkaProbe, OtlpReceiver, ReceivedSpan, SPAN_KIND, startStack } from '@omni/testing';
import { randomBytes } from 'node:crypto';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const typeOf = (s: ReceivedSpan) => s.attributes['cloudevents.event_type'];

/**
 * docs/operations/tracing.md: services export their spans to a collector (here a tiny OTLP/HTTP
 * receiver), and one click & collect journey is one trace across order, inventory and customer,
 * with each Kafka hop a parent/child link: server span → send (relay) → process (consumer) → send …
 */
describe('tracing across services', () => {
  // Jest runs beforeAll and afterAll hooks each in the order declared: the collector listens before
  // the services start (they are given its port, known once it has started), and stops after them.
  const collector = new OtlpReceiver();
  beforeAll(() => collector.start());
  const e2e = journeyStack(['order', 'inventory', 'customer'], {
    topics: [ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC, NOTIFICATION_REQUESTS_TOPIC],
    env: () => ({
      // An answered request's line is written at debug.
      LOG_LEVEL: 'debug',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    }),
  });
  afterAll(() => collector.stop());

  /** The one span matching, once the services have exported it. */
  const spanWhere = (traceId: string, what: string, match: (s: ReceivedSpan) => boolean): Promise<ReceivedSpan> =>
    eventually(
      () => {
        const found = collector.trace(traceId).filter(match);
        if (found.length !== 1) throw new Error(`expected one ${what} in trace ${traceId}, found ${found.length}`);
        return found[0];
      },
      { timeoutMs: 20_000 },
    );

  it('makes a journey whose client sends a traceparent one trace, with parent/child links over every Kafka hop', async () => {
    const traceId = hex(16);
    const clientSpanId = hex(8);
    const j = new Journey(e2e.stack, e2e.probe, { headers: { traceparent: `00-${traceId}-${clientSpanId}-01` } });
    const store = Journey.id('S');
    await j.location(store);
    await j.receive(store, 'SCARF', 2);
    const placed = await j.place(store, [{ sku: 'SCARF', quantity: 1 }]);
    await j.status(placed.id, 'RESERVED');
    await j.pickAll(store, placed.id);
    const code = await j.pickupCode(placed.id);
    expect((await j.store(store).collect(placed.id, code)).status).toBeLessThan(300);
    await j.status(placed.id, 'COLLECTED');

    // HTTP: the order service continued the caller's trace.
    const placeRequest = await spanWhere(traceId, 'POST /orders server span', (s) => s.service === 'order' && s.name === 'POST /orders');
    expect(placeRequest).toMatchObject({ kind: SPAN_KIND.server, parentSpanId: clientSpanId });
    expect(placeRequest.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/orders', 'http.response.status_code': 201 });

    // order → Kafka: the relay's send continues the span that wrote the outbox row.
    const sendPlaced = await spanWhere(
      traceId,
      'send of order.placed',
      (s) => s.service === 'order' && s.kind === SPAN_KIND.producer && typeOf(s) === 'order.placed.v2',
    );
    expect(sendPlaced).toMatchObject({ name: `send ${ORDER_EVENTS_TOPIC}`, parentSpanId: placeRequest.spanId });
    expect(sendPlaced.attributes['messaging.kafka.message.key']).toBe(placed.id);
    // …and what reached Kafka carries that send span as its trace context.
    await eventually(() =>
      expect(e2e.probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.placed.v2' }).map((m) => m.headers.traceparent)).toEqual([
        `00-${traceId}-${sendPlaced.spanId}-01`,
      ]),
    );

    // Kafka → inventory and customer: their consumer spans are children of that send.
    const reserve = await spanWhere(
      traceId,
      'inventory processing order.placed',
      (s) => s.service === 'inventory' && s.kind === SPAN_KIND.consumer && typeOf(s) === 'order.placed.v2',
    );
    expect(reserve).toMatchObject({ name: `process ${ORDER_EVENTS_TOPIC}`, parentSpanId: sendPlaced.spanId });
    expect(reserve.attributes).toMatchObject({ 'messaging.consumer.group.name': 'inventory', 'omni.consume.outcome': 'applied' });
    const timeline = await spanWhere(
      traceId,
      'customer processing order.placed',
      (s) => s.service === 'customer' && s.kind === SPAN_KIND.consumer && typeOf(s) === 'order.placed.v2',
    );
    expect(timeline.parentSpanId).toBe(sendPlaced.spanId);

    // inventory → order: the reply hangs under the consumer span that caused it.
    const sendReserved = await spanWhere(
      traceId,
      'send of inventory.reserved',
      (s) => s.service === 'inventory' && s.kind === SPAN_KIND.producer && typeOf(s) === 'inventory.reserved.v1',
    );
    expect(sendReserved.parentSpanId).toBe(reserve.spanId);
    const applyReserved = await spanWhere(
      traceId,
      'order processing inventory.reserved',
      (s) => s.service === 'order' && s.kind === SPAN_KIND.consumer && typeOf(s) === 'inventory.reserved.v1',
    );
    expect(applyReserved.parentSpanId).toBe(sendReserved.spanId);

    // The POS side of the same journey: collection, and inventory consuming order.collected.
    const collect = await spanWhere(traceId, 'collect server span', (s) => s.service === 'order' && s.name === 'POST /stores/:storeId/orders/:id/collect');
    expect(collect.parentSpanId).toBe(clientSpanId);
    const sendCollected = await spanWhere(traceId, 'send of order.collected', (s) => s.kind === SPAN_KIND.producer && typeOf(s) === 'order.collected.v1');
    expect(sendCollected.parentSpanId).toBe(collect.spanId);
    const consumeCollected = await spanWhere(
      traceId,
      'inventory processing order.collected',
      (s) => s.service === 'inventory' && typeOf(s) === 'order.collected.v1',
    );
    expect(consumeCollected.parentSpanId).toBe(sendCollected.spanId);

    // One trace: every span of it comes from our services, and all three took part.
    expect([...new Set(collector.trace(traceId).map((s) => s.service))].sort()).toEqual(['customer', 'inventory', 'order']);
    expect(collector.refused).toEqual([]);

    // Logs carry the trace: the request line of POST /orders, and the consumer's line in the order service.
    const orderLogs = e2e.stack.services.order.logs.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : []));
    expect(orderLogs.find((l) => l.msg === 'request completed' && (l.req as { url?: string })?.url === '/orders' && l.trace_id === traceId)).toMatchObject({
      span_id: placeRequest.spanId,
    });
    expect(orderLogs.find((l) => l.msg === 'inventory event applied' && l.orderId === placed.id)).toMatchObject({
      trace_id: traceId,
      span_id: applyReserved.spanId,
    });
  });

  it('starts a trace for a request that brings none, and carries it over Kafka all the same', async () => {
    const j = e2e.j;
    const store = Journey.id('S');
    await j.location(store);
    await j.receive(store, 'HAT', 1);
    const placed = await j.place(store, [{ sku: 'HAT', quantity: 1 }]);
    await j.status(placed.id, 'RESERVED');

    const send = await eventually(
      () => {
        const s = collector.spans.find(
          (x) => x.kind === SPAN_KIND.producer && x.attributes['messaging.kafka.message.key'] === placed.id && typeOf(x) === 'order.placed.v2',
        );
        if (!s) throw new Error(`no send span for order.placed of ${placed.id} yet`);
        return s;
      },
      { timeoutMs: 20_000 },
    );
    const request = await spanWhere(send.traceId, 'POST /orders server span', (s) => s.spanId === send.parentSpanId);
    expect(request).toMatchObject({ name: 'POST /orders', kind: SPAN_KIND.server, parentSpanId: '' });
    const reserve = await spanWhere(send.traceId, 'inventory processing order.placed', (s) => s.service === 'inventory' && s.parentSpanId === send.spanId);
    expect(reserve.kind).toBe(SPAN_KIND.consumer);
  });
});

describe('tracing at shutdown and with export off', () => {
  let probe: KafkaProbe;
  beforeAll(async () => {
    probe = await new KafkaProbe().watch([ORDER_EVENTS_TOPIC, INVENTORY_EVENTS_TOPIC]);
  });
  afterAll(() => probe?.close());

  it('exports the spans still buffered when the service stops gracefully', async () => {
    const collector = await new OtlpReceiver().start();
    // A batch delay far longer than the test: only the flush at shutdown can export these spans.
    const stack = await startStack(['order'], {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/v1/traces`,
      OTEL_BSP_SCHEDULE_DELAY: '60000',
    });
    try {
      const traceId = hex(16);
      await new Journey(stack, probe, { headers: { traceparent: `00-${traceId}-${hex(8)}-01` } }).get('00000000-0000-4000-8000-000000000000');
      expect(collector.spans).toEqual([]);
      await stack.services.order.stop(); // SIGTERM: graceful shutdown
      expect(collector.trace(traceId).map((s) => [s.service, s.name])).toEqual([['order', 'GET /orders/:id']]);
    } finally {
      await stack.stop();
      await collector.stop();
    }
  });

  it('with nothing exported (the default), events still carry the trace across services and logs its id', async () => {
    const stack = await startStack(['order', 'inventory']);
    try {
      const j = new Journey(stack, probe);
      const store = Journey.id('S');
      await j.location(store);
      await j.receive(store, 'GLOVES', 1);
      const placed = await j.place(store, [{ sku: 'GLOVES', quantity: 1 }]);
      await j.status(placed.id, 'RESERVED');

      const traceOf = (tp: string | undefined) => /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/.exec(tp ?? '')?.[1];
      const placedEvent = probe.on(ORDER_EVENTS_TOPIC, { key: placed.id, type: 'order.placed.v2' })[0];
      const traceId = traceOf(placedEvent?.headers.traceparent);
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const reply = await eventually(() => {
        const [m] = probe.on(INVENTORY_EVENTS_TOPIC, { key: placed.id, type: 'inventory.reserved.v1' });
        if (!m) throw new Error('no inventory.reserved yet');
        return m;
      });
      expect(traceOf(reply.headers.traceparent)).toBe(traceId);
      const orderLogs = stack.services.order.logs.flatMap((l) => (l.startsWith('{') ? [JSON.parse(l) as Record<string, unknown>] : []));
      expect(orderLogs.find((l) => l.msg === 'inventory event applied' && l.orderId === placed.id)).toMatchObject({ trace_id: traceId });
    } finally {
      await stack.stop();
    }
  });
});
