import type { EntityManager } from 'typeorm';

export interface StoreCreditBalance {
  readonly accountId: string;
  readonly currency: string;
  readonly balance: number;
}

/**
 * Store-credit balances and their ledger (ADR 0009) as the use cases and queries read and change
 * them, in the caller's transaction (implemented by infrastructure/store-credit.repository.ts).
 */
export abstract class StoreCreditRepository {
  /** Books a return's refund as credit; answers the balance after it. */
  abstract credit(
    m: EntityManager,
    e: { entryId: string; accountId: string; currency: string; amount: number; returnId: string; orderId: string; at: Date },
  ): Promise<number>;

  /**
   * Puts back the store-credit part of an order's refund request; null when that refund's part
   * for this tender was put back already (the same request under another event id).
   */
  abstract reinstate(
    m: EntityManager,
    e: { entryId: string; accountId: string; currency: string; amount: number; orderId: string; refundId: string; tenderReference: string; at: Date },
  ): Promise<number | null>;

  /** The account a redemption spent from (`redemptionId` is what an order's store-credit tender names). */
  abstract accountOfRedemption(m: EntityManager, redemptionId: string): Promise<string | null>;

  /** Spends `amount` only if the balance covers it (null otherwise): two checkouts cannot both spend the last credit. */
  abstract tryDebit(
    m: EntityManager,
    e: { entryId: string; accountId: string; currency: string; amount: number; reference: string; at: Date },
  ): Promise<number | null>;

  /** A redemption an order paid with: the order's id is written on the ledger entry. */
  abstract attachOrder(m: EntityManager, redemptionId: string, orderId: string): Promise<void>;

  abstract balances(m: EntityManager, accountId: string): Promise<StoreCreditBalance[]>;

  /** The redemption a checkout made under its reference, so a retry spends once. */
  abstract redemptionByReference(m: EntityManager, accountId: string, reference: string): Promise<{ id: string; currency: string; amount: number } | null>;
}
