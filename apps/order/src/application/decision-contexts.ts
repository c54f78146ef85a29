import { ContactChannel, PendingEvent } from '@omni/contracts';
import { DecisionContext } from '../domain/group-effects';
import { Order } from '../domain/order';
import { refundedAfter, tenderLedger } from '../domain/refund-tenders';

/** What decisions about a set of orders need from outside, read before they decide (`OrderWriter.contexts`). */
export interface DecisionFacts {
  /** Each order's customer's preferred contact channel; an order not in the map has none known. */
  readonly channels: ReadonlyMap<string, ContactChannel | null>;
  /** For orders paid at placing: what their refunds took of each tender, by reference. */
  readonly refunded: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/**
 * The contexts of the decisions one transaction takes about a set of orders: one time, fresh ids,
 * and the facts read for them. Contexts made without facts (`unread`) answer as if none were known
 * and note whether a decision asked for one, so a consumed run whose decisions ask for none reads
 * nothing (`OrderWriter.decideRun`).
 */
export class DecisionContexts {
  private readonly refunded = new Map<string, ReadonlyMap<string, number>>();
  private asked = false;

  private constructor(
    readonly now: Date,
    private readonly newId: () => string,
    private readonly facts: DecisionFacts | null,
  ) {
    for (const [orderId, taken] of facts?.refunded ?? []) this.refunded.set(orderId, taken);
  }

  static read(now: Date, newId: () => string, facts: DecisionFacts): DecisionContexts {
    return new DecisionContexts(now, newId, facts);
  }

  static unread(now: Date, newId: () => string): DecisionContexts {
    return new DecisionContexts(now, newId, null);
  }

  /** Whether a decision asked for a fact these contexts were made without: a notice's channel, or a refund of an order paid at placing. */
  get askedUnread(): boolean {
    return this.asked;
  }

  /** The context of a decision about `order`. */
  for(order: Order): DecisionContext {
    const ledger = tenderLedger(order.capturedTenders, this.refunded.get(order.id) ?? new Map());
    if (this.facts) return { now: this.now, newId: this.newId, contactChannel: this.facts.channels.get(order.id) ?? null, refundTenders: ledger };
    const note = () => {
      this.asked = true;
    };
    return {
      now: this.now,
      newId: this.newId,
      get contactChannel() {
        note();
        return null;
      },
      refundTenders: (amount) => {
        if (order.capturedTenders.length > 0) note();
        return ledger(amount);
      },
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
