import { DELIVERY_TRANSITIONS } from './delivery.machine';
import { canCancel, canFireOn } from './fulfilment';
import { moved } from './group-effects';
import { Fulfilment, withStatus } from './order';
import { PICKUP_TRANSITIONS } from './pickup.machine';
import { aDeliveryFulfilment, aPickupFulfilment, now } from './test/builders';
import { mayFire, targetsOf, Transitions } from './transitions';

/**
 * Pickup and delivery groups as their own types: a move keeps the kind and may only name a state
 * of that kind (the `@ts-expect-error` lines are checked by tsc, not by jest), and both kinds'
 * lifecycles are read through one shape of table.
 */

describe('a group moved to a new state', () => {
  it('keeps its kind and everything else, and takes the new state', () => {
    const pickup = aPickupFulfilment({ status: 'READY_FOR_PICKUP' });
    expect(withStatus(pickup, 'COLLECTED')).toEqual({ ...pickup, status: 'COLLECTED' });
    const shipped = moved(aDeliveryFulfilment({ status: 'PACKED' }), 'SHIPPED', now, { carrier: 'Colissimo' });
    expect(shipped).toMatchObject({ type: 'delivery', status: 'SHIPPED', carrier: 'Colissimo', updatedAt: now });
  });

  it("may name only its own kind's states, or the shared ones when its kind is not known", () => {
    const pickup = aPickupFulfilment();
    const delivery = aDeliveryFulfilment();
    // @ts-expect-error a pickup is never shipped
    withStatus(pickup, 'SHIPPED');
    // @ts-expect-error a delivery is never collected
    moved(delivery, 'COLLECTED', now);
    const ofAnyKind = (f: Fulfilment) => ({
      cancelled: withStatus(f, 'CANCELLED'),
      // @ts-expect-error a group of unknown kind cannot be sent to one kind's own state
      packed: withStatus(f, 'PACKED'),
    });
    expect(ofAnyKind(pickup).cancelled).toMatchObject({ type: 'pickup', status: 'CANCELLED' });
  });
});

describe('the transition tables', () => {
  const tables: [string, Transitions<string, string>][] = [
    ['pickup', PICKUP_TRANSITIONS],
    ['delivery', DELIVERY_TRANSITIONS],
  ];

  it.each(tables)('%s: every trigger a state lists leads somewhere (so "listed" and "may fire" are one)', (_, table) => {
    const empty = Object.entries(table).flatMap(([status, triggers]) =>
      Object.entries(triggers)
        .filter(([, targets]) => targets?.length === 0)
        .map(([trigger]) => `${status}.${trigger}`),
    );
    expect(empty).toEqual([]);
  });

  it('answer where a trigger leads, the usual target first, and whether it may lead to a given state', () => {
    expect(targetsOf(DELIVERY_TRANSITIONS, 'RESOURCING', 'resolved')).toEqual(['AWAITING_TRANSFER', 'PICKING', 'PACKED', 'CANCELLED']);
    expect(targetsOf(PICKUP_TRANSITIONS, 'COLLECTED', 'cancel')).toEqual([]);
    expect(mayFire(PICKUP_TRANSITIONS, 'RESOURCING', 'resolved', 'PARTIALLY_READY')).toBe(true);
    expect(mayFire(PICKUP_TRANSITIONS, 'RESOURCING', 'resolved', 'PICKING')).toBe(false);
    expect(mayFire(DELIVERY_TRANSITIONS, 'SHIPPED', 'cancel')).toBe(false);
  });

  it("are read by the group's kind", () => {
    expect(canFireOn(aPickupFulfilment({ status: 'PREORDERED' }), 'allocate')).toBe(true);
    expect(canFireOn(aDeliveryFulfilment({ status: 'ALLOCATED' }), 'startPicking')).toBe(false);
    expect(canFireOn(aDeliveryFulfilment({ status: 'PACKED' }), 'cancel')).toBe(true);
    expect(canCancel(aDeliveryFulfilment({ status: 'SHIPPED' }))).toBe(false);
    expect(canCancel(aPickupFulfilment({ status: 'READY_FOR_PICKUP' }))).toBe(true);
    expect(canCancel(aPickupFulfilment({ status: 'COLLECTED' }))).toBe(false);
  });
});
