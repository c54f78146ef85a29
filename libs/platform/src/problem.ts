import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Observable, throwError } from 'rxjs';
import { isDatabaseUnavailable } from './database-unavailable';
import { nonObjectPositions, OBJECT_ELEMENTS_RULE } from './validation/decorators';

/** One failed rule of a request, naming the field. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** An RFC 9457 problem detail; `code` is the stable, namespaced refusal code (e.g. STOCK.INSUFFICIENT). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
  /** What the refused request created, when it is known (IDEMPOTENCY.ANSWER_LOST): GET it for the outcome. */
  location?: string;
}

/**
 * The refusal codes the platform answers itself, whatever the service (request checks, tokens,
 * rate limits, idempotency, admission), and their status. A service's own codes have their map
 * in its problem mapper; `problemsFrom` (openapi.ts) declares error responses from both.
 */
export const PLATFORM_REFUSAL_STATUS = {
  'REQUEST.INVALID': HttpStatus.BAD_REQUEST,
  'REQUEST.MALFORMED': HttpStatus.BAD_REQUEST,
  'AUTH.UNAUTHENTICATED': HttpStatus.UNAUTHORIZED,
  'AUTH.FORBIDDEN': HttpStatus.FORBIDDEN,
  'IDEMPOTENCY.IN_PROGRESS': HttpStatus.CONFLICT,
  'IDEMPOTENCY.ANSWER_LOST': HttpStatus.CONFLICT,
  'REQUEST.TOO_LARGE': HttpStatus.PAYLOAD_TOO_LARGE,
  'REQUEST.UNSUPPORTED_ENCODING': HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  'IDEMPOTENCY.KEY_REUSED': HttpStatus.UNPROCESSABLE_ENTITY,
  'RATE.LIMITED': HttpStatus.TOO_MANY_REQUESTS,
  'AUTH.UNAVAILABLE': HttpStatus.SERVICE_UNAVAILABLE,
  'SERVICE.OVERLOADED': HttpStatus.SERVICE_UNAVAILABLE,
  'DATABASE.UNAVAILABLE': HttpStatus.SERVICE_UNAVAILABLE,
} as const satisfies Record<string, HttpStatus>;

export type PlatformRefusal = keyof typeof PLATFORM_REFUSAL_STATUS;

/** A refusal the platform answers itself, with the status PLATFORM_REFUSAL_STATUS gives its code. */
export function platformProblem(code: PlatformRefusal, detail: string, errors?: FieldProblem[], location?: string): ProblemException {
  return new ProblemException(PLATFORM_REFUSAL_STATUS[code], code, detail, errors, location);
}

/** The body of such a refusal, for an edge that answers before Nest's pipeline (parser, admission). */
export function platformRefusal(code: PlatformRefusal, detail: string): Problem {
  return problem(PLATFORM_REFUSAL_STATUS[code], code, detail);
}

export class ProblemException extends HttpException {
  constructor(status: HttpStatus, code: string, detail: string, errors?: FieldProblem[], location?: string) {
    const problem: Problem = {
      type: `urn:problem:${code}`,
      title: HttpStatus[status] ?? 'Error',
      status,
      detail,
      code,
      ...(errors ? { errors } : {}),
      ...(location ? { location } : {}),
    };
    super(problem, status);
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).flatMap(([rule, message]) =>
      // An element that is not an object is named by its position, as a failure inside one would be.
      rule === OBJECT_ELEMENTS_RULE
        ? nonObjectPositions(e.value).map((i) => ({ field: `${field}.${i}`, rule, message: `${field}.${i} must be an object` }))
        : [{ field, rule, message }],
    );
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Request bodies: unknown fields refused, types converted, every failed rule named. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return new ProblemException(HttpStatus.BAD_REQUEST, 'REQUEST.INVALID', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
    },
  });
}

const DATABASE_UNAVAILABLE: PlatformRefusal = 'DATABASE.UNAVAILABLE';
/** What a refusal for an unreachable database asks the caller to wait: about a restart's crash recovery. */
const DATABASE_RETRY_AFTER_S = 2;

/**
 * Every HTTP error leaves as application/problem+json; an unexpected one as a bare 500 without
 * internals, one that says the database is out of reach as 503 DATABASE.UNAVAILABLE with
 * Retry-After (a restart, a failover: the caller retries with its Idempotency-Key). In an event handler the error passes through unchanged, so the consumer can tell a
 * permanent failure from a transient one and name the reason when it dead-letters the event.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const res = host.switchToHttp().getResponse<ServerResponse>();
    const problem = problemOf(exception);
    if (problem.status === 500) this.logger.error({ err: exception }, 'unhandled error');
    if (problem.code === DATABASE_UNAVAILABLE) {
      this.logger.warn({ err: exception, event: 'request.database-unavailable' }, 'request refused: the database is out of reach');
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
    }
    sendJson(res, problem.status, problem, PROBLEM_JSON);
  }
}

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

/** Writes `body` as the whole response, as Express's `res.json` would but for its ETag. */
export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** The problem an error leaves as: its own for a ProblemException, one made from any other HttpException, else a bare 500. */
export function problemOf(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.getResponse() as Problem;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
    const code = exception instanceof BadRequestException ? 'REQUEST.INVALID' : `HTTP.${status}`;
    return { type: `urn:problem:${code}`, title: HttpStatus[status] ?? 'Error', status, detail, code };
  }
  // The database shut down, restarting or out of connections: the request may be tried again.
  if (isDatabaseUnavailable(exception)) {
    return platformRefusal(
      DATABASE_UNAVAILABLE,
      'the service cannot reach its database just now; retry after the Retry-After seconds with the same Idempotency-Key',
    );
  }
  // The JSON body parser refuses a body with an http-errors error, not an HttpException.
  const refused = exception !== null && typeof exception === 'object' ? bodyParserProblem(exception) : null;
  if (refused) return refused;
  return {
    type: 'urn:problem:INTERNAL',
    title: 'Internal Server Error',
    status: 500,
    detail: 'an unexpected error occurred',
    code: 'INTERNAL',
  };
}

/** What the JSON body parser reports (body-parser's http-errors), before any route runs. */
export function bodyParserProblem(err: { status?: number; type?: string; expose?: boolean }): Problem | null {
  if (err.type === 'entity.too.large') return platformRefusal('REQUEST.TOO_LARGE', 'the JSON body is larger than 100 kB');
  if (err.type === 'entity.parse.failed') return platformRefusal('REQUEST.MALFORMED', 'the body is not valid JSON');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported')
    return platformRefusal('REQUEST.UNSUPPORTED_ENCODING', 'the body encoding is not supported');
  // Any other 4xx the parser marks safe to expose; an error with a status but not marked so stays a 500.
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500 && err.expose === true)
    return problem(err.status, 'REQUEST.INVALID', 'the request body cannot be read');
  return null;
}

function problem(status: number, code: string, detail: string): Problem {
  return { type: `urn:problem:${code}`, title: HttpStatus[status] ?? 'Error', status, detail, code };
}
