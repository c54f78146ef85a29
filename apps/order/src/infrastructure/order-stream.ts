import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { RelaySignal } from '@omni/messaging';
import { leaveAdmission } from '@omni/platform';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { Order } from '../domain/order';
import { OrderStatus } from '../domain/order-status';
import { orderRepository } from './order.repository';
import { orderView } from './order.view';

/** States after which an order no longer changes: its stream ends. */
export const FINAL_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'COLLECTED',
  'EXPIRED',
  'CANCELLED',
  'REJECTED',
  'DELIVERED',
  'DELIVERY_FAILED',
  'COMPLETED',
  'CLOSED',
]);
/** How often an open stream reads its order when the change may be committed by another replica. */
const POLL_MS = 1000;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * An order as it changes, as server-sent events (docs/click-and-collect.md, ADR 0018): the order
 * now, then at each change, until it is final or the caller goes away. A change committed in this
 * process (the order's events are keyed by its id) is sent at once; otherwise the order is read
 * every POLL_MS. An open stream does no work: it leaves the admission count.
 */
@Injectable()
export class OrderStream implements BeforeApplicationShutdown {
  /** Ends each open stream: a stopping instance does not wait for its callers to hang up. */
  private readonly open = new Set<() => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: RelaySignal,
  ) {}

  async stream(first: Order, req: Request, res: Response): Promise<void> {
    leaveAdmission(res);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let last = '';
    const send = (o: Order) => {
      const version = `${o.status} ${o.updatedAt.toISOString()}`;
      if (version === last) return;
      last = version;
      res.write(`event: order\nid: ${o.updatedAt.toISOString()}\ndata: ${JSON.stringify(orderView(o))}\n\n`);
    };
    let closed = false;
    const watch = this.signal.watch(first.id);
    // The caller going away, or this instance stopping, ends the wait and the stream.
    req.once('close', () => {
      closed = true;
      watch.close();
    });
    this.open.add(watch.close);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    try {
      let order: Order | null = first;
      send(first);
      while (order && !FINAL_ORDER_STATUSES.has(order.status)) {
        const changed = await watch.next(POLL_MS);
        if (closed || (!changed && !this.open.has(watch.close))) break;
        order = await orderRepository.find(this.dataSource.manager, first.id);
        if (order) send(order);
      }
    } finally {
      this.open.delete(watch.close);
      watch.close();
      clearInterval(keepAlive);
      if (!closed) res.end();
    }
  }

  beforeApplicationShutdown(): void {
    const open = [...this.open];
    this.open.clear();
    for (const close of open) close();
  }
}
