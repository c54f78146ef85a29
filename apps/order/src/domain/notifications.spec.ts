import { NotificationRequestedV1, NotificationRequestedV2, OrderReadyForPickupV1, schemaErrors } from '@omni/contracts';
import { addressedTo, requestsNotification, returnNotice } from './notifications';
import { notification } from './group-effects';
import { DeliveryFulfilment } from './order';
import { aDeliveryFulfilment, anOrder, anOrderLine, aPickupFulfilment } from './test/builders';

const now = new Date('2026-11-23T10:00:00Z');
let n = 0;
const ctx = { now, newId: () => `00000000-0000-4000-8000-00000000000${n++}` };
/** A web pickup at S1, placed and not ready yet. */
const group = aPickupFulfilment({ id: '11111111-1111-4111-8111-111111111111', orderId: '22222222-2222-4222-8222-222222222222', customerId: 'acct-1' });

describe('notification requests addressed to the preferred contact channel', () => {
  const requested = notification(group, 'pickup-ready', ctx, { pickupCode: 'ABC234' });
  const ready = { def: OrderReadyForPickupV1, payload: { orderId: group.orderId } };

  it('names the channel in version 2 only; version 1 and other events pass unchanged', () => {
    const out = addressedTo([ready, ...requested], 'sms');
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(ready);
    const v2 = out.find((e) => e.def === NotificationRequestedV2)!;
    expect(v2.payload).toMatchObject({ template: 'pickup-ready', pickupCode: 'ABC234', contactChannel: 'sms' });
    expect(schemaErrors(NotificationRequestedV2, v2.payload)).toEqual([]);
    const v1 = out.find((e) => e.def === NotificationRequestedV1)!;
    expect(v1).toBe(requested.find((e) => e.def === NotificationRequestedV1));
    expect(schemaErrors(NotificationRequestedV1, v1.payload)).toEqual([]);
  });

  it('says null when no preference is known, which the schema accepts', () => {
    const v2 = addressedTo(requested, null).find((e) => e.def === NotificationRequestedV2)!;
    expect(v2.payload).toMatchObject({ contactChannel: null });
    expect(schemaErrors(NotificationRequestedV2, v2.payload)).toEqual([]);
  });

  it('leaves the request it was given untouched', () => {
    addressedTo(requested, 'push');
    expect(requested.find((e) => e.def === NotificationRequestedV2)!.payload).not.toHaveProperty('contactChannel');
  });

  it('knows whether a decision asks for a notification', () => {
    expect(requestsNotification(requested)).toBe(true);
    expect(requestsNotification([ready])).toBe(false);
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
