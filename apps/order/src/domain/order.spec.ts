import { OrderPlacedV2, OrderPlacedV2Payload, schemaErrors } from '@omni/contracts';
import { anAddress } from '@omni/testing';
import { mergeLines, placeOrder, PlaceOrderInput } from './order';
import { FulfilmentStatus, summaryStatus } from './order-status';
import {
  aDeliveryInput,
  aPickupInput,
  aPlaceOrderInput,
  GROUP_ID as G1,
  LINE_IDS as L,
  placedAt as now,
  placementIdsFor,
  SECOND_GROUP_ID as G2,
} from './test/builders';

/** A web order by c-1: A×1 (5.00) and B×3 (2.50) collected at S1, C×1 (20.00) delivered; groups G1 and G2, lines L[0], L[1] and L[2]. */
const input = (changes: Partial<PlaceOrderInput> = {}): PlaceOrderInput =>
  aPlaceOrderInput({
    fulfilments: [
      aPickupInput({
        lines: [
          { sku: 'A', quantity: 1, unitPrice: 500 },
          { sku: 'B', quantity: 3, unitPrice: 250 },
        ],
      }),
      aDeliveryInput({ lines: [{ sku: 'C', quantity: 1, unitPrice: 2000 }] }),
    ],
    ...changes,
  });
const ids = placementIdsFor(input());
const address = anAddress();

describe('placing an order', () => {
  it('a checkout says in its order.placed where its cart began; a placement without a cart says nothing of one', () => {
    const cart = {
      cartId: '9c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      startedChannel: 'app' as const,
      startedStoreId: null,
      startedAt: '2026-11-23T09:00:00.000Z',
    };
    const d = placeOrder(input({ channel: 'pos', placedAtStoreId: 'S1', cart }), ids, now);
    expect(d.ok && d.events[0].payload).toMatchObject({ cart });
    expect(d.ok && schemaErrors(OrderPlacedV2, d.events[0].payload)).toEqual([]);
    const plain = placeOrder(input(), ids, now);
    expect(plain.ok && 'cart' in (plain.events[0].payload as object)).toBe(false);
  });

  it('makes one group per fulfilment, each PLACED with its own lines, and one order.placed v2 matching its schema', () => {
    const d = placeOrder(input(), ids, now);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.state.status).toBe('PLACED');
    expect(d.state.fulfilments.map((f) => ({ id: f.id, type: f.type, storeId: f.storeId, status: f.status, lines: f.lines.map((l) => l.sku) }))).toEqual([
      { id: G1, type: 'pickup', storeId: 'S1', status: 'PLACED', lines: ['A', 'B'] },
      { id: G2, type: 'delivery', storeId: null, status: 'PLACED', lines: ['C'] },
    ]);
    expect(d.events.map((e) => e.def)).toEqual([OrderPlacedV2]);
    expect(schemaErrors(OrderPlacedV2, d.events[0].payload)).toEqual([]);
    const p = d.events[0].payload as OrderPlacedV2Payload;
    expect(p.fulfilments).toEqual([
      { fulfilmentId: G1, type: 'pickup', storeId: 'S1', address: null, lineIds: [L[0], L[1]] },
      { fulfilmentId: G2, type: 'delivery', storeId: null, address, lineIds: [L[2]] },
    ]);
  });

  it('records the POS that placed it and the payment it took; the groups know nothing is left to capture', () => {
    const d = placeOrder(input({ channel: 'pos', placedAtStoreId: 'S9', capturedTenders: [{ tender: 'card', amount: 3250, reference: 'T-1' }] }), ids, now);
    expect(d.ok && d.state.placedAtStoreId).toBe('S9');
    expect(d.ok && d.state.fulfilments.every((f) => f.prepaid)).toBe(true);
    expect(d.ok && (d.events[0].payload as OrderPlacedV2Payload).capturedTenders).toEqual([{ tender: 'card', amount: 3250, reference: 'T-1' }]);
  });

  it('refuses captured tenders that do not add up to the total', () => {
    expect(placeOrder(input({ capturedTenders: [{ tender: 'cash', amount: 100, reference: 'T-2' }] }), ids, now)).toMatchObject({
      ok: false,
      code: 'ORDER.TENDER_MISMATCH',
    });
  });

  it('refuses two pickup groups at one store', () => {
    const twice = input({
      fulfilments: [
        { type: 'pickup', storeId: 'S1', lines: [{ sku: 'A', quantity: 1, unitPrice: 1 }] },
        { type: 'pickup', storeId: 'S1', lines: [{ sku: 'B', quantity: 1, unitPrice: 1 }] },
      ],
    });
    expect(placeOrder(twice, placementIdsFor(twice), now)).toMatchObject({ ok: false, code: 'ORDER.PICKUP_STORE_REPEATED' });
  });

  it('merges lines of the same SKU at the same price, and keeps different prices apart', () => {
    expect(
      mergeLines([
        { sku: 'A', quantity: 1, unitPrice: 5 },
        { sku: 'B', quantity: 1, unitPrice: 5 },
        { sku: 'A', quantity: 2, unitPrice: 5 },
        { sku: 'A', quantity: 1, unitPrice: 4 },
      ]),
    ).toEqual([
      { sku: 'A', quantity: 3, unitPrice: 5 },
      { sku: 'B', quantity: 1, unitPrice: 5 },
      { sku: 'A', quantity: 1, unitPrice: 4 },
    ]);
  });

  it('starts with nothing picked, cancelled or sourced', () => {
    const d = placeOrder(input(), ids, now);
    expect(d.ok && d.state.fulfilments[0].lines[0]).toMatchObject({ pickedQuantity: 0, cancelledQuantity: 0, sourceLocationId: null, pendingTransferId: null });
  });
});

describe("the order's summary state", () => {
  it.each<[FulfilmentStatus[], string]>([
    [['READY_FOR_PICKUP'], 'READY_FOR_PICKUP'],
    [['SHIPPED', 'SHIPPED'], 'SHIPPED'],
    [['RESERVED', 'SHIPPED'], 'IN_PROGRESS'],
    [['COLLECTED', 'SHIPPED'], 'PARTIALLY_FULFILLED'],
    [['COLLECTED', 'DELIVERED'], 'COMPLETED'],
    [['DELIVERED', 'CANCELLED'], 'COMPLETED'],
    [['CANCELLED', 'REJECTED'], 'CLOSED'],
    [['DELIVERY_FAILED', 'EXPIRED'], 'CLOSED'],
  ])('%j → %s', (statuses, expected) => {
    expect(summaryStatus(statuses)).toBe(expected);
  });
});
