import type { IncomingMessage, ServerResponse } from 'node:http';
import { correlationIdOf } from './logging';
import { CORRELATION_HEADER, requestContext } from './request-context';

/** Runs the rest of the request inside a context holding its correlation id and trace context. */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const correlationId = correlationIdOf(req);
  res.setHeader(CORRELATION_HEADER, correlationId);
  const tp = req.headers['traceparent'];
  requestContext.run({ correlationId, causationId: null, traceparent: typeof tp === 'string' ? tp : null }, next);
}
