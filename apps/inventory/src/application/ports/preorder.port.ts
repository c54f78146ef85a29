import type { EntityManager } from 'typeorm';
import { QueueEntry, QueueStatus } from '../../domain/preorder-queue';

/** A purchase order line or inbound shipment of a SKU to a location (docs/preorders.md). */
export interface Supply {
  readonly id: string;
  readonly sku: string;
  readonly locationId: string;
  readonly quantity: number;
  readonly expectedAt: Date;
  readonly reference: string;
  readonly status: 'EXPECTED' | 'RECEIVED' | 'CANCELLED';
  readonly receivedQuantity: number;
}

/** A queue entry as stored, with the place in line and estimate last announced for it. */
export interface StoredEntry extends QueueEntry {
  readonly position: number | null;
  readonly estimatedAt: Date | null;
}

/**
 * The preorder queues and incoming supply, as the use cases and queries read and change them, in
 * the caller's transaction (implemented over SQL by preorderRepository).
 */
export abstract class PreorderRepository {
  /** Adds a preorder line to its queue; false when it is there already (a redelivered order.placed). */
  abstract enqueue(m: EntityManager, e: QueueEntry, now: Date): Promise<boolean>;

  /** Every queue of a SKU, locked: one allocation or estimate of a SKU at a time, even before it has entries. */
  abstract lockSku(m: EntityManager, sku: string): Promise<StoredEntry[]>;

  abstract ofLines(m: EntityManager, lineIds: readonly string[]): Promise<StoredEntry[]>;

  abstract ofOrder(m: EntityManager, orderId: string): Promise<StoredEntry[]>;

  abstract queueOf(m: EntityManager, storeId: string, sku: string): Promise<StoredEntry[]>;

  abstract setStatus(m: EntityManager, lineIds: readonly string[], status: QueueStatus, now: Date): Promise<void>;

  /**
   * Transfers still bringing units to a preorder line (requested or shipped, not received), with
   * where they come from. Call with the line's SKU locked.
   */
  abstract travellingTo(m: EntityManager, lineId: string): Promise<{ transferId: string; fromLocationId: string }[]>;

  /** Units a waiting line got now (at its location, or on their way there), short of all it asked for: it keeps its place. */
  abstract addAllocated(m: EntityManager, lineId: string, units: number, now: Date): Promise<void>;

  abstract saveEstimate(m: EntityManager, lineId: string, position: number, estimatedAt: Date | null, now: Date): Promise<void>;

  abstract insertSupply(m: EntityManager, s: Supply, now: Date): Promise<void>;

  abstract findSupplyForUpdate(m: EntityManager, id: string): Promise<Supply | null>;

  abstract findSupply(m: EntityManager, id: string): Promise<Supply | null>;

  abstract updateSupply(m: EntityManager, s: Supply, now: Date): Promise<void>;

  /** Supply of a SKU still expected, with where it goes and that location's kind and transfer days. */
  abstract expectedSupply(m: EntityManager, sku: string): Promise<(Supply & { kind: 'store' | 'warehouse'; transferDays: number })[]>;

  /** Units of a SKU available now, per location, with the location's kind and transfer days. */
  abstract availableNow(m: EntityManager, sku: string): Promise<{ locationId: string; kind: 'store' | 'warehouse'; transferDays: number; available: number }[]>;
}
