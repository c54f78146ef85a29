import { Channel } from '@omni/contracts';
import { EntityManager } from 'typeorm';
import { Order, OrderStatus } from '../domain/order';
import { OrderLineRecord, OrderRecord } from './order.records';

function toDomain(r: OrderRecord, lines: OrderLineRecord[]): Order {
  return {
    id: r.id,
    channel: r.channel as Channel,
    storeId: r.storeId,
    customerId: r.customerId,
    currency: r.currency,
    status: r.status as OrderStatus,
    rejectionReason: r.rejectionReason,
    placedAt: r.placedAt,
    updatedAt: r.updatedAt,
    lines: [...lines].sort((a, b) => a.position - b.position).map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
  };
}

/** Orders in and out of PostgreSQL as domain values; entities never leave this file's layer. */
export const orderRepository = {
  async insert(m: EntityManager, o: Order): Promise<void> {
    await m.insert(OrderRecord, {
      id: o.id,
      channel: o.channel,
      storeId: o.storeId,
      customerId: o.customerId,
      currency: o.currency,
      status: o.status,
      rejectionReason: o.rejectionReason,
      placedAt: o.placedAt,
      updatedAt: o.updatedAt,
      version: 1,
    });
    await m.insert(
      OrderLineRecord,
      o.lines.map((l, position) => ({ id: l.lineId, orderId: o.id, position, sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
    );
  },

  /** Loads and locks the order row for the rest of the transaction. */
  async findForUpdate(m: EntityManager, id: string): Promise<Order | null> {
    const r = await m.findOne(OrderRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r) return null;
    return toDomain(r, await m.find(OrderLineRecord, { where: { orderId: id } }));
  },

  async find(m: EntityManager, id: string): Promise<Order | null> {
    const r = await m.findOne(OrderRecord, { where: { id } });
    if (!r) return null;
    return toDomain(r, await m.find(OrderLineRecord, { where: { orderId: id } }));
  },

  async updateState(m: EntityManager, o: Order): Promise<void> {
    await m
      .createQueryBuilder()
      .update(OrderRecord)
      .set({ status: o.status, rejectionReason: o.rejectionReason, updatedAt: o.updatedAt, version: () => 'version + 1' })
      .where('id = :id', { id: o.id })
      .execute();
  },
};
