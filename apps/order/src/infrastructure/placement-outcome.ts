import { Injectable } from '@nestjs/common';
import { RelaySignal } from '@omni/messaging';
import { DataSource } from 'typeorm';
import { Order } from '../domain/order';
import { orderRepository } from './order.repository';

/** The longest a placement waits for its outcome (`Prefer: wait`), in seconds. */
export const MAX_PLACEMENT_WAIT_S = 10;
/**
 * How often a waiting placement reads its order when inventory's answer may be applied by another
 * replica: in this process, the commit of the order's next event wakes it at once.
 */
const POLL_MS = 200;

/**
 * Waits, within a request, for what inventory decides about a placed order (docs/adr/0018-placement-outcome.md):
 * RESERVED, AWAITING_TRANSFER, REJECTED with its reason, PREORDERED. The answer to inventory is
 * applied by this service's consumer; when it commits here, the event it appends for the order
 * (keyed by the order id) wakes the waiting request, and otherwise the order is read again every
 * POLL_MS.
 */
@Injectable()
export class PlacementOutcome {
  constructor(
    private readonly dataSource: DataSource,
    private readonly signal: RelaySignal,
  ) {}

  /** The order once it is no longer PLACED, or null when `waitMs` passes first. */
  async decided(orderId: string, waitMs: number): Promise<Order | null> {
    const deadline = Date.now() + waitMs;
    let signalled = false;
    let wake = () => {
      signalled = true;
    };
    const off = this.signal.onCommitted(orderId, () => wake());
    try {
      for (;;) {
        signalled = false;
        const order = await orderRepository.find(this.dataSource.manager, orderId);
        if (order && order.status !== 'PLACED') return order;
        const left = deadline - Date.now();
        if (left <= 0) return null;
        // A commit between the read and here is not missed: it set `signalled`.
        if (signalled) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, POLL_MS));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = () => {
          signalled = true;
        };
      }
    } finally {
      off();
    }
  }
}
