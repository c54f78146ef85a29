import {
  NotificationRequestedV2,
  OrderCancelledV1,
  OrderLineCancelledV1,
  OrderReadyForPickupV1,
  OrderTransferArrivedV1,
  OrderTransferLostV1,
  PaymentRefundRequestedV2,
  PendingEvent,
  schemaErrors,
} from '@omni/contracts';
import { DecisionContext } from './group-effects';
import { Fulfilment, placeOrder } from './order';
import { hashPickupCode } from './pickup-code';
import { NewPickupCode } from './pickup.machine';
import { LostTransfer, transferLost } from './transfer-lost';

const placedAt = new Date('2026-11-23T10:00:00.000Z');
const now = new Date('2026-11-26T10:00:00.000Z');
const ORDER_ID = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const GROUP_ID = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const LINE_A = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const LINE_B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const LOST = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const NEW_TRANSFER = '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b';
const code: NewPickupCode = { code: 'ABCD2345', salt: 'salt-2', hash: hashPickupCode('ABCD2345', 'salt-2') };
const ctx = (): DecisionContext => {
  let n = 0;
  return { now, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
};
const ofType = (events: readonly PendingEvent[], def: { type: string; version: number }) => events.filter((e) => e.def.type === def.type && e.def.version === def.version).map((e) => e.payload as Record<string, unknown>);

/** A click & collect of A×2 (10.00 each) and B×1 (5.00) at S1, waiting in `status` for the transfer `pending` names. */
function aGroup(type: 'pickup' | 'delivery', status: string, pending: Record<string, string | null>): Fulfilment {
  const d = placeOrder(
    {
      channel: 'web',
      placedAtStoreId: null,
      customerId: 'c-1',
      contact: null,
      currency: 'EUR',
      fulfilments:
        type === 'pickup'
          ? [{ type: 'pickup', storeId: 'S1', lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 1000 }, { sku: 'SKU-B', quantity: 1, unitPrice: 500 }] }]
          : [{ type: 'delivery', address: { name: 'A', line1: '1 rue', line2: null, postcode: '75001', city: 'Paris', country: 'FR' }, lines: [{ sku: 'SKU-A', quantity: 2, unitPrice: 1000 }, { sku: 'SKU-B', quantity: 1, unitPrice: 500 }] }],
      capturedTenders: [],
    },
    { orderId: ORDER_ID, fulfilments: [{ fulfilmentId: GROUP_ID, lineIds: [LINE_A, LINE_B] }] },
    placedAt,
  );
  if (!d.ok) throw new Error('unreachable');
  const group = d.state.fulfilments[0];
  return {
    ...group,
    storeId: 'S1',
    status: status as Fulfilment['status'],
    readyBy: new Date('2026-11-27T12:00:00.000Z'),
    pickupHoldDays: 3,
    lines: group.lines.map((l) => ({ ...l, sourceLocationId: pending[l.lineId] ? 'W1' : 'S1', pendingTransferId: pending[l.lineId] ?? null })),
  };
}

const lost = (changes: Partial<LostTransfer>): LostTransfer => ({ transferId: LOST, resourced: [], unavailable: [], ...changes });

describe('a transfer declared lost (inventory.transfer-lost)', () => {
  it('re-sourced with a new transfer: the line waits for it, the promise moves to its arrival and the customer is told', () => {
    const arrival = new Date('2026-11-29T09:00:00.000Z');
    const d = transferLost(aGroup('pickup', 'AWAITING_TRANSFER', { [LINE_A]: LOST }), lost({ resourced: [{ lineId: LINE_A, transferId: NEW_TRANSFER, expectedArrivalAt: arrival }] }), code, ctx());
    if (!d.ok) throw new Error(d.detail);
    expect(d.state).toMatchObject({ status: 'AWAITING_TRANSFER', readyBy: arrival });
    expect(d.state.lines.map((l) => [l.lineId, l.pendingTransferId, l.cancelledQuantity])).toEqual([
      [LINE_A, NEW_TRANSFER, 0],
      [LINE_B, null, 0],
    ]);
    const [said] = ofType(d.events, OrderTransferLostV1);
    expect(said).toEqual({ fulfilmentId: GROUP_ID, orderId: ORDER_ID, storeId: 'S1', transferId: LOST, resourced: [{ lineId: LINE_A, transferId: NEW_TRANSFER }], cancelled: [], status: 'AWAITING_TRANSFER', lostAt: now.toISOString() });
    expect(ofType(d.events, NotificationRequestedV2).map((n) => n.template)).toEqual(['pickup-delayed']);
    expect(ofType(d.events, OrderTransferArrivedV1)).toEqual([]);
    for (const e of d.events) expect(schemaErrors(e.def, e.payload)).toEqual([]);
  });

  it('found at the store itself: nothing is awaited any more, the order is RESERVED and no transfer is said to have arrived', () => {
    const d = transferLost(aGroup('pickup', 'AWAITING_TRANSFER', { [LINE_A]: LOST }), lost({ resourced: [{ lineId: LINE_A, transferId: null, expectedArrivalAt: null }] }), code, ctx());
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('RESERVED');
    expect(d.state.lines.every((l) => l.pendingTransferId === null)).toBe(true);
    expect(ofType(d.events, OrderTransferArrivedV1)).toEqual([]);
    expect(ofType(d.events, OrderTransferLostV1)[0]).toMatchObject({ status: 'RESERVED', resourced: [{ lineId: LINE_A, transferId: null }] });
  });

  it('found nowhere: the units are given up and refunded, the rest of the order goes on', () => {
    const d = transferLost(aGroup('pickup', 'AWAITING_TRANSFER', { [LINE_A]: LOST }), lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }), code, ctx());
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
      aGroup('pickup', 'AWAITING_TRANSFER', { [LINE_A]: LOST, [LINE_B]: LOST }),
      lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }, { lineId: LINE_B, quantity: 1 }] }),
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
    const partly = aGroup('pickup', 'PARTIALLY_READY', { [LINE_A]: LOST });
    const picked = { ...partly, lines: partly.lines.map((l) => (l.lineId === LINE_B ? { ...l, pickedQuantity: 1 } : l)) };
    const d = transferLost(picked, lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }), code, ctx());
    if (!d.ok) throw new Error(d.detail);
    expect(d.state).toMatchObject({ status: 'READY_FOR_PICKUP', pickupCode: { hash: code.hash, salt: code.salt } });
    expect(d.state.pickupDeadline).toEqual(new Date(now.getTime() + 3 * 24 * 3600 * 1000));
    expect(ofType(d.events, OrderReadyForPickupV1)).toEqual([expect.objectContaining({ lines: [{ lineId: LINE_B, sku: 'SKU-B', quantity: 1 }] })]);
    expect(ofType(d.events, NotificationRequestedV2).map((n) => [n.template, n.pickupCode])).toEqual([
      ['line-cancelled', null],
      ['pickup-ready', code.code],
    ]);
    expect(ofType(d.events, OrderTransferLostV1)[0]).toMatchObject({ status: 'READY_FOR_PICKUP' });
  });

  it('a partly ready pickup whose lost units the store had itself goes back to picking them', () => {
    const d = transferLost(aGroup('pickup', 'PARTIALLY_READY', { [LINE_A]: LOST }), lost({ resourced: [{ lineId: LINE_A, transferId: null, expectedArrivalAt: null }] }), code, ctx());
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('PICKING');
  });

  it('a delivery group moves on as when its transfer arrives: back to picking what is now at its location', () => {
    const d = transferLost(aGroup('delivery', 'AWAITING_TRANSFER', { [LINE_A]: LOST }), lost({ resourced: [{ lineId: LINE_A, transferId: null, expectedArrivalAt: null }] }), code, ctx());
    if (!d.ok) throw new Error(d.detail);
    expect(d.state.status).toBe('PICKING');
    expect(ofType(d.events, NotificationRequestedV2)).toEqual([]);
  });

  it('changes nothing for a group that does not wait for it, or is over', () => {
    expect(transferLost(aGroup('pickup', 'RESERVED', {}), lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }), code, ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    expect(transferLost(aGroup('pickup', 'CANCELLED', { [LINE_A]: LOST }), lost({ unavailable: [{ lineId: LINE_A, quantity: 2 }] }), code, ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
  });
});
