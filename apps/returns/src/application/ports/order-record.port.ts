import { OrderPlacedV2Payload } from '@omni/contracts';
import type { EntityManager } from 'typeorm';
import { OrderRecord } from '../../domain/order-record';

/** What a POS may find an order by. */
export type LookupKey = 'orderId' | 'receipt' | 'email' | 'phone' | 'loyaltyId' | 'customerId';

/**
 * The read model of orders, written from order events and read by lookups and returns, in the
 * caller's transaction (implemented by infrastructure/order-record.repository.ts).
 */
export abstract class OrderRecordRepository {
  /**
   * Records a run of placed orders: each once, its lines with it, and no contact for an order
   * whose customer was erased before its order.placed arrived. Answers the orders recorded.
   */
  abstract insertPlacedMany(m: EntityManager, placed: readonly OrderPlacedV2Payload[], phoneCountry: string): Promise<Set<string>>;

  abstract exists(m: EntityManager, orderId: string): Promise<boolean>;

  /** Units handed over; never more than bought and not cancelled. False when the line is unknown. */
  abstract addReceived(m: EntityManager, orderId: string, lineId: string, quantity: number, at: Date): Promise<boolean>;

  abstract addCancelled(m: EntityManager, orderId: string, lineId: string, quantity: number): Promise<void>;

  /** The whole order (or the listed lines) cancelled: every unit not handed over is cancelled. */
  abstract cancelRemaining(m: EntityManager, orderId: string, lineIds: readonly string[] | null): Promise<void>;

  abstract lineIdsOfGroup(m: EntityManager, orderId: string, fulfilmentId: string): Promise<string[]>;

  /** `lock`: the order's lines are locked, which serialises every return of one order (two stores at once). */
  abstract find(m: EntityManager, orderId: string, lock?: boolean): Promise<OrderRecord | null>;

  abstract lookup(m: EntityManager, key: LookupKey, value: string): Promise<OrderRecord[]>;

  /** Units taken back (1) or returnable again after a failed exchange (-1). */
  abstract addReturned(m: EntityManager, orderId: string, lines: readonly { lineId: string; quantity: number }[], sign: 1 | -1): Promise<void>;

  abstract recordShipment(
    m: EntityManager,
    s: { orderId: string; fulfilmentId: string; locationId: string; lines: { lineId: string; quantity: number }[]; shippedAt: string },
  ): Promise<void>;

  /** Marks a shipment delivered once; returns its lines, or null when unknown or already delivered. */
  abstract markDelivered(m: EntityManager, orderId: string, fulfilmentId: string, at: string): Promise<{ lineId: string; quantity: number }[] | null>;

  /** What each tender of the order has been refunded so far, by its reference (returns' refunds and the order service's). */
  abstract refundedByReference(m: EntityManager, orderId: string): Promise<Map<string, number>>;
}
