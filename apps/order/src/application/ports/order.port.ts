import type { EntityManager } from 'typeorm';
import type { Fulfilment, Order } from '../../domain/order';

/**
 * Orders as the use cases load, lock and save them (implemented by infrastructure/order.repository.ts).
 * Every change to an order holds its row's lock from the load to the commit.
 */
export abstract class OrderRepository {
  /** A new order, its groups and its lines, in one statement. */
  abstract insert(m: EntityManager, o: Order): Promise<void>;

  /** New orders (a group commit's), their groups and their lines, in one statement. */
  abstract insertMany(m: EntityManager, created: readonly Order[]): Promise<void>;

  /** The order, locked for the rest of the transaction; null when there is none. */
  abstract findForUpdate(m: EntityManager, id: string): Promise<Order | null>;

  /** Several orders (a consumed run's), locked in id order; orders that do not exist are missing from the map. */
  abstract findManyForUpdate(m: EntityManager, ids: readonly string[]): Promise<Map<string, Order>>;

  /** The order as it stands, without a lock (a read). */
  abstract find(m: EntityManager, id: string): Promise<Order | null>;

  /** The order a fulfilment group belongs to, or null when the id names no group. */
  abstract orderIdOfFulfilment(m: EntityManager, fulfilmentId: string): Promise<string | null>;

  /** The order of the ready pickup with the earliest passed deadline that no other sweeper holds, locked. */
  abstract lockNextExpired(m: EntityManager, now: Date): Promise<{ order: Order; fulfilmentId: string } | null>;

  /** The order of the ready pickup whose reminder is due (deadline less than `beforeMs` away, not reminded yet) that no other sweeper holds, locked. */
  abstract lockNextReminderDue(m: EntityManager, now: Date, beforeMs: number): Promise<{ order: Order; fulfilmentId: string } | null>;

  /** Groups the location has to pick: reserved or being picked, earliest promise first. */
  abstract pickList(m: EntityManager, locationId: string): Promise<Fulfilment[]>;

  /** Saves orders as their decisions left them, each once, groups and lines included; the caller holds their locks. */
  abstract updateMany(m: EntityManager, updated: readonly Order[]): Promise<void>;
}
