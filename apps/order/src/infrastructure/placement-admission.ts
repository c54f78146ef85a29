import { applyDecorators, CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { Clock, ProblemException } from '@omni/platform';
import type { Response } from 'express';
import { AsyncResource } from 'node:async_hooks';
import { from, mergeMap, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { InventoryAnswers } from '../application/inventory-answers';
import { admitPlacement } from '../domain/placement-admission';
import { OrderConfig } from '../order.config';
import { OrderProblems } from './order-problems';

/** How often the backlog is read under load; a placement after a quiet spell reads it first. */
const SAMPLE_MS = 250;
/** A sample older than this is not trusted: the placement waits for a fresh one. */
const STALE_MS = 1000;
/** Placements waiting longer than this are stuck (a poison event, a lost answer), not queued: they do not count. */
const STUCK_AFTER_MS = 5 * 60_000;
/** How long a refused caller is asked to wait, in seconds. */
const RETRY_AFTER_S = 1;

/**
 * Admission by backlog for placements (docs/adr/0016-throughput.md, docs/operations.md#overload):
 * reads how many placements have waited for inventory's first answer longer than
 * PLACEMENT_ADMISSION_BUDGET_MS — across every replica, from the orders table — at most every
 * SAMPLE_MS, and refuses a placement with 503 `SERVICE.OVERLOADED` and `Retry-After` while
 * PLACEMENT_ADMISSION_LIMIT of them are late and inventory is answering
 * (domain/placement-admission.ts). It runs inside the idempotency interceptor: a retry of a
 * placement already made is answered with its answer, never refused.
 */
@Injectable()
export class PlacementAdmission implements NestInterceptor {
  private late = 0;
  private sampledAt = 0;
  private sampling: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly answers: InventoryAnswers,
    private readonly clock: Clock,
    private readonly config: OrderConfig,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.config.PLACEMENT_ADMISSION_LIMIT <= 0) return next.handle();
    // The handler runs in this call's async context, not in that of the promise that admitted it:
    // the Idempotency-Key in flight is read from it when the placement's events are written, and
    // marks the key committed with them (ADR 0025; the kill-points test sees a key left unmarked).
    const proceed = AsyncResource.bind(() => next.handle());
    return from(this.admit(ctx)).pipe(mergeMap(proceed));
  }

  private async admit(ctx: ExecutionContext): Promise<void> {
    const limit = this.config.PLACEMENT_ADMISSION_LIMIT;
    const age = Date.now() - this.sampledAt;
    if (age >= STALE_MS) await this.sample();
    else if (age >= SAMPLE_MS) void this.sample();
    const admission = admitPlacement(
      { late: this.late, sinceLastAnswerMs: this.answers.sinceLastMs() },
      { limit, answeringWithinMs: this.config.PLACEMENT_ADMISSION_ANSWERING_WITHIN_MS },
    );
    if (admission.admitted) return;
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(RETRY_AFTER_S));
    throw new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      'SERVICE.OVERLOADED',
      `${admission.late >= limit ? `${limit} or more` : admission.late} placements have waited longer than ${this.config.PLACEMENT_ADMISSION_BUDGET_MS} ms for inventory's answer; retry after ${RETRY_AFTER_S} s`,
    );
  }

  /** One read at a time; a failed read keeps the last figure (the placement itself will meet the database's state). */
  private sample(): Promise<void> {
    this.sampling ??= this.read()
      .catch(() => undefined)
      .finally(() => (this.sampling = null));
    return this.sampling;
  }

  private async read(): Promise<void> {
    const now = this.clock.now().getTime();
    const rows: { late: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS late FROM (SELECT 1 FROM orders WHERE status = 'PLACED' AND placed_at < $1 AND placed_at > $2 LIMIT $3) w`,
      [new Date(now - this.config.PLACEMENT_ADMISSION_BUDGET_MS), new Date(now - STUCK_AFTER_MS), this.config.PLACEMENT_ADMISSION_LIMIT],
    );
    this.late = rows[0]?.late ?? 0;
    this.sampledAt = Date.now();
  }
}

/** On an endpoint that places an order: admission by backlog, and the 503 it may answer in the OpenAPI. */
export const AdmittedPlacement = (): MethodDecorator =>
  applyDecorators(
    UseInterceptors(PlacementAdmission),
    OrderProblems([
      'SERVICE.OVERLOADED',
      `Too many placements are waiting for inventory's answer (SERVICE.OVERLOADED; PLACEMENT_ADMISSION_LIMIT, PLACEMENT_ADMISSION_BUDGET_MS), or the instance is serving as many requests as it takes at once (SERVICE.OVERLOADED; MAX_REQUESTS_IN_FLIGHT). Nothing was placed: retry after the \`Retry-After\` seconds, with the same Idempotency-Key.`,
    ]),
  );
