import type { EntityManager } from 'typeorm';

/** Returns completed at a store or returns centre, as the returns service reported them (implemented in infrastructure/order.repository.ts). */
export abstract class ReturnsTakenBackRepository {
  /** Where a return was completed, or null when its return.completed has not arrived. */
  abstract storeOf(m: EntityManager, returnId: string): Promise<string | null>;
}
