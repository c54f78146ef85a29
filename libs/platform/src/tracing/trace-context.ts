import { Context, context, defaultTextMapGetter, defaultTextMapSetter, isSpanContextValid, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

// W3C trace context is read and written with the propagator itself rather than the global one,
// so that it behaves the same whether or not a tracer provider is registered (unit tests, tools).
const w3c = new W3CTraceContextPropagator();

/** The context a `traceparent` (an HTTP header, a Kafka header, an outbox row) continues; the root context when absent or malformed. */
export function contextFromTraceparent(traceparent: string | null | undefined, parent: Context = ROOT_CONTEXT): Context {
  if (!traceparent) return parent;
  return w3c.extract(parent, { traceparent }, defaultTextMapGetter);
}

/** The `traceparent` of the span active in `ctx` (the current one by default); null when there is none. */
export function traceparentOf(ctx: Context = context.active()): string | null {
  const carrier: Record<string, string> = {};
  w3c.inject(ctx, carrier, defaultTextMapSetter);
  return carrier.traceparent ?? null;
}

/** Log fields naming the current span, so a log line can be found from a trace and the reverse. */
export function currentTraceFields(): { trace_id?: string; span_id?: string } {
  const sc = trace.getSpanContext(context.active());
  return sc && isSpanContextValid(sc) ? { trace_id: sc.traceId, span_id: sc.spanId } : {};
}

/** True when a span (local or continued from a remote parent) is active. */
export function hasActiveSpan(): boolean {
  const sc = trace.getSpanContext(context.active());
  return sc !== undefined && isSpanContextValid(sc);
}
