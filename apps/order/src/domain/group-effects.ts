import {
  CapturedTenderPayload,
  ContactChannel,
  event,
  NotificationRequestedV1,
  NotificationRequestedV2,
  NotificationRequestedV2Payload,
  NOTIFICATION_TEMPLATES,
  OrderCancelledV1,
  OrderLineCancelledV1,
  PaymentCaptureRequestedV1,
  PaymentRefundRequestedV1,
  PaymentRefundRequestedV2,
  PayloadOf,
  PendingEvent,
  REFUND_REASONS,
  UNASSIGNED_LOCATION,
} from '@omni/contracts';
import { Fulfilment, FulfilmentBase, remainingAmount, remainingQuantity, StatusFor, withStatus } from './order';

/*
 * What the decisions of every kind of fulfilment group share — pickup, delivery and preorder
 * machines alike: the outside context, a move to a new status, and the effects a decision asks
 * for (notifications, refunds, captures, the settling of a short pick).
 */

/**
 * Everything a decision about one order needs from outside, read before it decides, so that its
 * events are final: the time, fresh ids (event ids, refund ids), how the customer wants to be
 * told, and which tenders pay a refund back.
 */
export interface DecisionContext {
  readonly now: Date;
  readonly newId: () => string;
  /**
   * The contact channel the order's customer prefers, as the customer service last reported it
   * (null: none known, the notifier's default applies). Every notification request names it.
   */
  readonly contactChannel: ContactChannel | null;
  /**
   * For an order paid when it was placed, which of its tenders pay back a refund of `amount`,
   * after what earlier refunds took (`tenderLedger`, ADR 0011); undefined for an order the payment
   * system captured itself, whose refunds name no tenders.
   */
  readonly refundTenders: (amount: number) => CapturedTenderPayload[] | undefined;
}

/** The location a group's events name: its pickup store, or where a delivery ships from (UNASSIGNED before one is chosen). */
export function locationOf(o: Fulfilment): string {
  return o.storeId ?? UNASSIGNED_LOCATION;
}

export function lineIdsOf(o: Fulfilment): string[] {
  return o.lines.map((l) => l.lineId);
}

/**
 * What a move may change besides the state: fields of the group's kind (`F`), never the kind nor
 * the state. Fields every kind has may always change, also where the kind is a type parameter
 * (`settleShortPick`); a group whose kind is not known (F is any Fulfilment) may change only those.
 */
export type GroupChanges<F extends Fulfilment> = Partial<FulfilmentBase> | Partial<Omit<F, 'type' | 'status'>>;

/**
 * `o` moved to `status` at `now` with `changes` laid over it: a pickup stays a pickup and a delivery
 * a delivery (`withStatus`); the changes touch neither the kind nor the state.
 */
export function moved<F extends Fulfilment>(o: F, status: StatusFor<F>, now: Date, changes: NoInfer<GroupChanges<F>> = {}): F {
  return withStatus({ ...o, ...changes, updatedAt: now }, status);
}

/**
 * A notification request, in version 2 and — while consumers move (ADR 0005, ADR 0007) — in
 * version 1 too when version 1 can say it (one of its templates, a known location). Both carry
 * the same notificationId, so a reader of both versions sends it once.
 */
export function notification(o: Fulfilment, template: string, ctx: DecisionContext, extra: Partial<NotificationRequestedV2Payload> = {}): PendingEvent[] {
  const v2: NotificationRequestedV2Payload = {
    notificationId: ctx.newId(),
    orderId: o.orderId,
    fulfilmentId: o.id,
    customerId: o.customerId,
    orderChannel: o.channel,
    template,
    storeId: o.storeId,
    pickupCode: null,
    pickupDeadline: o.type === 'pickup' ? (o.pickupDeadline?.toISOString() ?? null) : null,
    readyBy: o.readyBy?.toISOString() ?? null,
    carrier: o.type === 'delivery' ? o.carrier : null,
    trackingNumber: o.type === 'delivery' ? o.trackingNumber : null,
    requestedAt: ctx.now.toISOString(),
    ...extra,
    contactChannel: ctx.contactChannel,
  };
  const events: PendingEvent[] = [event(NotificationRequestedV2, v2)];
  const v1Template = NOTIFICATION_TEMPLATES.find((t) => t === template);
  if (v1Template && v2.storeId !== null) {
    const { notificationId, orderId, customerId, orderChannel, pickupCode, pickupDeadline, readyBy, requestedAt } = v2;
    events.push(
      event(NotificationRequestedV1, {
        notificationId,
        orderId,
        customerId,
        orderChannel,
        template: v1Template,
        storeId: v2.storeId,
        pickupCode,
        pickupDeadline,
        readyBy,
        requestedAt,
      }),
    );
  }
  return events;
}

/** A refund request in version 2 and, when its reason is one version 1 knows, in version 1 too (same refundId). */
export function refund(o: Fulfilment, amount: number, reason: string, ctx: DecisionContext): PendingEvent[] {
  if (amount <= 0) return [];
  const tenders = ctx.refundTenders(amount);
  return refundRequested({
    orderId: o.orderId,
    fulfilmentId: o.id,
    refundId: ctx.newId(),
    amount,
    currency: o.currency,
    reason,
    requestedAt: ctx.now.toISOString(),
    ...(tenders && { tenders }),
  });
}

/** A refund asked of the payment system: version 2, and version 1 beside it where version 1 can say its reason. */
export function refundRequested(v2: PayloadOf<typeof PaymentRefundRequestedV2>): PendingEvent[] {
  const v1Reason = REFUND_REASONS.find((r) => r === v2.reason);
  if (!v1Reason) return [event(PaymentRefundRequestedV2, v2)];
  const { orderId, refundId, amount, currency, requestedAt } = v2;
  return [event(PaymentRefundRequestedV2, v2), event(PaymentRefundRequestedV1, { orderId, refundId, amount, currency, reason: v1Reason, requestedAt })];
}

export interface ShortPickResolution {
  readonly resourced: readonly { lineId: string; transferId: string; expectedArrivalAt: Date }[];
  readonly unavailable: readonly { lineId: string; quantity: number }[];
}

/**
 * What inventory.short-pick-resolved does to a group of any kind: units no location has are
 * cancelled (each line's cancellation an event, the customer refunded and told, `line-cancelled`),
 * re-sourced lines wait for their transfer, and a group left with nothing is CANCELLED
 * (`cancelled`). What becomes of a group with units left is its kind's own decision.
 */
export function settleShortPick<F extends Fulfilment>(
  f: F,
  r: ShortPickResolution,
  ctx: DecisionContext,
): { after: F; events: PendingEvent[]; cancelled: F | null } {
  const lines = f.lines.map((l) => {
    const gone = r.unavailable.filter((u) => u.lineId === l.lineId).reduce((n, u) => n + u.quantity, 0);
    const moving = r.resourced.find((x) => x.lineId === l.lineId);
    const line = { ...l, cancelledQuantity: Math.min(l.quantity, l.cancelledQuantity + gone), pendingTransferId: moving?.transferId ?? l.pendingTransferId };
    // A picked unit stays picked; a line cut below what was picked keeps only what it still owes.
    return { ...line, pickedQuantity: Math.min(l.pickedQuantity, remainingQuantity(line)) };
  });
  const after: F = { ...f, lines };
  const events: PendingEvent[] = r.unavailable.flatMap((u) => {
    const line = f.lines.find((l) => l.lineId === u.lineId);
    return line
      ? [
          event(OrderLineCancelledV1, {
            orderId: f.orderId,
            fulfilmentId: f.id,
            lineId: line.lineId,
            sku: line.sku,
            quantity: u.quantity,
            reason: 'LINE.UNAVAILABLE',
            cancelledAt: ctx.now.toISOString(),
          }),
        ]
      : [];
  });
  if (r.unavailable.length > 0)
    events.push(...refund(f, remainingAmount(f) - remainingAmount(after), 'LINE.UNAVAILABLE', ctx), ...notification(after, 'line-cancelled', ctx));
  if (lines.some((l) => remainingQuantity(l) > 0)) return { after, events, cancelled: null };
  const cancelled = moved(after, 'CANCELLED', ctx.now, { cancelledBy: 'system', cancellationReason: 'LINE.UNAVAILABLE', cancelledAt: ctx.now });
  events.push(
    event(OrderCancelledV1, {
      orderId: f.orderId,
      fulfilmentId: f.id,
      lineIds: lineIdsOf(f),
      storeId: locationOf(f),
      cancelledBy: 'system',
      reason: 'LINE.UNAVAILABLE',
      cancelledAt: ctx.now.toISOString(),
    }),
    ...notification(cancelled, 'order-cancelled', ctx),
  );
  return { after, events, cancelled };
}

/** Asks the payment system to capture what the customer received, unless it was paid when placed. */
export function capture(o: Fulfilment, amount: number, ctx: DecisionContext): PendingEvent[] {
  if (o.prepaid || amount <= 0) return [];
  return [event(PaymentCaptureRequestedV1, { orderId: o.orderId, fulfilmentId: o.id, amount, currency: o.currency, requestedAt: ctx.now.toISOString() })];
}
