import type { IncomingMessage, ServerResponse } from 'node:http';
import { Metrics } from './metrics';

/**
 * The route template of a request (`/orders/:id`), never its path: label values must stay few.
 * Requests no route matched share one label.
 */
export function routeTemplate(req: { baseUrl?: string; route?: { path?: unknown } }): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${req.baseUrl ?? ''}${path}` || '/';
}

export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: IncomingMessage & { baseUrl?: string; route?: { path?: unknown } }, res: ServerResponse, next: () => void): void => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.httpRequest(req.method ?? 'GET', routeTemplate(req), res.statusCode, seconds);
    });
    next();
  };
}
