import { NotificationRequestedV1, NotificationRequestedV2, OrderReadyForPickupV1, schemaErrors } from '@omni/contracts';
import { addressedTo, requestsNotification } from './notifications';
import { Fulfilment } from './order';
import { notification } from './pickup.machine';

const now = new Date('2026-11-23T10:00:00Z');
let n = 0;
const ctx = { now, newId: () => `00000000-0000-4000-8000-00000000000${n++}` };
const group = {
  id: '11111111-1111-4111-8111-111111111111',
  orderId: '22222222-2222-4222-8222-222222222222',
  customerId: 'acct-1',
  channel: 'web',
  storeId: 'S1',
  pickupDeadline: null,
  readyBy: null,
  carrier: null,
  trackingNumber: null,
} as unknown as Fulfilment;

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
