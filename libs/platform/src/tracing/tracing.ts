import { Context, context, diag, DiagLogLevel, propagation, Span, SpanKind, SpanOptions, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  ParentBasedSampler,
  Sampler,
  SpanProcessor,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { ServiceConfig } from '../config';

export { SpanKind };

/** The OTEL_* settings of ServiceConfig that tracing reads. */
export type TracingSettings = Pick<
  ServiceConfig,
  | 'OTEL_TRACES_EXPORTER'
  | 'OTEL_EXPORTER_OTLP_ENDPOINT'
  | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'
  | 'OTEL_EXPORTER_OTLP_HEADERS'
  | 'OTEL_SERVICE_NAME'
  | 'OTEL_TRACES_SAMPLER'
  | 'OTEL_TRACES_SAMPLER_ARG'
  | 'OTEL_BSP_SCHEDULE_DELAY'
>;

const TRACER_NAME = 'omni-backbone';

/** The tracer every span of the services comes from (a no-op one until `startTracing`). */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/** Where an OTLP exporter posts: the traces endpoint as given, else the base endpoint + /v1/traces, else the OTLP default. */
export function otlpTracesUrl(s: Pick<TracingSettings, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'>): string {
  if (s.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return s.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  const base = s.OTEL_EXPORTER_OTLP_ENDPOINT || 'http://localhost:4318';
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

/** `key=value,key2=value2` (values may be percent-encoded, as the specification allows). */
export function otlpHeaders(spec: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of spec.split(',').filter((p) => p.trim() !== '')) {
    const i = pair.indexOf('=');
    headers[decodeURIComponent(pair.slice(0, i).trim())] = decodeURIComponent(pair.slice(i + 1).trim());
  }
  return headers;
}

export function samplerFor(s: Pick<TracingSettings, 'OTEL_TRACES_SAMPLER' | 'OTEL_TRACES_SAMPLER_ARG'>): Sampler {
  const ratio = () => new TraceIdRatioBasedSampler(s.OTEL_TRACES_SAMPLER_ARG);
  switch (s.OTEL_TRACES_SAMPLER) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio();
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio() });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

function processorsFor(s: TracingSettings): SpanProcessor[] {
  const batch = { scheduledDelayMillis: s.OTEL_BSP_SCHEDULE_DELAY };
  switch (s.OTEL_TRACES_EXPORTER) {
    case 'otlp':
      return [new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(s), headers: otlpHeaders(s.OTEL_EXPORTER_OTLP_HEADERS) }), batch)];
    case 'console':
      return [new BatchSpanProcessor(new ConsoleSpanExporter(), batch)];
    default:
      return [];
  }
}

/** The process's tracer provider; `shutdown` exports what is still buffered and unregisters it. */
export class Tracing {
  private stopped = false;
  constructor(
    private readonly provider: NodeTracerProvider,
    readonly serviceName: string,
    readonly exporter: string,
  ) {}

  async shutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.provider.shutdown();
    } finally {
      // Lets a later provider in the same process (tests) register again.
      trace.disable();
      context.disable();
      propagation.disable();
      diag.disable();
    }
  }
}

/**
 * Registers the tracer provider, the async-local context and the W3C trace context propagator.
 * Spans are always made, so trace context reaches events and logs even when nothing is exported
 * (OTEL_TRACES_EXPORTER=none, the default). `extraProcessors` lets tests collect spans in memory.
 */
export function startTracing(service: string, settings: TracingSettings, extraProcessors: SpanProcessor[] = []): Tracing {
  const serviceName = settings.OTEL_SERVICE_NAME || service;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    sampler: samplerFor(settings),
    spanProcessors: [...processorsFor(settings), ...extraProcessors],
  });
  provider.register();
  diag.setLogger(exportProblemsLogger(service), DiagLogLevel.WARN);
  return new Tracing(provider, serviceName, settings.OTEL_TRACES_EXPORTER);
}

/** The SDK's own warnings (a collector that does not answer) as one JSON line each, like our logs. */
function exportProblemsLogger(service: string) {
  const write =
    (level: string) =>
    (message: string, ...args: unknown[]) =>
      process.stderr.write(
        JSON.stringify({ level, time: new Date().toISOString(), service, msg: 'tracing', detail: [message, ...args.map(String)].join(' ') }) + '\n',
      );
  const ignore = () => undefined;
  return { error: write('error'), warn: write('warn'), info: ignore, debug: ignore, verbose: ignore };
}

/**
 * Runs `fn` in a new active span, child of `parent`: ends it when `fn` settles, and marks it failed
 * (with the exception recorded) when `fn` throws.
 */
export function inSpan<T>(name: string, options: SpanOptions, parent: Context, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, options, parent, async (span) => {
    try {
      return await fn(span);
    } catch (e) {
      failSpan(span, e);
      throw e;
    } finally {
      span.end();
    }
  });
}

export function failSpan(span: Span, e: unknown): void {
  const err = e instanceof Error ? e : new Error(String(e));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
