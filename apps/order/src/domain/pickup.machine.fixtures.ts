import { PendingEvent, schemaErrors } from '@omni/contracts';
import { Fulfilment, FulfilmentInput, PickupStatus, PlaceOrderInput, placeOrder } from './order';
import { hashPickupCode } from './pickup-code';
import { NewPickupCode } from './pickup.machine';
import { DecisionContext } from './group-effects';

/**
 * What the order domain's specs share: fixed times and ids, a decision context with a fake clock
 * and ids, a group as placeOrder makes it (`placedGroup`), a valid pickup order in any state
 * (`anOrder`), and checks on the events a decision produced. Not a spec itself (jest's unit
 * project matches `*.spec.ts` only).
 */

const placedAt = new Date('2026-11-23T10:00:00.000Z');
export const now = new Date('2026-11-24T10:00:00.000Z');
export const afterDeadline = new Date('2026-12-01T10:00:00.000Z');
export const ORDER_ID = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
export const GROUP_ID = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const LINE_A = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
export const LINE_B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
export const TRANSFER = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
export const CODE = 'K7M2Q9XZ';
const SALT = 'pepper';
export const newCode: NewPickupCode = { code: 'ABCD2345', salt: 'salt-2', hash: hashPickupCode('ABCD2345', 'salt-2') };

export function ctxAt(at: Date): DecisionContext {
  let n = 0;
  return { now: at, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
}
export const ctx = () => ctxAt(now);

/** Lines LINE_A (SKU-A×2 at 10.00) and LINE_B (SKU-B×1 at 5.00) of a placed group. */
export const LINES_AB = [
  { sku: 'SKU-A', quantity: 2, unitPrice: 1000 },
  { sku: 'SKU-B', quantity: 1, unitPrice: 500 },
];

/** The one group, GROUP_ID of lines LINE_A and LINE_B, of order ORDER_ID placed by customer c-1 on `channel`, as placeOrder makes it. */
export function placedGroup(fulfilment: FulfilmentInput, channel: PlaceOrderInput['channel'] = 'web'): Fulfilment {
  const d = placeOrder(
    { channel, placedAtStoreId: null, customerId: 'c-1', contact: null, currency: 'EUR', fulfilments: [fulfilment], capturedTenders: [] },
    { orderId: ORDER_ID, fulfilments: [{ fulfilmentId: GROUP_ID, lineIds: [LINE_A, LINE_B] }] },
    placedAt,
  );
  if (!d.ok) throw new Error(d.code);
  return d.state.fulfilments[0];
}

/** A valid order in any state; a test states only what it is about. */
export function anOrder(status: PickupStatus = 'PLACED', changes: Partial<Fulfilment> = {}): Fulfilment {
  const group = placedGroup({ type: 'pickup', storeId: 'S1', lines: LINES_AB });
  return {
    ...group,
    status,
    readyBy: new Date('2026-11-24T12:00:00.000Z'),
    pickupHoldDays: 3,
    pickupCode: { hash: hashPickupCode(CODE, SALT), salt: SALT },
    pickupDeadline: new Date('2026-11-27T10:00:00.000Z'),
    lines: group.lines.map((l) => ({ ...l, sourceLocationId: 'S1', pickedQuantity: l.lineId === LINE_A ? 1 : 1, pendingTransferId: null })),
    ...changes,
  };
}

export const withPending = (o: Fulfilment): Fulfilment => ({ ...o, lines: o.lines.map((l) => (l.lineId === LINE_A ? { ...l, pendingTransferId: TRANSFER } : l)) });
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

export const ofType = <P = Record<string, unknown>>(events: readonly PendingEvent[], def: { type: string; version: number }) => events.filter((e) => e.def.type === def.type && e.def.version === def.version).map((e) => e.payload as P);
