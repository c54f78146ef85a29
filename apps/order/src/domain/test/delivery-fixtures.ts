import { PendingEvent } from '@omni/contracts';
import { DeliveryFulfilment, Order } from '../order';
import { DeliveryStatus } from '../order-status';
import { aDeliveryInput, aLine, anOrder, aPickupInput, asDelivery, LINE_A as A } from './builders';

/**
 * What the delivery specs share besides the builders: a mixed order (a delivery and a pickup), its
 * delivery group in any state (`aDelivery`), the transfer bringing a short-picked unit, and the
 * payloads of the events a decision produced.
 */

/** A mixed order placed at the POS of S9: a delivery of A×2 (10.00) and B×1 (5.00), and a pickup of P at S1. */
export const aMixedOrder = (prepaid = false): Order =>
  anOrder({
    channel: 'pos',
    placedAtStoreId: 'S9',
    customerId: null,
    fulfilments: [aDeliveryInput(), aPickupInput({ lines: [aLine({ sku: 'SKU-P', quantity: 1, unitPrice: 700 })] })],
    capturedTenders: prepaid ? [{ tender: 'card', amount: 3200, reference: 'POS-1' }] : [],
  });

export const TRANSFER = '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b';

/** The mixed order's delivery group in `status`: shipped from W1 once a location was chosen, short-picked where the state says so. */
export function aDelivery(status: DeliveryStatus = 'PLACED', prepaid = false): DeliveryFulfilment {
  const f = asDelivery(aMixedOrder(prepaid).fulfilments[0]);
  const located = status === 'PLACED' || status === 'REJECTED' ? f : { ...f, storeId: 'W1', lines: f.lines.map((l) => ({ ...l, sourceLocationId: 'W1' })) };
  const shaped = { ...located, status, ...(status === 'SHIPPED' ? { carrier: 'Colissimo', trackingNumber: 'TRK1' } : {}) };
  // Short-picked: A found 1 of 2, B found; waiting for inventory, or for a transfer bringing A's missing unit.
  if (status === 'RESOURCING') return { ...shaped, lines: shaped.lines.map((l) => ({ ...l, pickedQuantity: l.lineId === A ? 1 : l.quantity })) };
  if (status === 'AWAITING_TRANSFER')
    return {
      ...shaped,
      lines: shaped.lines.map((l) => ({ ...l, pickedQuantity: l.lineId === A ? 1 : l.quantity, pendingTransferId: l.lineId === A ? TRANSFER : null })),
    };
  return shaped;
}

/** Payloads of one event type at one version, named as on the wire: `order.shipped.v1`. */
export const ofType = <P>(events: readonly PendingEvent[] | undefined, ceType: string) =>
  (events ?? []).filter((e) => `${e.def.type}.v${e.def.version}` === ceType).map((e) => e.payload as P);
