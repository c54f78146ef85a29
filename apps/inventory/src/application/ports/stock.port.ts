import type { EntityManager } from 'typeorm';
import { Location } from '../../domain/location';
import { Candidate } from '../../domain/sourcing';
import { StockLevel } from '../../domain/stock';

/**
 * Stock per location and SKU, as the use cases and queries read and change it, in the caller's
 * transaction (implemented over SQL by stockRepository). A reservation is one conditional change
 * per line that takes units only if they are available, so concurrent reservations never oversell.
 */
export abstract class StockRepository {
  abstract find(m: EntityManager, locationId: string, sku: string): Promise<StockLevel | null>;

  /** Creates the row when missing, then locks it for the rest of the transaction. */
  abstract findForUpdate(m: EntityManager, locationId: string, sku: string): Promise<StockLevel>;

  /**
   * Locks the stock rows of these (location, SKU) pairs in (location, SKU) order — the order every
   * path that locks several rows takes — and answers their levels. Pairs without a row answer nothing.
   */
  abstract lockMany(m: EntityManager, pairs: readonly (readonly [string, string])[]): Promise<StockLevel[]>;

  /** Sets the reserved units of rows this transaction has locked (lockMany). */
  abstract setReservedMany(m: EntityManager, levels: readonly StockLevel[], now: Date): Promise<void>;

  abstract saveOnHand(m: EntityManager, s: StockLevel): Promise<void>;

  /** Reserves `quantity` units only if that many are available; false when they are not. */
  abstract tryReserve(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<boolean>;

  abstract availableOf(m: EntityManager, locationId: string, sku: string): Promise<number>;

  /** The most units of a SKU any one location could promise. */
  abstract bestAvailableOf(m: EntityManager, sku: string): Promise<number>;

  abstract setSafetyStock(m: EntityManager, locationId: string, sku: string, safetyStock: number): Promise<StockLevel>;

  /**
   * Every location except `storeId` with its available units of `skus`, read without locks: a
   * snapshot for the sourcing rule; the reservation itself is tryReserve.
   */
  abstract candidates(m: EntityManager, storeId: string, skus: readonly string[]): Promise<Candidate[]>;

  /** Every location with its available units of `skus`, in one read without locks: what an availability answer needs. */
  abstract network(m: EntityManager, skus: readonly string[]): Promise<{ location: Location; available: Record<string, number> }[]>;

  /** Reserved units go back to available (a release). */
  abstract unreserve(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<void>;

  /** Reserved units leave the location (collected, shipped away, or not found by a count); returns on hand after. */
  abstract removeReserved(m: EntityManager, locationId: string, sku: string, quantity: number): Promise<number>;

  /** Units arrive at a location, reserved or not. */
  abstract addUnits(m: EntityManager, locationId: string, sku: string, quantity: number, reserved: boolean): Promise<void>;
}
