import { Injectable, Logger } from '@nestjs/common';
import { Decision } from '@omni/contracts';
import { requestContext } from '@omni/platform';
import { DataSource, EntityManager } from 'typeorm';
import { onFulfilment } from '../domain/fulfilment';
import { Fulfilment, Order } from '../domain/order';
import { DecisionContext } from '../domain/group-effects';
import { OrderWriter } from './order-writer';

/** A group whose time has come, with its order locked in the caller's transaction. */
export interface DueGroup {
  readonly order: Order;
  readonly fulfilmentId: string;
}

/** One kind of work the sweeper does when a date kept in the database comes. */
export interface DueWork {
  /** Said in the log line of each group done, e.g. "pickup expired". */
  readonly done: string;
  /** Locks the next due group that no other replica holds (FOR UPDATE … SKIP LOCKED), or null. */
  next(m: EntityManager, now: Date): Promise<DueGroup | null>;
  decide(f: Fulfilment, ctx: DecisionContext): Decision<Fulfilment, string>;
}

/**
 * Runs due work group by group, each in its own transaction with its events (the writer), so a
 * crash loses at most the group in progress and two replicas never do one group twice. A refusal
 * of a group the query selected is a bug, and rolls that group back.
 */
@Injectable()
export class DueGroups {
  private readonly logger = new Logger('DueGroups');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: OrderWriter,
  ) {}

  /** Does up to `limit` groups; returns how many. */
  async handle(work: DueWork, limit: number): Promise<number> {
    let done = 0;
    while (done < limit && (await this.handleNext(work))) done++;
    return done;
  }

  private handleNext(work: DueWork): Promise<boolean> {
    return requestContext.run(requestContext.currentOrNew(), () =>
      this.dataSource.transaction(async (m) => {
        const now = this.writer.now();
        const due = await work.next(m, now);
        if (!due) return false;
        const { order, fulfilmentId } = due;
        const ctx = await this.writer.context(m, order, now);
        const d = onFulfilment(order, fulfilmentId, (f) => work.decide(f, ctx), ctx.now);
        if (!d.ok) throw new Error(`group ${fulfilmentId} of order ${order.id}, selected as due (${work.done}), was refused: ${d.code} ${d.detail ?? ''}`);
        await this.writer.save(m, d.state, d.events, ctx.now);
        this.logger.log({ orderId: order.id, fulfilmentId }, work.done);
        return true;
      }),
    );
  }
}
