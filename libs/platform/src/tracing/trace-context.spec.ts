import { isSpanContextValid, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { contextFromTraceparent, currentTraceFields, hasActiveSpan, traceparentOf } from './trace-context';

const TP = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

// Without a registered provider, as in tools and these tests: the propagator still reads and writes the header.
describe('W3C trace context', () => {
  it('reads a traceparent into a remote span context and writes it back unchanged', () => {
    const ctx = contextFromTraceparent(TP);
    expect(trace.getSpanContext(ctx)).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: 1, isRemote: true });
    expect(traceparentOf(ctx)).toBe(TP);
  });

  it.each([
    ['absent', null],
    ['empty', ''],
    ['not W3C', 'abc'],
    ['an all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['an all-zero span id', '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'],
    ['upper-case hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01'],
  ])('gives the root context for a traceparent that is %s (a new trace starts)', (_, tp) => {
    const sc = trace.getSpanContext(contextFromTraceparent(tp));
    expect(sc === undefined || !isSpanContextValid(sc)).toBe(true);
    expect(traceparentOf(contextFromTraceparent(tp))).toBeNull();
  });

  it('has no traceparent, log fields or active span outside any span', () => {
    expect(traceparentOf(ROOT_CONTEXT)).toBeNull();
    expect(traceparentOf()).toBeNull();
    expect(currentTraceFields()).toEqual({});
    expect(hasActiveSpan()).toBe(false);
  });
});
