import type { EntityManager } from 'typeorm';

/** A product sold before its release (docs/preorders.md). */
export interface PreorderProduct {
  readonly sku: string;
  readonly releaseAt: Date;
  readonly opensAt: Date;
  readonly closesAt: Date;
  /** Units that may be preordered per store, and per customer across stores. */
  readonly capPerStore: number;
  readonly capPerCustomer: number;
}

/** Preorder products, places in line and the units that count against the caps (implemented by infrastructure/preorder.repository.ts). */
export abstract class PreorderRepository {
  abstract find(m: EntityManager, sku: string): Promise<PreorderProduct | null>;

  /** The product, locked against a concurrent change of its release date. */
  abstract findForShare(m: EntityManager, sku: string): Promise<PreorderProduct | null>;

  /** The product, locked for a change. */
  abstract findForUpdate(m: EntityManager, sku: string): Promise<PreorderProduct | null>;

  /** Creates or changes the product. */
  abstract save(m: EntityManager, p: PreorderProduct, now: Date): Promise<void>;

  /** The next place in line for a SKU at a store, its counter locked until the transaction ends (no gaps, commit order). */
  abstract nextSequence(m: EntityManager, sku: string, storeId: string): Promise<number>;

  /** Units of a SKU preordered at a store and still counting (call with the store's counter locked). */
  abstract unitsAtStore(m: EntityManager, sku: string, storeId: string): Promise<number>;

  /** Units of a SKU preordered by one customer (by id, else by e-mail) across stores, the customer's placements queued behind a lock. */
  abstract unitsOfCustomer(m: EntityManager, sku: string, customer: { customerId: string | null; email: string | null }): Promise<number>;

  /** Orders with an open preorder group holding the SKU. */
  abstract openOrdersOf(m: EntityManager, sku: string): Promise<string[]>;

  /** The allocated preorder with the earliest passed release date that no other sweeper holds, its order locked. */
  abstract lockNextReleased(m: EntityManager, now: Date): Promise<{ orderId: string; fulfilmentId: string } | null>;
}
