import { ContactChannel, PendingEvent } from '@omni/contracts';
import { DecisionContext } from '../domain/group-effects';
import { Order } from '../domain/order';
import { refundedAfter, tenderLedger } from '../domain/refund-tenders';

/**
 * The contexts of the decisions one transaction takes about a set of orders, read before any of
 * them decides (`OrderWriter.contexts`): one time, fresh ids, each order's customer's preferred
 * contact channel and, for an order paid when placed, what its refunds took from each tender.
 */
export class DecisionContexts {
  constructor(
    readonly now: Date,
    private readonly newId: () => string,
    private readonly channels: ReadonlyMap<string, ContactChannel | null>,
    private readonly refunded: Map<string, ReadonlyMap<string, number>>,
  ) {}

  /** The context of a decision about `order`. */
  for(order: Order): DecisionContext {
    return {
      now: this.now,
      newId: this.newId,
      contactChannel: this.channels.get(order.id) ?? null,
      refundTenders: tenderLedger(order.capturedTenders, this.refunded.get(order.id) ?? new Map()),
    };
  }

  /**
   * A decision about `order` was taken and will be saved: a later decision about it in the same
   * transaction splits its refunds over what this one's left of the tenders.
   */
  taken(order: Order, events: readonly PendingEvent[]): void {
    if (order.capturedTenders.length > 0) this.refunded.set(order.id, refundedAfter(this.refunded.get(order.id) ?? new Map(), events));
  }
}
