import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Response } from 'express';
import { from, Observable, of, throwError } from 'rxjs';
import { catchError, finalize, mergeMap } from 'rxjs/operators';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '../auth/auth.decorators';
import { platformProblem, Problem, ProblemException, problemOf } from '../problem';
import { KEY_TAKEN_WITH_EFFECTS } from './keys-with-effects';
import { answerText, IdempotencyKeyRef, RequestKeyTaken, withIdempotencyKey } from './key-in-flight';
import { IDEMPOTENCY_KEY, requestHash } from './request-hash';
import type { Pool } from 'pg';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** How long a later request with the same key waits for the first one to finish. */
const WAIT_MS = 10_000;
const POLL_MS = 50;
const CLEANUP_INTERVAL_MS = 15 * 60_000;
/** How long the answer of an executed request is tried to be kept while the database is out of reach. */
const KEEP_ANSWER_MS = 10_000;

export const IDEMPOTENCY_TTL_HOURS = Symbol('IDEMPOTENCY_TTL_HOURS');

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  committed_at: Date | null;
  location: string | null;
}

interface Scope {
  caller: string;
  method: string;
  route: string;
  key: string;
  hash: string;
}

type Claim = { kind: 'execute' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'refuse'; error: ProblemException };

/**
 * What a request does about a key another request holds without an answer yet: wait for it; or,
 * once that request is found abandoned (it held the key past the window), take the key over when
 * its effects never committed, or be told its answer was lost when they did. A request this very
 * process is running is never abandoned, however long it has held the key: a paused process
 * (SIGSTOP, a long GC pause) resumes and answers, and its retry replays that answer.
 */
export function heldKeyVerdict(held: { committed: boolean; runningHere: boolean; abandoned: boolean }): 'wait' | 'take-over' | 'answer-lost' {
  if (held.runningHere || !held.abandoned) return 'wait';
  return held.committed ? 'answer-lost' : 'take-over';
}

/**
 * Honours `Idempotency-Key` on mutating requests (docs/api-edge.md, Idempotency): the first
 * request with a key executes and its answer (2xx or 4xx) is kept; the same key with the same
 * request answers it again with `Idempotent-Replayed: true`; with another request, 422. A 5xx
 * releases the key so a retry executes again, unless the request's effects committed (the outbox
 * marks the key in their transaction): such a key is never executed again, and once its request
 * is found abandoned, a retry is told its answer was lost (409 IDEMPOTENCY.ANSWER_LOST), with the
 * path of what it created when the request noted one (noteCreated): `location`, and a Location header.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private cleanup: NodeJS.Timeout | null = null;
  /** The keys of the requests this process is executing now. */
  private readonly runningHere = new Set<string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly ttlHours: number,
    /** A key held longer than this by a request that never finished (its process died) may be taken over. */
    private readonly abandonedAfterS = 60,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => void this.deleteExpired().catch((e: unknown) => this.logger.warn({ err: e }, 'idempotency key cleanup failed'));
    sweep();
    this.cleanup = setInterval(sweep, CLEANUP_INTERVAL_MS);
    this.cleanup.unref();
  }

  onApplicationShutdown(): void {
    if (this.cleanup) clearInterval(this.cleanup);
  }

  async deleteExpired(): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at < now()`)) as [unknown, number];
    if (count > 0) this.logger.log({ deleted: count }, 'expired idempotency keys deleted');
    return count;
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const header = req.headers['idempotency-key'];
    if (!MUTATING.has(req.method) || header === undefined) return next.handle();
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
      const message = 'Idempotency-Key must be 1-128 letters, digits, dot, underscore, colon or dash';
      return throwError(() => platformProblem('REQUEST.INVALID', message, [{ field: 'Idempotency-Key', rule: 'matches', message }]));
    }
    const scope: Scope = {
      caller: req.principal?.sub ?? `ip:${req.ip}`,
      method: req.method,
      route: req.path,
      key: header,
      hash: requestHash(req.query, req.body),
    };
    if (Reflect.getMetadata(KEY_TAKEN_WITH_EFFECTS, ctx.getHandler()) === true) return this.takenWithEffects(scope, next, res);
    return this.takenFirst(scope, next, res);
  }

  /** The key is taken before the handler runs (a commit of its own), then the handler runs with it. */
  private takenFirst(scope: Scope, next: CallHandler, res: Response): Observable<unknown> {
    return from(this.claim(scope)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'refuse') {
          const location = (claim.error.getResponse() as Problem).location;
          if (location) res.setHeader('Location', location);
          return throwError(() => claim.error);
        }
        if (claim.kind === 'replay') {
          res.status(claim.status).setHeader('Idempotent-Replayed', 'true');
          if (claim.status >= 400) res.type('application/problem+json');
          return of(claim.body);
        }
        this.runningHere.add(idOf(scope));
        // Nest binds the handler to the async context of this call: what it writes knows the key.
        return withIdempotencyKey({ caller: scope.caller, method: scope.method, route: scope.route, key: scope.key }, () => next.handle()).pipe(
          catchError((e: unknown) => {
            const problem: Problem = problemOf(e);
            const settle = problem.status >= 500 ? this.release(scope) : this.keepAnswer(scope, problem.status, problem);
            return from(settle).pipe(mergeMap(() => throwError(() => e)));
          }),
          mergeMap((body) => from(this.keepAnswer(scope, res.statusCode, body)).pipe(mergeMap(() => of(body)))),
          finalize(() => this.runningHere.delete(idOf(scope))),
        );
      }),
    );
  }

  /**
   * The handler runs at once; the transaction of its effects takes the key (`@KeyTakenWithEffects`).
   * When it finds the key taken, or the request fails while a key is kept, the request is answered
   * as one that found the key taken first: replayed, waited for, refused. A 4xx is kept as the
   * key's answer, as it is when the key is taken first.
   */
  private takenWithEffects(scope: Scope, next: CallHandler, res: Response): Observable<unknown> {
    const id = idOf(scope);
    this.runningHere.add(id);
    const ref: IdempotencyKeyRef = {
      caller: scope.caller,
      method: scope.method,
      route: scope.route,
      key: scope.key,
      untaken: { hash: scope.hash, ttlHours: this.ttlHours },
    };
    return withIdempotencyKey(ref, () => next.handle()).pipe(
      // Kept in the transaction of the effects already (answerWithEffects), unless the answer sent is another.
      mergeMap((body) =>
        keptWithEffects(ref, res.statusCode, body) ? of(body) : from(this.keepAnswer(scope, res.statusCode, body)).pipe(mergeMap(() => of(body))),
      ),
      catchError((e: unknown) => {
        this.runningHere.delete(id);
        // Failed after its own effects committed (e.g. while it waited for the outcome): the key is
        // this request's, as when it is taken first: a 4xx is kept, a 5xx leaves it committed.
        if (ref.takenByThisRequest) {
          const problem: Problem = problemOf(e);
          const kept = problem.status >= 500 ? Promise.resolve() : this.keepAnswer(scope, problem.status, problem);
          return from(kept).pipe(mergeMap(() => throwError(() => e)));
        }
        return from(this.answeredElsewhere(scope, e)).pipe(mergeMap((elsewhere) => (elsewhere ? this.takenFirst(scope, next, res) : throwError(() => e))));
      }),
      finalize(() => this.runningHere.delete(id)),
    );
  }

  /**
   * After a request of a route that takes its key with its effects failed: true when the key has
   * a row of another request's (it took the key, or answered it), so the request is answered
   * from it. A 4xx of a request whose key nobody holds is kept as its answer.
   */
  private async answeredElsewhere(s: Scope, e: unknown): Promise<boolean> {
    if (e instanceof RequestKeyTaken) return true;
    const problem: Problem = problemOf(e);
    try {
      if (problem.status >= 500)
        return (
          (
            await this.named('idempotency-held', `SELECT 1 FROM idempotency_keys WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4`, [
              s.caller,
              s.method,
              s.route,
              s.key,
            ])
          ).length === 1
        );
      const kept = await this.named(
        'idempotency-refusal',
        `INSERT INTO idempotency_keys (caller, method, route, key, request_hash, expires_at, status_code, response_body, completed_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6), $7, $8, now())
         ON CONFLICT DO NOTHING RETURNING key`,
        [s.caller, s.method, s.route, s.key, s.hash, this.ttlHours, problem.status, JSON.stringify(problem)],
      );
      return kept.length === 0;
    } catch (err) {
      this.logger.warn({ err, route: s.route }, 'the key of a failed request could not be read; the failure is answered');
      return false;
    }
  }

  /** Inserts the key (the request then executes) or finds the request that did, waiting while it runs. */
  private async claim(s: Scope): Promise<Claim> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const inserted = await this.named(
        'idempotency-claim',
        `INSERT INTO idempotency_keys (caller, method, route, key, request_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(hours => $6))
         ON CONFLICT DO NOTHING RETURNING key`,
        [s.caller, s.method, s.route, s.key, s.hash, this.ttlHours],
      );
      if (inserted.length === 1) return { kind: 'execute' };
      const [row] = (await this.dataSource.query(
        `SELECT request_hash, status_code, response_body, committed_at, location FROM idempotency_keys
         WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4 AND expires_at >= now()`,
        [s.caller, s.method, s.route, s.key],
      )) as KeyRow[];
      if (!row) {
        // Expired (or released after a 5xx): forget it and try to take the key.
        await this.dataSource.query(`DELETE FROM idempotency_keys WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4 AND expires_at < now()`, [
          s.caller,
          s.method,
          s.route,
          s.key,
        ]);
        continue;
      }
      if (row.request_hash !== s.hash) {
        return { kind: 'refuse', error: platformProblem('IDEMPOTENCY.KEY_REUSED', 'this Idempotency-Key was used with another request') };
      }
      if (row.status_code !== null)
        return { kind: 'replay', status: row.status_code, body: row.response_body === null ? undefined : JSON.parse(row.response_body) };
      const runningHere = this.runningHere.has(idOf(s));
      const verdict = heldKeyVerdict({ committed: row.committed_at !== null, runningHere, abandoned: !runningHere && (await this.abandoned(s)) });
      if (verdict === 'answer-lost') {
        return {
          kind: 'refuse',
          error: platformProblem(
            'IDEMPOTENCY.ANSWER_LOST',
            `the request with this Idempotency-Key was applied, and its answer was lost when the service stopped; it will not be applied again${row.location ? `: GET ${row.location} for its outcome` : ''}`,
            undefined,
            row.location ?? undefined,
          ),
        };
      }
      if (verdict === 'take-over' && (await this.takeOverAbandoned(s))) return { kind: 'execute' };
      if (Date.now() > deadline) {
        return {
          kind: 'refuse',
          error: platformProblem('IDEMPOTENCY.IN_PROGRESS', 'a request with this Idempotency-Key is still being processed; retry later'),
        };
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** True when the key's request has held it past the abandonment window without answering. */
  private async abandoned(s: Scope): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM idempotency_keys
       WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4 AND status_code IS NULL AND locked_at < now() - make_interval(secs => $5)`,
      [s.caller, s.method, s.route, s.key, this.abandonedAfterS],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Takes over a key whose request died before committing anything (its effects never happened). */
  private async takeOverAbandoned(s: Scope): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE idempotency_keys SET locked_at = now()
       WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4 AND status_code IS NULL AND committed_at IS NULL
         AND locked_at < now() - make_interval(secs => $5)
       RETURNING key`,
      [s.caller, s.method, s.route, s.key, this.abandonedAfterS],
    )) as [unknown[], number];
    return rows[1] === 1;
  }

  /**
   * Keeps the answer for replays; it never fails the request. The request's effects are in (or it
   * was refused): its caller gets the real answer even when the database cannot take the record for
   * a while (a restart). Tried again for up to KEEP_ANSWER_MS; past that, a retry with the key is
   * told the answer was lost, and where the outcome is (location), never executed again.
   */
  private async keepAnswer(s: Scope, status: number, body: unknown): Promise<void> {
    const deadline = Date.now() + KEEP_ANSWER_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.complete(s, status, body);
      } catch (e) {
        if (Date.now() >= deadline) {
          this.logger.warn(
            { err: e, route: s.route, status },
            'the answer to a keyed request could not be kept; a retry with its key will be told it was lost',
          );
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  }

  private async complete(s: Scope, status: number, body: unknown): Promise<void> {
    await this.named(
      'idempotency-complete',
      `UPDATE idempotency_keys SET status_code = $5, response_body = $6, completed_at = now()
       WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4`,
      [s.caller, s.method, s.route, s.key, status, answerText(body)],
    );
  }

  /**
   * The statements every keyed request runs, named: PostgreSQL prepares them once per connection
   * instead of parsing and planning them each time (docs/adr/0016-throughput.md).
   */
  private async named(name: string, text: string, values: unknown[]): Promise<unknown[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    return (await pool.query({ name, text, values })).rows;
  }

  private async release(s: Scope): Promise<void> {
    // A key whose effects committed stays taken: its request must never run twice.
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE caller = $1 AND method = $2 AND route = $3 AND key = $4 AND status_code IS NULL AND committed_at IS NULL`,
      [s.caller, s.method, s.route, s.key],
    );
  }
}

/** True when the transaction of the request's effects kept this very answer with its key. */
function keptWithEffects(ref: IdempotencyKeyRef, status: number, body: unknown): boolean {
  return ref.answerKept === true && ref.answer !== undefined && ref.answer.status === status && ref.answer.body === answerText(body);
}

const idOf = (s: Pick<Scope, 'caller' | 'method' | 'route' | 'key'>) => JSON.stringify([s.caller, s.method, s.route, s.key]);
