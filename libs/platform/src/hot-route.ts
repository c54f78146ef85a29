import { CanActivate, ExceptionFilter, ForbiddenException, INestApplication, Logger, PipeTransform, RequestMethod, SetMetadata, Type } from '@nestjs/common';
import {
  GUARDS_METADATA,
  INTERCEPTORS_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  PIPES_METADATA,
  ROUTE_ARGS_METADATA,
  EXCEPTION_FILTERS_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Logger as PinoLogger } from 'pino';
import { AuthGuard } from './auth/auth.guard';
import { CallerThrottlerGuard } from './auth/rate-limit';
import { requestLogLevel } from './logging';
import { PROBLEM_JSON, ProblemFilter, requestValidationPipe, sendJson } from './problem';
import { requestShapeProblemsOf, shapeProblem } from './validation/request-shape.middleware';
import type { NodeMiddleware } from './http-app';

const HOT_ROUTE = 'http:hot-route';

/**
 * A read answered thousands of times a second (availability): served by the hot edge, outside
 * Express and Nest's per-request pipeline (docs/adr/0016-throughput/rounds-2-7.md, seventh round). The route
 * stays declared as usual — its path, scopes, query DTO and OpenAPI description are the
 * controller's — and it gets the same checks: the edge's middlewares (metrics, admission,
 * draining, correlation and span), the request shape check, the bearer token and scopes
 * (`AuthGuard`), the caller's rate limit (`CallerThrottlerGuard`), the validation pipe on its
 * query and problem+json for every refusal (`ProblemFilter`). Only a `GET` whose one parameter is
 * its `@Query()` DTO, with no guards, pipes, interceptors or filters of its own, can be one.
 */
export const HotRoute = () => SetMetadata(HOT_ROUTE, true);

interface Served {
  path: string;
  controller: Type<unknown>;
  handler: (...args: unknown[]) => unknown;
  instance: object;
  query: Type<unknown>;
}

type HotRequest = IncomingMessage & { route?: { path: string }; baseUrl?: string; params?: Record<string, string>; query?: Record<string, unknown> };

/** Finds the controllers' `@HotRoute()` methods, refusing at start-up any the hot edge cannot serve as Nest would. */
function hotRoutes(app: INestApplication): Served[] {
  const scanner = new MetadataScanner();
  const served: Served[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const instance = wrapper.instance as object | undefined;
    const controller = wrapper.metatype as Type<unknown> | null;
    if (!instance || !controller) continue;
    const proto = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      if (!Reflect.getMetadata(HOT_ROUTE, handler)) continue;
      const where = `${controller.name}.${name}`;
      if (Reflect.getMetadata(METHOD_METADATA, handler) !== RequestMethod.GET) throw new Error(`${where}: a hot route is a GET`);
      for (const key of [GUARDS_METADATA, INTERCEPTORS_METADATA, PIPES_METADATA, EXCEPTION_FILTERS_METADATA]) {
        if (Reflect.getMetadata(key, handler) || Reflect.getMetadata(key, controller))
          throw new Error(`${where}: a hot route runs the API edge's guards, pipe and filter only (${key})`);
      }
      const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown }>);
      const [query] = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as Type<unknown>[];
      if (args.length !== 1 || !args[0][0].startsWith(`${RouteParamtypes.QUERY}:`) || args[0][1].index !== 0 || args[0][1].data !== undefined || !query) {
        throw new Error(`${where}: a hot route takes one parameter, its @Query() DTO`);
      }
      const path = `/${[Reflect.getMetadata(PATH_METADATA, controller), Reflect.getMetadata(PATH_METADATA, handler)]
        .map((p) => String(p ?? '').replace(/^\/+|\/+$/g, ''))
        .filter(Boolean)
        .join('/')}`;
      if (path.includes(':')) throw new Error(`${where}: a hot route has no path parameters`);
      served.push({ path, controller, handler, instance, query });
    }
  }
  return served;
}

/**
 * Puts the hot edge in front of Express: a request for a hot route is served here, any other
 * goes to Express as before. `edge` are the plain middlewares both edges run first, in order.
 */
export function installHotRoutes(app: INestApplication, edge: readonly NodeMiddleware[], log: PinoLogger): string[] {
  const routes = new Map(hotRoutes(app).map((r) => [r.path, r]));
  if (routes.size === 0) return [];
  const guards: CanActivate[] = [app.get(AuthGuard, { strict: false }), app.get(CallerThrottlerGuard, { strict: false })];
  const pipe: PipeTransform = requestValidationPipe();
  const filter: ExceptionFilter = new ProblemFilter();
  const server = app.getHttpServer() as Server;
  const [express] = server.listeners('request') as RequestListener[];
  server.removeListener('request', express);

  const serve = async (route: Served, req: HotRequest, res: ServerResponse, search: string): Promise<void> => {
    // The request's line, as the Nest edge's request logger writes it for a request that got past the edge's middlewares.
    const started = performance.now();
    res.once('finish', () => {
      const level = requestLogLevel(req, res);
      if (log.isLevelEnabled(level))
        log[level](
          { req: { method: req.method, url: req.url }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) },
          'request completed',
        );
    });
    const ctx = new ExecutionContextHost([req, res, () => undefined], route.controller, route.handler);
    ctx.setType('http');
    try {
      const query = parseQuery(search) as Record<string, unknown>;
      req.query = query;
      const shape = requestShapeProblemsOf(route.path, query, undefined);
      if (shape.length > 0) return sendJson(res, 400, shapeProblem(shape.slice(0, 20)), PROBLEM_JSON);
      for (const guard of guards) if (!(await guard.canActivate(ctx))) throw new ForbiddenException('Forbidden resource');
      const dto = await pipe.transform(query, { type: 'query', metatype: route.query, data: undefined });
      sendJson(res, 200, await route.handler.call(route.instance, dto));
    } catch (e) {
      if (res.headersSent) throw e;
      filter.catch(e, ctx);
    }
  };

  const listener = (req: HotRequest, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const route = req.method === 'GET' ? routes.get(q < 0 ? url : url.slice(0, q)) : undefined;
    if (!route) return express(req, res);
    // What the metrics, the span and the log line name the request by, as Express's router would.
    req.route = { path: route.path };
    req.baseUrl = '';
    req.params = {};
    let i = 0;
    const next = (): void => {
      if (i < edge.length) return edge[i++](req, res, next);
      serve(route, req, res, q < 0 ? '' : url.slice(q + 1)).catch((err: unknown) => {
        new Logger('HotRoute').error({ err }, 'unhandled error');
        res.destroy();
      });
    };
    next();
  };
  server.on('request', listener);
  return [...routes.keys()];
}
