import { PendingEvent } from '@omni/contracts';
import { Order } from './order';
import { DecisionContext, notification } from './group-effects';

/** What the returns service did that the customer is told of (docs/notifications.md). */
export interface ReturnMoment {
  readonly template: 'return-parcel-received' | 'return-received' | 'exchange-completed' | 'refund-issued' | 'store-credit-issued';
  /** The return, when the event names one (a parcel received by mail names its authorisation). */
  readonly returnId?: string;
  /** Where the units came back: the store, or the returns centre that received a parcel; null when not known. */
  readonly storeId: string | null;
  /** The order's lines it is about: the notice names the group that held them. */
  readonly lineIds?: readonly string[];
  readonly trackingNumber?: string;
  readonly amount?: { readonly amount: number; readonly currency: string };
}

/**
 * A notice of a return of the order: through the group that held its lines (else the order's
 * first), naming the return, where the units came back and, for money given back, how much. It
 * carries nothing of the group's pickup or shipment: the notice is about the return.
 */
export function returnNotice(order: Order, moment: ReturnMoment, ctx: DecisionContext): PendingEvent[] {
  const lineIds = new Set(moment.lineIds ?? []);
  const group = order.fulfilments.find((f) => f.lines.some((l) => lineIds.has(l.lineId))) ?? order.fulfilments[0];
  return notification(group, moment.template, ctx, {
    storeId: moment.storeId,
    pickupCode: null,
    pickupDeadline: null,
    readyBy: null,
    carrier: null,
    trackingNumber: moment.trackingNumber ?? null,
    ...(moment.returnId ? { returnId: moment.returnId } : {}),
    ...(moment.amount ? { amount: moment.amount.amount, currency: moment.amount.currency } : {}),
  });
}
