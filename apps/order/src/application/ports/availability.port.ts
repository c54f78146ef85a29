import type { CartLine } from '../../domain/cart';

export interface LineAvailability {
  readonly sku: string;
  readonly quantity: number;
  /** Units the store has free now. */
  readonly availableAtStore: number;
  /** store: from its shelves; transfer: it can be brought there; none: not at all. */
  readonly mode: 'store' | 'transfer' | 'none';
  readonly available: boolean;
}

export type AvailabilityCheck =
  | { readonly status: 'CHECKED'; readonly storeId: string; readonly lines: readonly LineAvailability[] }
  | { readonly status: 'SKIPPED' | 'FAILED'; readonly storeId: string | null; readonly reason: string; readonly lines: readonly [] };

/**
 * Whether a cart's lines can be had at a store, as the inventory service answers it (implemented by
 * infrastructure/availability.client.ts). A check that could not be made says so: it never answers
 * in inventory's place.
 */
export abstract class AvailabilityChecker {
  abstract check(storeId: string | null, lines: readonly CartLine[]): Promise<AvailabilityCheck>;
}
