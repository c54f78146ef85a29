import { INestApplication } from '@nestjs/common';
import { json, NextFunction, Request, Response } from 'express';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import { bodyParserProblem, ProblemFilter, requestValidationPipe } from './problem';
import { requestShapeMiddleware } from './validation/request-shape.middleware';

/** JSON bodies above this are refused with 413 before any route runs (docs/api-edge.md). */
export const JSON_BODY_LIMIT = '100kb';

/** After SIGTERM, how long requests still running may take before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** A plain Node middleware: what every request passes on either edge, before its body is read. */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Graceful shutdown that a busy client cannot hold open: once SIGTERM or SIGINT arrives, idle
 * keep-alive connections are closed, every response says `Connection: close` (so a connection
 * ends with the request it is serving), and after SHUTDOWN_GRACE_MS whatever is left is cut. Without
 * it the HTTP server's close waits for every keep-alive connection to go quiet — forever, while a
 * client keeps polling on one.
 */
export function drainOnShutdown(server: Server): NodeMiddleware {
  let draining = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      draining = true;
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    });
  }
  return (_req, res, next) => {
    if (draining) res.setHeader('Connection', 'close');
    next();
  };
}

/**
 * What every service's Nest edge adds to `edge` (the plain middlewares every request passes first:
 * metrics, admission, draining, correlation): JSON logs, a bounded JSON body parser, request shape
 * check and validation (docs/adr/0014-request-validation.md), problem+json. The app must be
 * created with `bodyParser: false` so that this parser, and the problem it answers with, are the only ones.
 */
export function configureHttpApp(app: INestApplication, edge: readonly NodeMiddleware[]): void {
  app.useLogger(app.get(Logger));
  for (const middleware of edge) app.use(middleware);
  app.use(json({ limit: JSON_BODY_LIMIT }));
  // Errors of the parser never reach Nest's filters: answer them here, as problem+json.
  app.use((err: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    const problem = bodyParserProblem(err);
    if (!problem) return next(err);
    res.status(problem.status).type('application/problem+json').json(problem);
  });
  // Depth, prototype keys, unsafe numbers, NUL and lone surrogates: refused before anything recurses into the body.
  app.use(requestShapeMiddleware);
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();
}
