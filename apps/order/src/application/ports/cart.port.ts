import type { EntityManager } from 'typeorm';
import type { Cart } from '../../domain/cart';

/** Carts and the hash of their handoff code (implemented by infrastructure/cart.repository.ts). */
export abstract class CartRepository {
  abstract find(m: EntityManager, id: string): Promise<Cart | null>;

  /** The cart, locked for the rest of the transaction. */
  abstract lock(m: EntityManager, id: string): Promise<Cart | null>;

  /** The customer account's open cart, if it has one. */
  abstract findOpenOfOwner(m: EntityManager, ownerId: string): Promise<Cart | null>;

  /** The customer account's open cart, locked. */
  abstract lockOpenOfOwner(m: EntityManager, ownerId: string): Promise<Cart | null>;

  /** The open cart whose unexpired handoff code has this hash, locked. */
  abstract lockByHandoff(m: EntityManager, hash: string, now: Date): Promise<Cart | null>;

  /** The oldest open cart untouched since `before`, locked, skipping carts another sweeper holds. */
  abstract lockNextIdle(m: EntityManager, before: Date): Promise<Cart | null>;

  /** The cart checked out into the order. */
  abstract forOrder(m: EntityManager, orderId: string): Promise<Cart | null>;

  abstract insert(m: EntityManager, c: Cart): Promise<void>;

  /** Saves the cart; a cart that leaves OPEN loses its handoff code. */
  abstract update(m: EntityManager, c: Cart): Promise<void>;

  /** Sets the hash of the cart's handoff code and when it expires, or clears both (null). */
  abstract setHandoff(m: EntityManager, id: string, hash: string | null, expiresAt: Date | null): Promise<void>;
}
