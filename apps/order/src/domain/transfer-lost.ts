import { accept, Decision, event, OrderTransferArrivedV1, OrderTransferLostV1, refuse } from '@omni/contracts';
import { deliveryTransferArrived } from './delivery.machine';
import { canCancel } from './fulfilment';
import { DecisionContext, locationOf, notification, settleShortPick } from './group-effects';
import { Fulfilment, remainingQuantity } from './order';
import { NewPickupCode, readyForPickup, transferArrived } from './pickup.machine';
import { preorderTransferArrived } from './preorder.machine';

/** What inventory found again for a lost transfer's lines (inventory.transfer-lost). */
export interface LostTransfer {
  readonly transferId: string;
  /** A new transfer bringing the units, or null when the destination had them itself. */
  readonly resourced: readonly { lineId: string; transferId: string | null; expectedArrivalAt: Date | null }[];
  readonly unavailable: readonly { lineId: string; quantity: number }[];
}

/** A transfer that arrives, as the group's kind decides it: where a lost one's lines end up once they wait for it no more. */
function arrivedAs(f: Fulfilment, transferId: string, code: NewPickupCode, ctx: DecisionContext): Decision<Fulfilment, string> {
  if (f.type === 'delivery') return deliveryTransferArrived(f, transferId, ctx);
  if (f.releaseAt) return preorderTransferArrived(f, transferId, code, ctx);
  return transferArrived(f, transferId, ctx.now);
}

/**
 * inventory.transfer-lost, for a group of any kind waiting for the transfer. Units no location has
 * are given up (`settleShortPick`: each line's cancellation an event, the customer refunded and
 * told; nothing left cancels the group); units re-sourced with a new transfer wait for it, and a
 * pickup's promised time moves to its arrival, the customer told of the delay; units the
 * destination had itself are there now. Once no line waits for the lost transfer, the group
 * moves on as its kind does when a transfer arrives — without saying that one arrived.
 */
export function transferLost(f: Fulfilment, lost: LostTransfer, code: NewPickupCode, ctx: DecisionContext): Decision<Fulfilment, string> {
  if (!canCancel(f) || !f.lines.some((l) => l.pendingTransferId === lost.transferId)) {
    return refuse('ORDER.INVALID_TRANSITION', `transfer ${lost.transferId} is not awaited by group ${f.id} (${f.status})`);
  }
  const moving = lost.resourced.filter((r) => r.transferId !== null);
  const settled = settleShortPick(
    f,
    { resourced: moving.map((r) => ({ lineId: r.lineId, transferId: r.transferId!, expectedArrivalAt: r.expectedArrivalAt! })), unavailable: lost.unavailable },
    ctx,
  );
  const events = [...settled.events];
  let state = settled.cancelled ?? settled.after;
  if (!settled.cancelled) {
    const later = Math.max(...moving.map((r) => r.expectedArrivalAt!.getTime()), 0);
    if (f.type === 'pickup' && later > (state.readyBy?.getTime() ?? 0)) {
      state = { ...state, readyBy: new Date(later) };
      events.push(...notification(state, 'pickup-delayed', ctx));
    }
    if (state.lines.some((l) => l.pendingTransferId === lost.transferId)) {
      const arrived = arrivedAs(state, lost.transferId, code, ctx);
      if (!arrived.ok) return arrived;
      state = arrived.state;
      events.push(...arrived.events.filter((e) => e.def !== OrderTransferArrivedV1));
      // A pickup that waited only for the lost units, with everything else picked already, has
      // nothing left to pick: it is ready now, not back to picking.
      if (state.type === 'pickup' && state.status === 'PICKING' && state.lines.every((l) => l.pickedQuantity === remainingQuantity(l))) {
        const ready = readyForPickup(state, state.lines, code, ctx, []);
        if (!ready.ok) return ready;
        state = ready.state;
        events.push(...ready.events);
      }
    }
  }
  const sku = (lineId: string) => f.lines.find((l) => l.lineId === lineId)?.sku ?? '';
  events.unshift(
    event(OrderTransferLostV1, {
      fulfilmentId: f.id,
      orderId: f.orderId,
      storeId: locationOf(f),
      transferId: lost.transferId,
      resourced: lost.resourced.map((r) => ({ lineId: r.lineId, transferId: r.transferId })),
      cancelled: lost.unavailable.map((u) => ({ lineId: u.lineId, sku: sku(u.lineId), quantity: u.quantity })),
      status: state.status,
      lostAt: ctx.now.toISOString(),
    }),
  );
  return accept({ ...state, updatedAt: ctx.now }, events);
}
