import { EntityManager } from 'typeorm';
import { orderRepository } from './order.repository';
import { GroupRow, OrderRow, PartRow, sql } from './order.sql';

/**
 * How a group row is read back as a pickup or a delivery: by its `type` column, its state checked
 * against that kind's. The statements themselves run against PostgreSQL in
 * test/order-repository.int-spec.ts; here a connection answers them with the rows a test gives.
 */

const ORDER_ID = '6f1c2a8e-3b7d-4c1e-9f2a-1d2e3f4a5b6c';
const at = new Date('2026-11-24T10:00:00.000Z');

const orderRow: OrderRow = {
  id: ORDER_ID,
  channel: 'web',
  placed_at_store_id: null,
  customer_id: 'c-1',
  contact: null,
  currency: 'EUR',
  captured_tenders: [],
  status: 'IN_PROGRESS',
  placed_at: at,
  updated_at: at,
};

/** The line columns of a group without lines (the parts statement's outer join). */
const noLine = {
  line_id: null,
  line_order_id: null,
  line_fulfilment_id: null,
  line_position: null,
  line_sku: null,
  line_quantity: null,
  line_unit_price: null,
  line_picked_quantity: null,
  line_cancelled_quantity: null,
  line_source_location_id: null,
  line_pending_transfer_id: null,
  line_preorder_sequence: null,
  line_queue_position: null,
  line_estimated_at: null,
};

/** A group row of ORDER_ID without lines: a pickup at S1, PLACED, unless `over` says otherwise. */
function part(id: string, over: Partial<GroupRow> = {}): PartRow {
  const group: GroupRow = {
    id,
    order_id: ORDER_ID,
    position: 0,
    type: 'pickup',
    store_id: 'S1',
    address: null,
    status: 'PLACED',
    updated_at: at,
    rejection_reason: null,
    ready_by: null,
    pickup_hold_days: null,
    pickup_code_hash: null,
    pickup_code_salt: null,
    pickup_deadline: null,
    failed_code_attempts: 0,
    ready_at: null,
    reminded_at: null,
    collected_at: null,
    cancelled_by: null,
    cancellation_reason: null,
    cancelled_at: null,
    expired_at: null,
    carrier: null,
    tracking_number: null,
    packed_at: null,
    shipped_at: null,
    delivered_at: null,
    delivery_failure: null,
    release_at: null,
    estimated_available_at: null,
    ...over,
  };
  return { ...group, ...noLine };
}

/** A transaction's manager whose connection answers the order statement with `orderRow` and the parts statement with `parts`. */
const managerWith = (parts: readonly PartRow[]) => {
  const query = async ({ name }: { name: string }) => {
    const rows = name === sql.parts.name ? parts : [orderRow];
    return { rows, rowCount: rows.length };
  };
  return { queryRunner: { databaseConnection: { query } } } as unknown as EntityManager;
};

describe('reading an order back', () => {
  const PICKUP = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const DELIVERY = '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';

  it('reads each group as the kind its type column names, in its state', async () => {
    const order = await orderRepository.findForUpdate(
      managerWith([
        part(PICKUP, { status: 'READY_FOR_PICKUP' }),
        part(DELIVERY, { type: 'delivery', position: 1, store_id: 'W1', status: 'SHIPPED', carrier: 'Colissimo' }),
      ]),
      ORDER_ID,
    );
    expect(order?.fulfilments.map((f) => [f.id, f.type, f.status, f.storeId])).toEqual([
      [PICKUP, 'pickup', 'READY_FOR_PICKUP', 'S1'],
      [DELIVERY, 'delivery', 'SHIPPED', 'W1'],
    ]);
    expect(order?.fulfilments[1]).toMatchObject({ orderId: ORDER_ID, channel: 'web', carrier: 'Colissimo', lines: [] });
  });

  it('refuses a type it does not know, naming it', async () => {
    await expect(orderRepository.findForUpdate(managerWith([part(PICKUP, { type: 'locker' })]), ORDER_ID)).rejects.toThrow(
      `fulfilment group ${PICKUP} of order ${ORDER_ID} has an unknown type: locker`,
    );
  });

  it("refuses a state the group's kind does not have", async () => {
    await expect(orderRepository.findForUpdate(managerWith([part(PICKUP, { status: 'SHIPPED' })]), ORDER_ID)).rejects.toThrow(
      `fulfilment group ${PICKUP} is a pickup in state SHIPPED, which a pickup does not have`,
    );
    await expect(orderRepository.findForUpdate(managerWith([part(DELIVERY, { type: 'delivery', status: 'COLLECTED' })]), ORDER_ID)).rejects.toThrow(
      'is a delivery in state COLLECTED',
    );
  });
});
