import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf } from './logging';
import { routeTemplate } from './metrics/http-metrics';
import { CORRELATION_HEADER, requestContext } from './request-context';
import { contextFromTraceparent } from './tracing/trace-context';
import { tracer } from './tracing/tracing';

/** Probes and scrapes every few seconds would bury the journeys' traces. */
const UNTRACED = /^\/(health|metrics)(\/|$|\?)/;

type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/**
 * Runs the rest of the request inside a context holding its correlation id and a server span:
 * the span continues the caller's `traceparent` header when it has a valid one, or starts a trace.
 */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const correlationId = correlationIdOf(req);
  res.setHeader(CORRELATION_HEADER, correlationId);
  const run = () => requestContext.run({ correlationId, causationId: null }, next);
  if (UNTRACED.test(req.url ?? '')) return run();

  const tp = req.headers['traceparent'];
  const parent = contextFromTraceparent(typeof tp === 'string' ? tp : null);
  const method = req.method ?? 'GET';
  const span = tracer().startSpan(
    method,
    {
      kind: SpanKind.SERVER,
      attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: (req.url ?? '/').split('?')[0], correlation_id: correlationId },
    },
    parent,
  );
  let ended = false;
  const end = (aborted: boolean) => {
    if (ended) return;
    ended = true;
    // The route is known only once a handler matched: name the span after the template then.
    const route = routeTemplate(req as RoutedRequest);
    if (route !== 'unmatched') {
      span.updateName(`${method} ${route}`);
      span.setAttribute(ATTR_HTTP_ROUTE, route);
    }
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    if (aborted) span.setStatus({ code: SpanStatusCode.ERROR, message: 'connection closed before the response was sent' });
    else if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', () => end(false));
  res.once('close', () => end(!res.writableFinished));
  context.with(trace.setSpan(parent, span), run);
}
