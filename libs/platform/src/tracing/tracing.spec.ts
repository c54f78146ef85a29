import 'reflect-metadata';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { loadConfig, ServiceConfig } from '../config';
import { contextFromTraceparent, currentTraceFields, traceparentOf } from './trace-context';
import { inSpan, otlpHeaders, otlpTracesUrl, samplerFor, startTracing, Tracing } from './tracing';

const settings = (env: Record<string, string> = {}) =>
  loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://db/x', KAFKA_BROKERS: 'k:9092', AUTH_JWKS_URL: 'https://id.example.com/jwks.json', ...env });
const INCOMING = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

describe('where spans are exported', () => {
  it.each([
    ['nothing set: the OTLP default', {}, 'http://localhost:4318/v1/traces'],
    ['a base endpoint gets /v1/traces', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'http://collector:4318/v1/traces'],
    ['a trailing slash is not doubled', { OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example.com/otlp/' }, 'https://collector.example.com/otlp/v1/traces'],
    [
      'the traces endpoint is used as given and wins',
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/custom' },
      'http://b:9999/custom',
    ],
  ])('%s', (_, env, url) => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '', ...env })).toBe(url);
  });

  it('reads OTEL_EXPORTER_OTLP_HEADERS as key=value pairs, percent-decoded', () => {
    expect(otlpHeaders('api-key=s3cr%3Dt, tenant=shop')).toEqual({ 'api-key': 's3cr=t', tenant: 'shop' });
    expect(otlpHeaders('')).toEqual({});
  });

  it.each([
    ['always_on', 'AlwaysOnSampler'],
    ['always_off', 'AlwaysOffSampler'],
    ['traceidratio', 'TraceIdRatioBased{0.5}'],
    ['parentbased_always_on', 'ParentBased{root=AlwaysOnSampler'],
    ['parentbased_always_off', 'ParentBased{root=AlwaysOffSampler'],
    ['parentbased_traceidratio', 'ParentBased{root=TraceIdRatioBased{0.5}'],
  ])('builds the %s sampler', (name, description) => {
    expect(samplerFor({ OTEL_TRACES_SAMPLER: name, OTEL_TRACES_SAMPLER_ARG: 0.5 }).toString()).toContain(description);
  });
});

describe('startTracing', () => {
  const exported = new InMemorySpanExporter();
  let tracing: Tracing;

  beforeAll(() => {
    tracing = startTracing('order', settings(), [new SimpleSpanProcessor(exported)]);
  });
  afterAll(() => tracing.shutdown());
  beforeEach(() => exported.reset());

  it('names spans after the service unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(tracing.serviceName).toBe('order');
    expect(tracing.exporter).toBe('none');
  });

  it('continues a remote traceparent: same trace, the remote span as parent, and the new span becomes current', async () => {
    const seen = await inSpan('work', { kind: SpanKind.CONSUMER }, contextFromTraceparent(INCOMING), async () => ({
      tp: traceparentOf(),
      log: currentTraceFields(),
    }));
    const [span] = exported.getFinishedSpans();
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(seen.tp).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01`);
    expect(seen.log).toEqual({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: span.spanContext().spanId });
  });

  it('starts a new trace without a parent, and nests spans started inside', async () => {
    await inSpan('outer', {}, ROOT_CONTEXT, () => inSpan('inner', {}, context.active(), async () => undefined));
    const [inner, outer] = exported.getFinishedSpans();
    expect(outer.parentSpanContext).toBeUndefined();
    expect(inner.spanContext().traceId).toBe(outer.spanContext().traceId);
    expect(inner.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
  });

  it('ends a span whose work throws, marked as an error with the exception recorded', async () => {
    await expect(inSpan('fails', {}, ROOT_CONTEXT, async () => Promise.reject(new Error('database went away')))).rejects.toThrow('database went away');
    const [span] = exported.getFinishedSpans();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'database went away' });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('keeps trace context when the sampler drops the span: ids still propagate, sampled flag off', async () => {
    const tp = await inSpan('dropped', {}, contextFromTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00'), async () => traceparentOf());
    expect(tp).toMatch(/^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00$/);
    expect(tp).not.toContain('00f067aa0ba902b7');
    expect(exported.getFinishedSpans()).toEqual([]);
  });
});

describe('shutdown', () => {
  it('lets a later provider register again, which then makes real spans with nothing exported', async () => {
    const first = startTracing('inventory', settings());
    await first.shutdown();
    expect(trace.getTracer('x').startSpan('after').spanContext().traceId).toBe('00000000000000000000000000000000');
    const second = startTracing('inventory', settings({ OTEL_SERVICE_NAME: 'inventory-eu' }));
    try {
      expect(second.serviceName).toBe('inventory-eu');
      expect(await inSpan('x', {}, ROOT_CONTEXT, async () => traceparentOf())).toMatch(TRACEPARENT);
    } finally {
      await second.shutdown();
    }
  });
});
