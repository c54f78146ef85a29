import 'reflect-metadata';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadConfig, ServiceConfig } from './config';
import { correlationMiddleware } from './correlation.middleware';
import { contextLogFields } from './logging';
import { requestContext } from './request-context';
import { startTracing, Tracing } from './tracing/tracing';
import { traceparentOf } from './tracing/trace-context';

const INCOMING = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/** Just what the middleware touches of Node's request and response (and of Express's routing). */
class FakeResponse extends EventEmitter {
  statusCode = 200;
  writableFinished = false;
  readonly headers: Record<string, string> = {};
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  finish(status: number) {
    this.statusCode = status;
    this.writableFinished = true;
    this.emit('finish');
    this.emit('close');
  }
}

function request(method: string, url: string, headers: Record<string, string> = {}) {
  return { method, url, headers, route: undefined as { path: string } | undefined, baseUrl: '' };
}

/** Runs the middleware; `next` records what the handler would see. */
function handle(req: ReturnType<typeof request>, res: FakeResponse) {
  let seen: { traceparent: string | null; correlationId?: string; log: Record<string, string> } | undefined;
  correlationMiddleware(req as unknown as IncomingMessage, res as unknown as ServerResponse, () => {
    seen = { traceparent: traceparentOf(), correlationId: requestContext.current()?.correlationId, log: contextLogFields() };
  });
  return seen!;
}

describe('correlationMiddleware: a server span per request', () => {
  const exported = new InMemorySpanExporter();
  let tracing: Tracing;
  const spans = (): ReadableSpan[] => exported.getFinishedSpans();

  beforeAll(() => {
    const config = loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://db/x', KAFKA_BROKERS: 'k:9092', AUTH_JWKS_URL: 'https://id.example.com/jwks.json' });
    tracing = startTracing('order', config, [new SimpleSpanProcessor(exported)]);
  });
  afterAll(() => tracing.shutdown());
  beforeEach(() => exported.reset());

  it("continues the caller's traceparent, makes the span current for the handler, and names it after the route", () => {
    const req = request('POST', '/orders?x=1', { traceparent: INCOMING, 'x-correlation-id': 'journey-1' });
    const res = new FakeResponse();
    const seen = handle(req, res);
    req.route = { path: '/orders' };
    res.finish(201);

    const [span] = spans();
    expect(span.name).toBe('POST /orders');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span.attributes).toMatchObject({
      'http.request.method': 'POST',
      'url.path': '/orders',
      'http.route': '/orders',
      'http.response.status_code': 201,
      correlation_id: 'journey-1',
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    // What the handler saw: the server span (not the caller's) as the current trace context.
    expect(seen.traceparent).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
    expect(seen.correlationId).toBe('journey-1');
    expect(seen.log).toEqual({ correlationId: 'journey-1', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: span.spanContext().spanId });
  });

  it('starts a new trace for a request without (or with a malformed) traceparent', () => {
    for (const headers of [{}, { traceparent: 'garbage' }] as Record<string, string>[]) {
      const res = new FakeResponse();
      handle(request('GET', '/nowhere', headers), res);
      res.finish(404);
    }
    const [a, b] = spans();
    expect([a.parentSpanContext, b.parentSpanContext]).toEqual([undefined, undefined]);
    expect(a.spanContext().traceId).not.toBe(b.spanContext().traceId);
    expect(a.name).toBe('GET'); // no route matched: no template to name it after
    expect(a.attributes['http.route']).toBeUndefined();
  });

  it('marks server errors and requests the caller abandoned as failed, ending the span once', () => {
    const failed = new FakeResponse();
    handle(request('POST', '/orders'), failed);
    failed.finish(503);
    const aborted = new FakeResponse();
    handle(request('POST', '/orders'), aborted);
    aborted.emit('close');
    aborted.emit('close');
    expect(spans().map((s) => [s.attributes['http.response.status_code'], s.status.code])).toEqual([
      [503, SpanStatusCode.ERROR],
      [200, SpanStatusCode.ERROR],
    ]);
  });

  it.each(['/health/live', '/health/ready', '/metrics'])('does not trace %s (probes and scrapes), but still sets the correlation id', (url) => {
    const res = new FakeResponse();
    const seen = handle(request('GET', url), res);
    res.finish(200);
    expect(spans()).toEqual([]);
    expect(seen.traceparent).toBeNull();
    expect(res.headers['x-correlation-id']).toBe(seen.correlationId);
  });
});
