import { anAddress, builder, sequentialIds } from '@omni/testing';
import { DecisionContext } from '../group-effects';
import {
  DeliveryFulfilment,
  Fulfilment,
  FulfilmentInput,
  LineInput,
  mergeLines,
  Order,
  OrderLine,
  PickupFulfilment,
  PlacementIds,
  placeOrder,
  PlaceOrderInput,
} from '../order';
import { hashPickupCode } from '../pickup-code';
import { NewPickupCode } from '../pickup.machine';

/**
 * Test data builders of the order domain (docs/testing.md, "Test data builders"): each gives a
 * valid object typed by the domain, made the way the service makes it (placeOrder), and lays over
 * it only what a test states. Test code only: no production file imports this folder.
 * test/pickup-fixtures.ts adds the pickup machine's own set-up (a pickup group in any state).
 */

export const ORDER_ID = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
/** The order's groups, in the order of its fulfilments. */
export const GROUP_ID = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const SECOND_GROUP_ID = '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
/** The order's lines, in turn across its groups (after merging lines of one SKU and price). */
export const LINE_A = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
export const LINE_B = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
export const LINE_C = '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a';
export const LINE_IDS = [LINE_A, LINE_B, LINE_C, '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6c', '4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7d'];
const GROUP_IDS = [GROUP_ID, SECOND_GROUP_ID, '9c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'];

/** When builders place their orders, and the "now" of `ctx()`: the next day. */
export const placedAt = new Date('2026-11-23T10:00:00.000Z');
export const now = new Date('2026-11-24T10:00:00.000Z');

/**
 * A decision context at `at` whose new ids are 00000000-0000-4000-8000-000000000001, …002, …, for a
 * customer with no known contact preference and an order the payment system captured itself.
 */
export const ctxAt = (at: Date, more: Partial<DecisionContext> = {}): DecisionContext => ({
  now: at,
  newId: sequentialIds(),
  contactChannel: null,
  refundTenders: () => undefined,
  ...more,
});
export const ctx = (): DecisionContext => ctxAt(now);

/** A pickup code as the service draws it: the code, its salt and their hash. */
export const aPickupCode = (code = 'ABCD2345', salt = 'salt'): NewPickupCode => ({ code, salt, hash: hashPickupCode(code, salt) });

/** A line asked for: SKU-A ×2 at 10.00. */
export const aLine = builder<LineInput>(() => ({ sku: 'SKU-A', quantity: 2, unitPrice: 1000 }));
/** What most specs order: SKU-A ×2 at 10.00 (LINE_A) and SKU-B ×1 at 5.00 (LINE_B), 25.00 in all. */
export const LINES_AB: readonly LineInput[] = [aLine(), aLine({ sku: 'SKU-B', quantity: 1, unitPrice: 500 })];

type PickupInput = Extract<FulfilmentInput, { type: 'pickup' }>;
type DeliveryInput = Extract<FulfilmentInput, { type: 'delivery' }>;

/** A pickup asked for at S1 of LINES_AB. */
export const aPickupInput = (over: Partial<Omit<PickupInput, 'type'>> = {}): PickupInput => ({ type: 'pickup', storeId: 'S1', lines: LINES_AB, ...over });
/** A delivery asked for to Ada Martin in Paris (anAddress) of LINES_AB. */
export const aDeliveryInput = (over: Partial<Omit<DeliveryInput, 'type'>> = {}): DeliveryInput => ({
  type: 'delivery',
  address: anAddress(),
  lines: LINES_AB,
  ...over,
});

/** An order as a signed-in web customer (c-1) asks for it: one pickup at S1 of LINES_AB, paid later, in EUR. */
export const aPlaceOrderInput = builder<PlaceOrderInput>(() => ({
  channel: 'web',
  placedAtStoreId: null,
  customerId: 'c-1',
  contact: null,
  currency: 'EUR',
  fulfilments: [aPickupInput()],
  capturedTenders: [],
}));

/** The ids placeOrder is given for `input`: ORDER_ID, the group ids in turn, the line ids in turn across the groups. */
export function placementIdsFor(input: Pick<PlaceOrderInput, 'fulfilments'>): PlacementIds {
  let next = 0;
  return {
    orderId: ORDER_ID,
    fulfilments: input.fulfilments.map((f, i) => ({ fulfilmentId: GROUP_IDS[i], lineIds: mergeLines(f.lines).map(() => LINE_IDS[next++]) })),
  };
}

/** The order placeOrder makes of `aPlaceOrderInput(over)` at `placedAt`, every group PLACED; a refused placement throws. */
export function anOrder(over: Partial<PlaceOrderInput> = {}): Order {
  const input = aPlaceOrderInput(over);
  const d = placeOrder(input, placementIdsFor(input), placedAt);
  if (!d.ok) throw new Error(`${d.code}: ${d.detail}`);
  return d.state;
}

/** `f` as the pickup a test set it up to be; anything else is a broken set-up, and throws. */
export function asPickup(f: Fulfilment): PickupFulfilment {
  if (f.type !== 'pickup') throw new Error(`group ${f.id} is a ${f.type}, the test expected a pickup`);
  return f;
}

/** `f` as the delivery a test set it up to be; anything else is a broken set-up, and throws. */
export function asDelivery(f: Fulfilment): DeliveryFulfilment {
  if (f.type !== 'delivery') throw new Error(`group ${f.id} is a ${f.type}, the test expected a delivery`);
  return f;
}

/**
 * Group GROUP_ID of a web order by c-1: LINES_AB to collect at S1, as placed (PLACED, nothing sourced
 * or picked), with `over` laid over it. A pickup: it has a pickup's fields only, no address nor shipment.
 */
export const aPickupFulfilment = (over: Partial<PickupFulfilment> = {}): PickupFulfilment => ({ ...asPickup(anOrder().fulfilments[0]), ...over });

/**
 * Group GROUP_ID of a web order by c-1: LINES_AB to deliver to anAddress(), as placed (no location
 * yet), with `over` laid over it. A delivery: it has a delivery's fields only, no pickup code nor deadline.
 */
export const aDeliveryFulfilment = (over: Partial<DeliveryFulfilment> = {}): DeliveryFulfilment => ({
  ...asDelivery(anOrder({ fulfilments: [aDeliveryInput()] }).fulfilments[0]),
  ...over,
});

/** A placed line: LINE_A, SKU-A ×2 at 10.00, nothing picked, cancelled or sourced. */
export const anOrderLine = builder<OrderLine>(() => ({
  lineId: LINE_A,
  sku: 'SKU-A',
  quantity: 2,
  unitPrice: 1000,
  pickedQuantity: 0,
  cancelledQuantity: 0,
  sourceLocationId: null,
  pendingTransferId: null,
}));

/** `f` with `changes` laid over each line they name by line id; the other lines as they are. */
export function withLineChanges<F extends Fulfilment>(f: F, changes: Readonly<Record<string, Partial<OrderLine>>>): F {
  return { ...f, lines: f.lines.map((l) => ({ ...l, ...changes[l.lineId] })) };
}
