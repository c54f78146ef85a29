import { PendingEvent, schemaErrors } from '@omni/contracts';
import { Fulfilment, FulfilmentInput, PickupFulfilment, PlaceOrderInput } from '../order';
import { PickupStatus } from '../order-status';
import { hashPickupCode } from '../pickup-code';
import { NewPickupCode } from '../pickup.machine';
import { anOrder, asPickup, LINE_A, LINE_B, LINES_AB } from './builders';

export { asDelivery, asPickup, ctx, ctxAt, GROUP_ID, LINE_A, LINE_B, LINES_AB, now, ORDER_ID } from './builders';

/**
 * What the pickup, preorder and transfer specs share besides the builders: a pickup group in any
 * state (`aPickupGroup`), a transfer, the answer inventory gives, and checks on the events a
 * decision produced.
 */

export const afterDeadline = new Date('2026-12-01T10:00:00.000Z');
export const TRANSFER = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
export const CODE = 'K7M2Q9XZ';
const SALT = 'pepper';
export const newCode: NewPickupCode = { code: 'ABCD2345', salt: 'salt-2', hash: hashPickupCode('ABCD2345', 'salt-2') };

/** The one group, GROUP_ID, of order ORDER_ID placed by customer c-1 on `channel`, as placeOrder makes it. */
export function placedGroup(fulfilment: FulfilmentInput, channel: PlaceOrderInput['channel'] = 'web'): Fulfilment {
  return anOrder({ channel, fulfilments: [fulfilment] }).fulfilments[0];
}

/** A click & collect group at S1 of LINES_AB in any state, sourced at S1 with one of each line picked, its code drawn; a test states only what it is about. */
export function aPickupGroup(status: PickupStatus = 'PLACED', changes: Partial<PickupFulfilment> = {}): PickupFulfilment {
  const group = asPickup(placedGroup({ type: 'pickup', storeId: 'S1', lines: LINES_AB }));
  return {
    ...group,
    status,
    readyBy: new Date('2026-11-24T12:00:00.000Z'),
    pickupHoldDays: 3,
    pickupCode: { hash: hashPickupCode(CODE, SALT), salt: SALT },
    pickupDeadline: new Date('2026-11-27T10:00:00.000Z'),
    lines: group.lines.map((l) => ({ ...l, sourceLocationId: 'S1', pickedQuantity: 1, pendingTransferId: null })),
    ...changes,
  };
}

export const withPending = <F extends Fulfilment>(o: F): F => ({
  ...o,
  lines: o.lines.map((l) => (l.lineId === LINE_A ? { ...l, pendingTransferId: TRANSFER } : l)),
});
export const reservation = (transferId: string | null) => ({
  lines: [
    { lineId: LINE_A, sourceLocationId: transferId ? 'W1' : 'S1', transferId },
    { lineId: LINE_B, sourceLocationId: 'S1', transferId: null },
  ],
  readyBy: new Date('2026-11-26T12:00:00.000Z'),
  pickupHoldDays: 3,
});

export function expectValidEvents(events: readonly PendingEvent[]) {
  for (const e of events) expect({ type: e.def.type, errors: schemaErrors(e.def, e.payload) }).toEqual({ type: e.def.type, errors: [] });
}

export const ofType = <P = Record<string, unknown>>(events: readonly PendingEvent[], def: { type: string; version: number }) =>
  events.filter((e) => e.def.type === def.type && e.def.version === def.version).map((e) => e.payload as P);
