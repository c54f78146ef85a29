import {
  DeliveryAssignmentPayload,
  NotificationRequestedV2Payload,
  OrderShippedPayload,
  PaymentRefundRequestedV2Payload,
  PendingEvent,
  schemaErrors,
} from '@omni/contracts';
import { anAddress } from '@omni/testing';
import {
  cancelDelivery,
  confirmDelivered,
  deliveryTransferArrived,
  DELIVERY_TRANSITIONS,
  DELIVERY_TRIGGERS,
  DeliveryTrigger,
  failDelivery,
  recordDeliveryPicks,
  rejectDelivery,
  resolveDeliveryShortPick,
  shipDelivery,
  startPickingDelivery,
} from './delivery.machine';
import { assignDeliveryGroup } from './fulfilment';
import { DeliveryFulfilment, Fulfilment } from './order';
import { DELIVERY_STATUSES } from './order-status';
import { assignDelivery } from './delivery.machine';
import { allocatePreorder, queuePreorder, releasePreorder } from './preorder.machine';
import { aPickupCode, ctx, GROUP_ID as GROUP, LINE_A as A, LINE_B as B, now, ORDER_ID as ORDER, placedAt, withLineChanges } from './test/builders';
import { aDelivery, aMixedOrder, ofType, TRANSFER } from './test/delivery-fixtures';

/**
 * The delivery machine up to the parcel leaving: every (state, trigger) pair of the transition
 * table, then assignment, picking and packing, and short picks. Shipping, what follows it,
 * cancellation and the event versions: delivery.machine.shipping.spec.ts.
 */

/** Inventory's answer to the short pick of A: its missing unit comes from S2 by transfer. */
const resourcedA = { resourced: [{ lineId: A, transferId: TRANSFER, expectedArrivalAt: new Date('2026-11-26T10:00:00.000Z') }], unavailable: [] };

const RELEASE = new Date('2026-12-01T08:00:00.000Z');
const code = aPickupCode();
const asPreorder = (f: Fulfilment, releaseAt = RELEASE): Fulfilment => ({ ...f, releaseAt, lines: f.lines.map((l) => ({ ...l, sourceLocationId: null })) });

const FIRE: Record<
  DeliveryTrigger,
  (f: DeliveryFulfilment) => { ok: boolean; code?: string; state?: Fulfilment | Fulfilment[]; events?: readonly PendingEvent[] }
> = {
  preorder: (f) =>
    queuePreorder(
      asPreorder(f),
      [
        { lineId: A, position: 1, estimatedAt: null },
        { lineId: B, position: 1, estimatedAt: null },
      ],
      'W1',
      ctx(),
    ),
  allocate: (f) =>
    allocatePreorder(
      asPreorder(f),
      [
        { lineId: A, sourceLocationId: 'W1', transferId: null },
        { lineId: B, sourceLocationId: 'W1', transferId: null },
      ],
      1,
      code,
      ctx(),
    ),
  release: (f) => releasePreorder({ ...f, releaseAt: placedAt }, code, ctx()),
  reserve: (f) =>
    assignDelivery(
      f,
      [
        { lineId: A, sourceLocationId: 'W1' },
        { lineId: B, sourceLocationId: 'W1' },
      ],
      ctx(),
    ),
  reject: (f) => rejectDelivery(f, 'STOCK.INSUFFICIENT', ctx()),
  cancel: (f) => cancelDelivery(f, 'customer', 'changed my mind', ctx()),
  startPicking: (f) => startPickingDelivery(f, ctx()),
  pack: (f) =>
    recordDeliveryPicks(
      f,
      [
        { lineId: A, pickedQuantity: 2 },
        { lineId: B, pickedQuantity: 1 },
      ],
      ctx(),
    ),
  shortPick: (f) => recordDeliveryPicks(f, [{ lineId: A, pickedQuantity: 1 }], ctx()),
  resolved: (f) => resolveDeliveryShortPick(f, resourcedA, ctx()),
  transfersArrived: (f) => deliveryTransferArrived(f, TRANSFER, ctx()),
  ship: (f) => shipDelivery(f, 'Colissimo', 'TRK1', ctx()),
  deliver: (f) => confirmDelivered(f, ctx()),
  fail: (f) => failDelivery(f, 'DELIVERY.REFUSED', ctx()),
};
describe('delivery machine', () => {
  const pairs = DELIVERY_STATUSES.flatMap((s) => DELIVERY_TRIGGERS.map((t) => [s, t, DELIVERY_TRANSITIONS[s][t] ?? null] as const));

  it.each(pairs)('from %s, %s leads to one of %j', (from, trigger, targets) => {
    const d = FIRE[trigger](aDelivery(from));
    if (targets === null) {
      expect(d).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      return;
    }
    expect(d.ok).toBe(true);
    const states = Array.isArray(d.state) ? d.state : [d.state!];
    for (const s of states) expect(targets).toContain(s.status);
    for (const e of d.events ?? []) expect({ type: e.def.type, errors: schemaErrors(e.def, e.payload) }).toEqual({ type: e.def.type, errors: [] });
  });

  it('closed states allow nothing; cancellation is possible until the parcel leaves', () => {
    expect(DELIVERY_STATUSES.filter((s) => Object.keys(DELIVERY_TRANSITIONS[s]).length === 0).sort()).toEqual([
      'CANCELLED',
      'DELIVERED',
      'DELIVERY_FAILED',
      'REJECTED',
    ]);
    expect(DELIVERY_STATUSES.filter((s) => DELIVERY_TRANSITIONS[s].cancel)).toEqual([
      'PLACED',
      'PREORDERED',
      'ALLOCATED',
      'RESERVED',
      'PICKING',
      'RESOURCING',
      'AWAITING_TRANSFER',
      'PACKED',
    ]);
  });

  describe('assignment', () => {
    it('keeps a group whole when one location ships everything', () => {
      const d = assignDeliveryGroup(
        aMixedOrder(),
        GROUP,
        [
          { lineId: A, sourceLocationId: 'W1' },
          { lineId: B, sourceLocationId: 'W1' },
        ],
        ctx(),
      );
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      expect(d.state.fulfilments.filter((f) => f.type === 'delivery').map((f) => [f.id, f.storeId, f.status, f.lines.length])).toEqual([
        [GROUP, 'W1', 'RESERVED', 2],
      ]);
      expect(ofType<DeliveryAssignmentPayload>(d.events, 'order.delivery-assigned.v1')).toEqual([
        { orderId: ORDER, fulfilments: [{ fulfilmentId: GROUP, locationId: 'W1', lineIds: [A, B] }], assignedAt: now.toISOString() },
      ]);
    });

    it('splits a group across locations: one group per location, each with its lines', () => {
      const d = assignDeliveryGroup(
        aMixedOrder(),
        GROUP,
        [
          { lineId: A, sourceLocationId: 'W1' },
          { lineId: B, sourceLocationId: 'S2' },
        ],
        ctx(),
      );
      expect(d.ok).toBe(true);
      if (!d.ok) return;
      const deliveries = d.state.fulfilments.filter((f) => f.type === 'delivery');
      // Locations in id order: S2 keeps the group's id, W1 gets a new one.
      expect(deliveries.map((f) => [f.storeId, f.lines.map((l) => l.lineId), f.address])).toEqual([
        ['S2', [B], anAddress()],
        ['W1', [A], anAddress()],
      ]);
      expect(deliveries[0].id).toBe(GROUP);
      expect(new Set(deliveries.map((f) => f.id)).size).toBe(2);
      expect(d.state.status).toBe('IN_PROGRESS'); // the pickup is still PLACED
    });

    it('refuses a reservation that misses a line of the group', () => {
      expect(assignDeliveryGroup(aMixedOrder(), GROUP, [{ lineId: A, sourceLocationId: 'W1' }], ctx())).toMatchObject({
        ok: false,
        code: 'ORDER.INVALID_TRANSITION',
      });
    });
  });

  describe('picking and packing', () => {
    it('a partial report keeps it PICKING until every line is found', () => {
      const d = recordDeliveryPicks(aDelivery('PICKING'), [{ lineId: A, pickedQuantity: 2 }], ctx());
      expect(d.ok && [d.state.status, d.events.length]).toEqual(['PICKING', 0]);
    });
  });

  describe('a short pick', () => {
    it('waits for inventory: RESOURCING, with order.short-picked naming the missing units at the shipping location', () => {
      const d = recordDeliveryPicks(
        aDelivery('PICKING'),
        [
          { lineId: A, pickedQuantity: 1 },
          { lineId: B, pickedQuantity: 1 },
        ],
        ctx(),
      );
      expect(d.ok && d.state.status).toBe('RESOURCING');
      expect(d.ok && ofType(d.events, 'order.short-picked.v1')).toEqual([
        { orderId: ORDER, fulfilmentId: GROUP, storeId: 'W1', lines: [{ lineId: A, sku: 'SKU-A', missingQuantity: 1 }], shortPickedAt: now.toISOString() },
      ]);
    });

    it('re-sourced units come by transfer: AWAITING_TRANSFER, nothing refunded, the customer told the parcel is late', () => {
      const d = resolveDeliveryShortPick(aDelivery('RESOURCING'), resourcedA, ctx());
      expect(d.ok && d.state).toMatchObject({ status: 'AWAITING_TRANSFER', readyBy: new Date('2026-11-26T10:00:00.000Z') });
      expect(d.ok && d.state.lines.map((l) => [l.lineId, l.pendingTransferId, l.cancelledQuantity])).toEqual([
        [A, TRANSFER, 0],
        [B, null, 0],
      ]);
      expect(d.ok && ofType(d.events, 'payment.refund-requested.v2')).toEqual([]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, 'notification.requested.v2').map((n) => [n.template, n.readyBy])).toEqual([
        ['delivery-delayed', '2026-11-26T10:00:00.000Z'],
      ]);
    });

    it('when the transfer arrives, the arrived unit is picked; then the group is PACKED', () => {
      const arrived = deliveryTransferArrived(aDelivery('AWAITING_TRANSFER'), TRANSFER, ctx());
      expect(arrived.ok && arrived.state.status).toBe('PICKING');
      expect(arrived.ok && ofType(arrived.events, 'order.transfer-arrived.v1')).toEqual([
        expect.objectContaining({ transferId: TRANSFER, status: 'PICKING', storeId: 'W1' }),
      ]);
      if (!arrived.ok) return;
      const d = recordDeliveryPicks(arrived.state, [{ lineId: A, pickedQuantity: 2 }], ctx());
      expect(d.ok && d.state.status).toBe('PACKED');
      expect(deliveryTransferArrived(aDelivery('AWAITING_TRANSFER'), 'another-transfer', ctx())).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    });

    it('units no location has are cancelled and refunded, the customer told; what was found ships', () => {
      const d = resolveDeliveryShortPick(aDelivery('RESOURCING'), { resourced: [], unavailable: [{ lineId: A, quantity: 1 }] }, ctx());
      expect(d.ok && d.state.status).toBe('PACKED');
      expect(d.ok && d.state.lines.map((l) => [l.lineId, l.quantity - l.cancelledQuantity, l.pickedQuantity])).toEqual([
        [A, 1, 1],
        [B, 1, 1],
      ]);
      expect(d.ok && ofType(d.events, 'order.line-cancelled.v1')).toEqual([expect.objectContaining({ lineId: A, quantity: 1, reason: 'LINE.UNAVAILABLE' })]);
      expect(d.ok && ofType<PaymentRefundRequestedV2Payload>(d.events, 'payment.refund-requested.v2').map((r) => [r.amount, r.reason])).toEqual([
        [1000, 'LINE.UNAVAILABLE'],
      ]);
      expect(d.ok && ofType<NotificationRequestedV2Payload>(d.events, 'notification.requested.v2').map((n) => n.template)).toEqual(['line-cancelled']);
      expect(d.ok && ofType(d.events, 'order.packed.v1')).toHaveLength(1);
      if (!d.ok) return;
      // Shipping asks for what is left: A×1 and B×1, 15.00.
      const shipped = shipDelivery(d.state, 'Colissimo', 'TRK1', ctx());
      expect(shipped.ok && ofType<OrderShippedPayload>(shipped.events, 'order.shipped.v1')[0].lines.map((l) => [l.lineId, l.quantity])).toEqual([
        [A, 1],
        [B, 1],
      ]);
      expect(shipped.ok && ofType(shipped.events, 'payment.capture-requested.v1')).toEqual([expect.objectContaining({ amount: 1500 })]);
    });

    it('with nothing left the group is cancelled; with lines still to pick it is picked on', () => {
      const none = resolveDeliveryShortPick(
        { ...aDelivery('RESOURCING'), lines: aDelivery('RESOURCING').lines.map((l) => ({ ...l, pickedQuantity: 0 })) },
        {
          resourced: [],
          unavailable: [
            { lineId: A, quantity: 2 },
            { lineId: B, quantity: 1 },
          ],
        },
        ctx(),
      );
      expect(none.ok && none.state).toMatchObject({ status: 'CANCELLED', cancelledBy: 'system', cancellationReason: 'LINE.UNAVAILABLE' });
      expect(none.ok && ofType<PaymentRefundRequestedV2Payload>(none.events, 'payment.refund-requested.v2').map((r) => r.amount)).toEqual([2500]);
      const unreported = withLineChanges(aDelivery('RESOURCING'), { [B]: { pickedQuantity: 0 } });
      const on = resolveDeliveryShortPick(unreported, { resourced: [], unavailable: [{ lineId: A, quantity: 1 }] }, ctx());
      expect(on.ok && on.state.status).toBe('PICKING');
    });
  });
});
