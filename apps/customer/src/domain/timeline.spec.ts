import { ceTypeOf, CONSUMERS, OrderPlacedV1, OrderPlacedV2 } from '@omni/contracts';
import { anAddress, anOrderPlacedV2 } from '@omni/testing';
import { pickupsOf, summariseOrder } from './order-summary';
import { TIMELINE_EVENT_TYPES, TimelineFact, timelineFactOf, unitsByDisposition } from './timeline';

const orderId = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const pickup = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const delivery = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const split = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
const line = { lineId: pickup, sku: 'SKU-1', quantity: 1 };
const at = (h: number) => `2026-11-23T${String(h).padStart(2, '0')}:00:00.000Z`;

/** A guest app order of `orderId` placed at 08:00: a pickup at PARIS and a delivery. */
const placedV2 = anOrderPlacedV2({
  orderId,
  contact: { email: 'ada@example.com', phone: null, loyaltyId: null, name: 'Ada', postcode: null },
  lines: [{ ...line, unitPrice: 100 }],
  fulfilments: [
    { fulfilmentId: pickup, type: 'pickup', storeId: 'PARIS', address: null, lineIds: [pickup] },
    { fulfilmentId: delivery, type: 'delivery', storeId: null, address: anAddress(), lineIds: [pickup] },
  ],
  placedAt: at(8),
});

describe('timeline facts', () => {
  it('map every event the customer service consumes, and only those', () => {
    const consumed = CONSUMERS.filter((c) => c.service === 'customer').flatMap((c) => c.events.map(ceTypeOf));
    expect([...TIMELINE_EVENT_TYPES].sort()).toEqual(consumed.sort());
  });

  it.each([
    [
      'order.placed.v1 at a web store pickup',
      ceTypeOf(OrderPlacedV1),
      { orderId, channel: 'web', storeId: 'PARIS', customerId: 'c-1', currency: 'EUR', lines: [{ ...line, unitPrice: 1 }], placedAt: at(8) },
      { kind: 'order.placed', channel: 'web', storeId: 'PARIS', fulfilmentId: null, occurredAt: at(8) },
    ],
    [
      'order.placed.v2 at a POS',
      ceTypeOf(OrderPlacedV2),
      { ...placedV2, channel: 'pos', placedAtStoreId: 'LYON' },
      { kind: 'order.placed', channel: 'pos', storeId: 'LYON' },
    ],
    ['order.placed.v2 online with one pickup store', ceTypeOf(OrderPlacedV2), placedV2, { kind: 'order.placed', channel: 'app', storeId: 'PARIS' }],
    [
      'a pickup ready at the store',
      'order.ready-for-pickup.v1',
      { orderId, storeId: 'PARIS', lines: [line], pickupDeadline: at(20), readyAt: at(10) },
      { kind: 'order.ready-for-pickup', channel: 'pos', storeId: 'PARIS', details: { pickupDeadline: at(20) } },
    ],
    [
      'a collection',
      'order.collected.v1',
      { orderId, fulfilmentId: pickup, storeId: 'PARIS', lines: [line], collectedAt: at(11) },
      { kind: 'order.collected', channel: 'pos', storeId: 'PARIS', fulfilmentId: pickup },
    ],
    [
      'a cancellation by the customer (the order channel)',
      'order.cancelled.v1',
      { orderId, storeId: 'UNASSIGNED', cancelledBy: 'customer', reason: 'x', cancelledAt: at(9) },
      { kind: 'order.cancelled', channel: null, storeId: null },
    ],
    [
      'a cancellation by the store',
      'order.cancelled.v1',
      { orderId, storeId: 'PARIS', cancelledBy: 'store', reason: 'x', cancelledAt: at(9) },
      { kind: 'order.cancelled', channel: 'pos', storeId: 'PARIS' },
    ],
    [
      'a delivery shipped from a warehouse',
      'order.shipped.v1',
      { orderId, fulfilmentId: delivery, locationId: 'W1', carrier: 'C', trackingNumber: 'T1', lines: [line], shippedAt: at(12) },
      { kind: 'order.shipped', channel: null, storeId: 'W1', details: { carrier: 'C', trackingNumber: 'T1' } },
    ],
    [
      'a delivery failed',
      'order.delivery-failed.v1',
      { orderId, fulfilmentId: delivery, reason: 'DELIVERY.LOST', failedAt: at(13) },
      { kind: 'order.delivery-failed', storeId: null, details: { reason: 'DELIVERY.LOST' } },
    ],
  ])('%s', (_, type, payload, expected) => {
    expect(timelineFactOf(type, payload)).toMatchObject({ orderId, ...expected });
  });

  it('counts the units a return took back per disposition, every disposition named', () => {
    const lines = [
      { quantity: 2, disposition: 'sellable' as const },
      { quantity: 1, disposition: 'damaged' as const },
      { quantity: 3, disposition: 'sellable' as const },
    ];
    expect(unitsByDisposition(lines)).toEqual({ sellable: 5, damaged: 1, 'return-to-vendor': 0 });
    expect(unitsByDisposition([])).toEqual({ sellable: 0, damaged: 0, 'return-to-vendor': 0 });
  });

  it('shows no event it does not know', () => {
    expect(timelineFactOf('payment.capture-requested.v1', { orderId })).toBeNull();
  });
});

describe('the open-order view', () => {
  const fact = (type: string, payload: object) => timelineFactOf(type, { orderId, ...payload }) as TimelineFact;
  const placed = fact(ceTypeOf(OrderPlacedV2), placedV2);

  it('follows each fulfilment group through its own states', () => {
    const s = summariseOrder(orderId, [
      placed,
      fact('order.confirmed.v1', { fulfilmentId: pickup, readyBy: at(10), confirmedAt: at(9) }),
      fact('order.delivery-assigned.v1', {
        fulfilments: [
          { fulfilmentId: delivery, locationId: 'W1', lineIds: [pickup] },
          { fulfilmentId: split, locationId: 'LYON', lineIds: [pickup] },
        ],
        assignedAt: at(9),
      }),
      fact('order.ready-for-pickup.v1', { fulfilmentId: pickup, storeId: 'PARIS', lines: [line], pickupDeadline: at(20), readyAt: at(10) }),
      fact('order.shipped.v1', { fulfilmentId: delivery, locationId: 'W1', carrier: 'C', trackingNumber: 'T', lines: [line], shippedAt: at(11) }),
      fact('order.delivered.v1', { fulfilmentId: split, deliveredAt: at(12) }),
    ]);
    expect(s).toMatchObject({ orderId, channel: 'app', placedAt: at(8), open: true, updatedAt: at(12) });
    expect(s.groups).toEqual([
      { fulfilmentId: pickup, type: 'pickup', storeId: 'PARIS', status: 'READY_FOR_PICKUP', readyBy: at(10), pickupDeadline: at(20) },
      { fulfilmentId: delivery, type: 'delivery', storeId: 'W1', status: 'SHIPPED', readyBy: null, pickupDeadline: null },
      { fulfilmentId: split, type: 'delivery', storeId: 'LYON', status: 'DELIVERED', readyBy: null, pickupDeadline: null },
    ]);
    expect(pickupsOf([s])).toEqual([{ ...s.groups[0], orderId }]);
  });

  it('applies an event without a group to every group, and a closed group stays closed', () => {
    const s = summariseOrder(orderId, [
      placed,
      fact('order.delivered.v1', { fulfilmentId: delivery, deliveredAt: at(9) }),
      fact('order.cancelled.v1', { storeId: 'PARIS', cancelledBy: 'customer', reason: 'x', cancelledAt: at(10) }),
    ]);
    expect(s.groups.map((g) => g.status)).toEqual(['CANCELLED', 'DELIVERED']);
    expect(s.open).toBe(false);
    expect(pickupsOf([s])).toEqual([]);
  });

  it('ignores the order placed again under another event id', () => {
    const ready = fact('order.ready-for-pickup.v1', { fulfilmentId: pickup, storeId: 'PARIS', lines: [line], pickupDeadline: at(20), readyAt: at(10) });
    const s = summariseOrder(orderId, [placed, ready, { ...placed }]);
    expect(s.groups[0].status).toBe('READY_FOR_PICKUP');
  });

  it('takes the state a transfer arrival reports', () => {
    const v1 = fact(ceTypeOf(OrderPlacedV1), {
      channel: 'web',
      storeId: 'PARIS',
      customerId: null,
      currency: 'EUR',
      lines: [{ ...line, unitPrice: 1 }],
      placedAt: at(8),
    });
    const s = summariseOrder(orderId, [v1, fact('order.transfer-arrived.v1', { storeId: 'PARIS', transferId: split, status: 'RESERVED', arrivedAt: at(9) })]);
    expect(s.groups).toEqual([{ fulfilmentId: orderId, type: 'pickup', storeId: 'PARIS', status: 'RESERVED', readyBy: null, pickupDeadline: null }]);
  });
});
