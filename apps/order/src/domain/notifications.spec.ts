import { NotificationRequestedV1, NotificationRequestedV2, schemaErrors } from '@omni/contracts';
import { returnNotice } from './notifications';
import { notification } from './group-effects';
import { DeliveryFulfilment } from './order';
import { aDeliveryFulfilment, anOrder, anOrderLine, aPickupFulfilment, ctxAt } from './test/builders';

const now = new Date('2026-11-23T10:00:00Z');
const ctx = ctxAt(now);
/** A web pickup at S1, placed and not ready yet. */
const group = aPickupFulfilment({ id: '11111111-1111-4111-8111-111111111111', orderId: '22222222-2222-4222-8222-222222222222', customerId: 'acct-1' });

describe('notification requests addressed to the preferred contact channel', () => {
  it("name the context's channel in version 2; version 1 cannot say it", () => {
    const requested = notification(group, 'pickup-ready', ctxAt(now, { contactChannel: 'sms' }), { pickupCode: 'ABC234' });
    expect(requested.map((e) => e.def)).toEqual([NotificationRequestedV2, NotificationRequestedV1]);
    const [v2, v1] = requested;
    expect(v2.payload).toMatchObject({ template: 'pickup-ready', pickupCode: 'ABC234', contactChannel: 'sms' });
    expect(schemaErrors(NotificationRequestedV2, v2.payload)).toEqual([]);
    expect(v1.payload).not.toHaveProperty('contactChannel');
    expect(schemaErrors(NotificationRequestedV1, v1.payload)).toEqual([]);
  });

  it('say null when no preference is known, which the schema accepts', () => {
    const [v2] = notification(group, 'pickup-ready', ctx, { pickupCode: 'ABC234' });
    expect(v2.payload).toMatchObject({ contactChannel: null });
    expect(schemaErrors(NotificationRequestedV2, v2.payload)).toEqual([]);
  });

  it('a return notice names it too', () => {
    const [v2] = returnNotice(
      { ...anOrder(), id: group.orderId, fulfilments: [group] },
      { template: 'return-received', storeId: 'S1' },
      ctxAt(now, { contactChannel: 'email' }),
    );
    expect(v2.payload).toMatchObject({ template: 'return-received', contactChannel: 'email' });
  });
});

describe('return notices', () => {
  const pickup = { ...group, lines: [anOrderLine({ lineId: 'L1' })], pickupDeadline: new Date('2026-11-25T18:00:00Z') };
  const delivery: DeliveryFulfilment = aDeliveryFulfilment({
    id: '33333333-3333-4333-8333-333333333333',
    orderId: group.orderId,
    customerId: group.customerId,
    storeId: 'W1',
    lines: [anOrderLine({ lineId: 'L2' })],
    carrier: 'Colissimo',
    trackingNumber: 'TRK1',
  });
  const order = { ...anOrder(), id: group.orderId, fulfilments: [pickup, delivery] };
  const RETURN = '44444444-4444-4444-8444-444444444444';

  it('names the group that held the returned lines, where they came back and the money given back — nothing of the pickup or shipment', () => {
    const [v2, ...rest] = returnNotice(
      order,
      { template: 'refund-issued', returnId: RETURN, storeId: 'S7', lineIds: ['L2'], amount: { amount: 2500, currency: 'EUR' } },
      ctx,
    );
    expect(rest).toEqual([]); // version 1 cannot say it
    expect(v2.def).toBe(NotificationRequestedV2);
    expect(v2.payload).toMatchObject({
      fulfilmentId: delivery.id,
      template: 'refund-issued',
      storeId: 'S7',
      returnId: RETURN,
      amount: 2500,
      currency: 'EUR',
      carrier: null,
      trackingNumber: null,
      pickupCode: null,
      pickupDeadline: null,
    });
    expect(schemaErrors(NotificationRequestedV2, v2.payload)).toEqual([]);
  });

  it("a parcel received names its tracking number and no return; lines it does not name fall back to the order's first group", () => {
    const [v2] = returnNotice(order, { template: 'return-parcel-received', storeId: 'RC1', trackingNumber: 'RET-1' }, ctx);
    expect(v2.payload).toMatchObject({ fulfilmentId: pickup.id, storeId: 'RC1', trackingNumber: 'RET-1' });
    expect(v2.payload).not.toHaveProperty('returnId');
    expect(v2.payload).not.toHaveProperty('amount');
    expect(schemaErrors(NotificationRequestedV2, v2.payload)).toEqual([]);
  });
});
