import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What follows a journey across HTTP and Kafka: the correlation id of the whole journey and the id
 * of the message that caused the current work. W3C trace context is OpenTelemetry's own context
 * (the active span, see tracing/), which follows the same async calls.
 */
export interface RequestContext {
  readonly correlationId: string;
  readonly causationId: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  /** The current context, or a fresh one for work that no request or event started (timers). */
  currentOrNew(): RequestContext {
    return storage.getStore() ?? { correlationId: randomUUID(), causationId: null };
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A caller's correlation id is kept when it is a safe token; otherwise a new one is made. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && SAFE_ID.test(v) ? v : randomUUID();
}
