import { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino, { Logger as PinoLogger } from 'pino';
import { CORRELATION_HEADER, correlationIdFrom, requestContext } from './request-context';
import { currentTraceFields } from './tracing/trace-context';

type CorrelatedRequest = IncomingMessage & { correlationId?: string };

/** Both the logger and the context middleware ask this, so the order they run in does not matter. */
export function correlationIdOf(req: CorrelatedRequest): string {
  req.correlationId ??= correlationIdFrom(req.headers[CORRELATION_HEADER]);
  return req.correlationId;
}

/** Fields every log line written inside a request or a consumed event carries: its correlation id and its trace. */
export function contextLogFields(): Record<string, string> {
  const ctx = requestContext.current();
  return { ...(ctx ? { correlationId: ctx.correlationId } : {}), ...currentTraceFields() };
}

const JSON_LINES = { messageKey: 'msg', timestamp: () => `,"time":"${new Date().toISOString()}"` } as const;

/** The same JSON lines outside a Nest app (the `migrate` command). */
export function plainLogger(service: string, level: string): PinoLogger {
  return pino({ level, base: { service }, ...JSON_LINES, mixin: contextLogFields });
}

/**
 * The level of a request's completion line: debug when answered, info when refused (4xx, and 503:
 * shed under load or a dependency down, which have lines and metrics of their own), error when it failed.
 */
export function requestLogLevel(_req: IncomingMessage, res: ServerResponse, err?: Error): 'debug' | 'info' | 'error' {
  if (err || (res.statusCode >= 500 && res.statusCode !== 503)) return 'error';
  return res.statusCode >= 400 ? 'info' : 'debug';
}

/** Structured JSON logs (pino): constant messages, ids as fields, the correlation id and trace id on every line. */
export function loggingModule(service: string, level: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level,
      base: { service },
      ...JSON_LINES,
      // Every line written inside a request or a consumed event carries its correlation id and
      // the trace_id / span_id of the active span (docs/operations/tracing.md).
      mixin: contextLogFields,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = correlationIdOf(req);
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      // One line per request at info would cost a sync write per request under load and drown
      // what matters: answered requests log at debug (LOG_LEVEL=debug shows them), refusals at
      // info, failures at error. Metrics count every request (http_request_duration_seconds).
      customLogLevel: requestLogLevel,
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
