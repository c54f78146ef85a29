import { OrderPlacedV1, schemaErrors } from '@omni/contracts';
import { mergeLines, Order, OrderStatus, placeOrder } from './order';

const now = new Date('2026-11-23T10:00:00.000Z');
const ids = { orderId: '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c', lineIds: ['0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'] };

function anOrder(status: OrderStatus = 'PLACED'): Order {
  const d = placeOrder({ channel: 'web', storeId: 'S1', customerId: null, currency: 'EUR', lines: [{ sku: 'SKU-1', quantity: 2, unitPrice: 1999 }] }, ids, now);
  if (!d.ok) throw new Error('unreachable');
  return { ...d.state, status };
}

describe('order domain', () => {
  it('places an order with one order.placed event whose payload matches its schema', () => {
    const d = placeOrder({ channel: 'app', storeId: 'S1', customerId: 'c-1', currency: 'EUR', lines: [{ sku: 'A', quantity: 1, unitPrice: 500 }, { sku: 'B', quantity: 3, unitPrice: 250 }] }, ids, now);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.state.status).toBe('PLACED');
    expect(d.state.lines).toEqual([
      { lineId: ids.lineIds[0], sku: 'A', quantity: 1, unitPrice: 500, pickedQuantity: 0, cancelledQuantity: 0, sourceLocationId: null, pendingTransferId: null },
      { lineId: ids.lineIds[1], sku: 'B', quantity: 3, unitPrice: 250, pickedQuantity: 0, cancelledQuantity: 0, sourceLocationId: null, pendingTransferId: null },
    ]);
    expect(d.events).toHaveLength(1);
    expect(d.events[0].def).toBe(OrderPlacedV1);
    expect(schemaErrors(OrderPlacedV1, d.events[0].payload)).toEqual([]);
  });

  it('merges lines of the same SKU at the same price, and keeps different prices apart', () => {
    expect(mergeLines([{ sku: 'A', quantity: 1, unitPrice: 5 }, { sku: 'B', quantity: 1, unitPrice: 5 }, { sku: 'A', quantity: 2, unitPrice: 5 }, { sku: 'A', quantity: 1, unitPrice: 4 }])).toEqual([
      { sku: 'A', quantity: 3, unitPrice: 5 },
      { sku: 'B', quantity: 1, unitPrice: 5 },
      { sku: 'A', quantity: 1, unitPrice: 4 },
    ]);
  });

  it('starts with nothing picked, cancelled or sourced', () => {
    expect(anOrder().lines[0]).toMatchObject({ pickedQuantity: 0, cancelledQuantity: 0, sourceLocationId: null, pendingTransferId: null });
  });
});
