import { anAddress } from '@omni/testing';
import { EntityManager } from 'typeorm';
import { aDeliveryInput, anOrder, aPickupInput } from '../domain/test/builders';
import { orderRepository } from './order.repository';
import { GroupRow, OrderRow, PartRow, sql } from './order.sql';

/**
 * How a group row is read back as a pickup or a delivery: by its `type` column, its state checked
 * against that kind's; and how a group is written back: the same row, whatever its kind. The statements themselves run against PostgreSQL in
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

/** A group row of ORDER_ID: a pickup at S1, PLACED, unless `over` says otherwise. */
function groupRow(id: string, over: Partial<GroupRow> = {}): GroupRow {
  return {
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
}

/** A group row of ORDER_ID without lines (see groupRow). */
const part = (id: string, over: Partial<GroupRow> = {}): PartRow => ({ ...groupRow(id, over), ...noLine });

/**
 * A transaction's manager whose connection answers the order statement with `orderRow` and the
 * parts statement with `parts`; the group rows an insert or update statement writes go to `written`.
 */
const managerWith = (parts: readonly PartRow[], written: unknown[] = []) => {
  const query = async ({ name, values }: { name: string; values: unknown[] }) => {
    if (name === sql.insert.name || name === sql.update.name) {
      written.push(...(JSON.parse(values[1] as string) as unknown[]));
      return { rows: [], rowCount: 0 };
    }
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

describe('writing a group back', () => {
  const PICKUP = '7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
  const DELIVERY = '8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
  const CANCELLED = '9c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
  const later = new Date('2026-11-27T10:00:00.000Z');
  /** Rows as the statements pass them (JSON: dates as ISO strings). */
  const asWritten = (rows: readonly GroupRow[]) => JSON.parse(JSON.stringify(rows)) as unknown[];

  it("writes the row it read, column for column, each kind's own columns filled and the other kind's as placing left them", async () => {
    const pickup = groupRow(PICKUP, {
      status: 'READY_FOR_PICKUP',
      ready_by: at,
      pickup_hold_days: 3,
      pickup_code_hash: 'hash',
      pickup_code_salt: 'salt',
      pickup_deadline: later,
      failed_code_attempts: 2,
      ready_at: at,
      reminded_at: at,
      release_at: at,
      estimated_available_at: at,
    });
    const delivery = groupRow(DELIVERY, {
      type: 'delivery',
      position: 1,
      store_id: 'W1',
      address: anAddress(),
      status: 'DELIVERY_FAILED',
      ready_by: at,
      ready_at: at,
      carrier: 'Colissimo',
      tracking_number: 'TRK1',
      packed_at: at,
      shipped_at: at,
      delivered_at: null,
      delivery_failure: 'DELIVERY.LOST',
    });
    const cancelled = groupRow(CANCELLED, {
      position: 2,
      status: 'CANCELLED',
      cancelled_by: 'store',
      cancellation_reason: 'no longer wanted',
      cancelled_at: at,
    });
    const written: unknown[] = [];
    const m = managerWith(
      [pickup, delivery, cancelled].map((g) => ({ ...g, ...noLine })),
      written,
    );

    await orderRepository.updateMany(m, [(await orderRepository.findForUpdate(m, ORDER_ID))!]);

    expect(written).toEqual(asWritten([pickup, delivery, cancelled]));
  });

  it('writes a placed delivery without pickup columns (NULL, no wrong codes) and a placed pickup without address or shipment', async () => {
    const written: unknown[] = [];
    await orderRepository.insert(managerWith([], written), anOrder({ fulfilments: [aPickupInput(), aDeliveryInput()] }));

    const [pickup, delivery] = written;
    expect(pickup).toMatchObject({ type: 'pickup', address: null, carrier: null, tracking_number: null, packed_at: null, shipped_at: null });
    expect(pickup).toMatchObject({ delivered_at: null, delivery_failure: null, failed_code_attempts: 0 });
    expect(delivery).toMatchObject({ type: 'delivery', address: anAddress(), pickup_hold_days: null, pickup_code_hash: null, pickup_code_salt: null });
    expect(delivery).toMatchObject({ pickup_deadline: null, failed_code_attempts: 0, reminded_at: null, collected_at: null, expired_at: null });
  });
});
