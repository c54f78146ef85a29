import type { EntityManager } from 'typeorm';

/** Marketing consent per customer account id, as customer.preferences-changed last said it (implemented in infrastructure/cart.repository.ts). */
export abstract class ConsentRepository {
  /** The consent of each of the profile's accounts; an older change does not overwrite a newer one. */
  abstract record(m: EntityManager, customerId: string, accountIds: readonly string[], granted: boolean, changedAt: Date): Promise<void>;

  /** Whether the account's customer last granted marketing consent (false when never heard of). */
  abstract granted(m: EntityManager, accountId: string): Promise<boolean>;
}
