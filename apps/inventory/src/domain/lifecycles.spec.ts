import { schemaErrors, TransferShippedV1 } from '@omni/contracts';
import { expectedArrival, pickupRefusal, readyBy } from './location';
import { expiresAt, isExpired, nextReservationStatus, ReservationAction, ReservationStatus, shrinkBy } from './reservation.machine';
import { aStore } from './test/builders';
import { shipTransfer, Transfer, TransferAction, TransferStatus, transition } from './transfer.machine';

const now = new Date('2026-11-23T10:00:00.000Z');
const transfer = (status: TransferStatus): Transfer => ({
  id: '7d1d2b4e-8f57-4a8e-9d8a-0e7d3a2b1c01',
  orderId: '0b7a4a9e-2f4d-4c43-9a55-3f0b8e6c9d11',
  fromLocationId: 'W1',
  toLocationId: 'S1',
  status,
  expectedArrivalAt: new Date('2026-11-25T10:00:00.000Z'),
});

describe('transfer lifecycle', () => {
  it.each<[TransferStatus, TransferAction, TransferStatus | null]>([
    ['REQUESTED', 'ship', 'SHIPPED'],
    ['REQUESTED', 'cancel', 'CANCELLED'],
    ['REQUESTED', 'receive', null],
    ['SHIPPED', 'receive', 'RECEIVED'],
    ['SHIPPED', 'ship', null],
    ['SHIPPED', 'cancel', null],
    ['RECEIVED', 'ship', null],
    ['RECEIVED', 'receive', null],
    ['RECEIVED', 'cancel', null],
    ['CANCELLED', 'ship', null],
    ['CANCELLED', 'receive', null],
    ['CANCELLED', 'cancel', null],
    // A transfer that never arrives: only a shipped one can be declared lost, and nothing follows.
    ['SHIPPED', 'lose', 'LOST'],
    ['REQUESTED', 'lose', null],
    ['RECEIVED', 'lose', null],
    ['CANCELLED', 'lose', null],
    ['LOST', 'receive', null],
    ['LOST', 'lose', null],
    ['LOST', 'cancel', null],
  ])('%s --%s--> %s', (from, action, to) => {
    const d = transition(transfer(from), action);
    if (to === null) expect(d).toMatchObject({ ok: false, code: 'TRANSFER.INVALID_TRANSITION' });
    else expect(d).toMatchObject({ ok: true, state: { status: to } });
  });

  it('shipping emits a valid inventory.transfer-shipped', () => {
    const d = shipTransfer(transfer('REQUESTED'), now);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.events).toHaveLength(1);
    expect(schemaErrors(TransferShippedV1, d.events[0].payload)).toEqual([]);
    expect(d.events[0].payload).toMatchObject({ shippedAt: now.toISOString(), expectedArrivalAt: '2026-11-25T10:00:00.000Z' });
  });
});

describe('reservation lifecycle', () => {
  it.each<[ReservationStatus, ReservationAction, ReservationStatus | null]>([
    ['ACTIVE', 'release', 'RELEASED'],
    ['ACTIVE', 'ship', 'IN_TRANSIT'],
    ['IN_TRANSIT', 'release', 'RELEASED'],
    ['IN_TRANSIT', 'consume', 'CONSUMED'],
    ['IN_TRANSIT', 'ship', null],
    ['IN_TRANSIT', 'shrink', null],
    ['RELEASED', 'ship', null],
    ['ACTIVE', 'consume', 'CONSUMED'],
    ['ACTIVE', 'confirm', 'ACTIVE'],
    ['ACTIVE', 'shrink', 'ACTIVE'],
    ['RELEASED', 'release', null],
    ['RELEASED', 'consume', null],
    ['CONSUMED', 'release', null],
    ['CONSUMED', 'consume', null],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextReservationStatus(from, action)).toBe(to);
  });

  it.each([
    [5, 2, { quantity: 3, status: 'ACTIVE' }],
    [5, 5, { quantity: 5, status: 'RELEASED' }],
    [2, 3, { quantity: 2, status: 'RELEASED' }],
  ])('a reservation of %i short by %i becomes %j', (qty, missing, expected) => {
    expect(shrinkBy(qty, missing)).toEqual(expected);
  });

  it('expires after the TTL, not before', () => {
    const exp = expiresAt(now, 30);
    expect(exp.toISOString()).toBe('2026-11-23T10:30:00.000Z');
    expect(isExpired(exp, new Date('2026-11-23T10:29:59.999Z'))).toBe(false);
    expect(isExpired(exp, exp)).toBe(true);
    expect(isExpired(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('pickup rules', () => {
  const store = aStore({ pickTimeMinutes: 60 });

  it.each([
    [null, 'LOCATION.UNKNOWN'],
    [{ ...store, offersPickup: false }, 'LOCATION.NO_PICKUP'],
    [store, null],
  ])('pickup at %j is refused with %s', (s, code) => {
    expect(pickupRefusal(s)).toBe(code);
  });

  it('is ready after the last arrival plus the pick time', () => {
    const arrival = expectedArrival({ transferDays: 2 }, now);
    expect(arrival.toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(readyBy(store, now, [arrival, now]).toISOString()).toBe('2026-11-25T11:00:00.000Z');
    expect(readyBy(store, now, []).toISOString()).toBe('2026-11-23T11:00:00.000Z');
  });
});
