import {
  NotificationRequestedV2,
  OrderCancelledV1,
  OrderLineCancelledV1,
  OrderReadyForPickupV1,
  OrderTransferArrivedV1,
  OrderTransferLostV1,
  PaymentRefundRequestedV2,
} from '@omni/contracts';
import { Fulfilment } from './order';
import { newCode as code, ctxAt, expectValidEvents, GROUP_ID, LINE_A, LINE_B, ofType, ORDER_ID, TRANSFER } from './test/pickup-fixtures';
import { aDeliveryFulfilment, aPickupFulfilment, asPickup, withLineChanges } from './test/builders';
import { LostTransfer, transferLost } from './transfer-lost';

const now = new Date('2026-11-26T10:00:00.000Z');
const LOST = TRANSFER;
const NEW_TRANSFER = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b';
const ctx = () => ctxAt(now);

/** `group` of A×2 (10.00 each) and B×1 (5.00) at S1 (a click & collect, or a delivery shipped from there), waiting for the transfer `pending` names. */
function aGroup<F extends Fulfilment>(group: F, pending: Record<string, string | null>): F {
  return {
    ...group,
    storeId: 'S1',
    readyBy: new Date('2026-11-27T12:00:00.000Z'),
    ...(group.type === 'pickup' ? { pickupHoldDays: 3 } : {}),
    lines: group.lines.map((l) => ({ ...l, sourceLocationId: pending[l.lineId] ? 'W1' : 'S1', pendingTransferId: pending[l.lineId] ?? null })),
  };
}

const lost = (changes: Partial<LostTransfer>): LostTransfer => ({ transferId: LOST, resourced: [], unavailable: [], ...changes });

describe('a transfer declared lost (inventory.transfer-lost)', () => {
  it('re-sourced with a new transfer: the line waits for it, the promise moves to its arrival and the customer is told', () => {
    const arrival = new Date('2026-11-29T09:00:00.000Z');
    const d = transferLost(
      aGroup(aPickupFulfilment({ status: 'AWAITING_TRANSFER' }), { [LINE_A]: LOST }),
      lost({ resourced: [{ lineId: LINE_A, transferId: NEW_TRANSFER, expectedArrivalAt: arrival }] }),
      code,
      ctx(),
    );
    if (!d.ok) throw new Error(d.detail);
    expect(d.state).toMatchObject({ status: 'AWAITING_TRANSFER', readyBy: arrival });
    expect(d.state.lines.map((l) => [l.lineId, l.pendingTransferId, l.cancelledQuantity])).toEqual([
      [LINE_A, NEW_TRANSFER, 0],
      [LINE_B, null, 0],
    ]);
    const [said] = ofType(d.events, OrderTransferLostV1);
    expect(said).toEqual({
      fulfilmentId: GROUP_ID,
      orderId: ORDER_ID,
      storeId: 'S1',
      transferId: LOST,
      resourced: [{ lineId: LINE_A, transferId: NEW_TRANSFER }],
      cancelled: [],
      status: 'AWAITING_TRANSFER',
      lostAt: now.toISOString(),
    });
    expect(ofType(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['pickup-delayed']);
    expect(ofType(d.events, OrderTransferArrivedV1)).toEqual([]);
    expectValidEvents(d.events);
  });

  it('found at the store itself: nothing is awaited any more, the order is RESERVED and no transfer is said to have arrived', () => {
    const d = transferLost(
      aGroup(aPickupFulfilment({ status: 'AWAITING_TRANSFER' }), { [LINE_A]: LOST }),
      lost({ resourced: [{ lineId: LINE_A, transferId: null, expectedArrivalAt: null }] }),
      code,
      ctx(),
    );
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('RESERVED');
    expect(d.state.lines.every((l) => l.pendingTransferId === null)).toBe(true);
    expect(ofType(d.events, OrderTransferArrivedV1)).toEqual([]);
    expect(ofType(d.events, OrderTransferLostV1)[0]).toMatchObject({ status: 'RESERVED', resourced: [{ lineId: LINE_A, transferId: null }] });
  });

  it('found nowhere: the units are given up and refunded, the rest of the order goes on', () => {
    const d = transferLost(
      aGroup(aPickupFulfilment({ status: 'AWAITING_TRANSFER' }), { [LINE_A]: LOST }),
      lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }),
      code,
      ctx(),
    );
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('RESERVED');
    expect(d.state.lines.map((l) => [l.lineId, l.cancelledQuantity, l.pendingTransferId])).toEqual([
      [LINE_A, 2, null],
      [LINE_B, 0, null],
    ]);
    expect(ofType(d.events, OrderLineCancelledV1)).toEqual([expect.objectContaining({ lineId: LINE_A, quantity: 2, reason: 'LINE.UNAVAILABLE' })]);
    expect(ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 2000, reason: 'LINE.UNAVAILABLE' })]);
    expect(ofType(d.events, OrderTransferLostV1)[0]).toMatchObject({ cancelled: [{ lineId: LINE_A, sku: 'SKU-A', quantity: 2 }], status: 'RESERVED' });
  });

  it('everything it carried found nowhere: the group is cancelled', () => {
    const d = transferLost(
      aGroup(aPickupFulfilment({ status: 'AWAITING_TRANSFER' }), { [LINE_A]: LOST, [LINE_B]: LOST }),
      lost({
        unavailable: [
          { lineId: LINE_A, quantity: 2 },
          { lineId: LINE_B, quantity: 1 },
        ],
      }),
      code,
      ctx(),
    );
    if (!d.ok) throw new Error(d.detail);
    expect(d.state).toMatchObject({ status: 'CANCELLED', cancelledBy: 'system', cancellationReason: 'LINE.UNAVAILABLE' });
    expect(ofType(d.events, OrderCancelledV1)).toHaveLength(1);
    expect(ofType(d.events, PaymentRefundRequestedV2)).toEqual([expect.objectContaining({ amount: 2500 })]);
    expect(ofType(d.events, OrderTransferLostV1)[0]).toMatchObject({ status: 'CANCELLED' });
  });

  it('a partly ready pickup whose lost units are found nowhere, with the rest picked, is ready: a code, a deadline, the customer told', () => {
    const partly = aGroup(aPickupFulfilment({ status: 'PARTIALLY_READY' }), { [LINE_A]: LOST });
    const picked = withLineChanges(partly, { [LINE_B]: { pickedQuantity: 1 } });
    const d = transferLost(picked, lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }), code, ctx());
    if (!d.ok) throw new Error(d.detail);
    expect(d.state).toMatchObject({ status: 'READY_FOR_PICKUP', pickupCode: { hash: code.hash, salt: code.salt } });
    expect(asPickup(d.state).pickupDeadline).toEqual(new Date(now.getTime() + 3 * 24 * 3600 * 1000));
    expect(ofType(d.events, OrderReadyForPickupV1)).toEqual([expect.objectContaining({ lines: [{ lineId: LINE_B, sku: 'SKU-B', quantity: 1 }] })]);
    expect(ofType(d.events, NotificationRequestedV2).map((n) => [n.template, n.pickupCode])).toEqual([
      ['line-cancelled', null],
      ['pickup-ready', code.code],
    ]);
    expect(ofType(d.events, OrderTransferLostV1)[0]).toMatchObject({ status: 'READY_FOR_PICKUP' });
  });

  it('a partly ready pickup whose lost units the store had itself goes back to picking them', () => {
    const d = transferLost(
      aGroup(aPickupFulfilment({ status: 'PARTIALLY_READY' }), { [LINE_A]: LOST }),
      lost({ resourced: [{ lineId: LINE_A, transferId: null, expectedArrivalAt: null }] }),
      code,
      ctx(),
    );
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('PICKING');
  });

  it('a delivery group moves on as when its transfer arrives: back to picking what is now at its location', () => {
    const d = transferLost(
      aGroup(aDeliveryFulfilment({ status: 'AWAITING_TRANSFER' }), { [LINE_A]: LOST }),
      lost({ resourced: [{ lineId: LINE_A, transferId: null, expectedArrivalAt: null }] }),
      code,
      ctx(),
    );
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('PICKING');
    expect(ofType(d.events, NotificationRequestedV2)).toEqual([]);
  });

  it('changes nothing for a group that does not wait for it, or is over', () => {
    expect(
      transferLost(aGroup(aPickupFulfilment({ status: 'RESERVED' }), {}), lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }), code, ctx()),
    ).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    expect(
      transferLost(
        aGroup(aPickupFulfilment({ status: 'CANCELLED' }), { [LINE_A]: LOST }),
        lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }),
        code,
        ctx(),
      ),
    ).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
  });
});
