import type { ContactChannel } from '@omni/contracts';
import type { EntityManager } from 'typeorm';

/** What the customer service last said of a profile's contact preferences. */
export interface CustomerPreferences {
  preferredContactChannel: ContactChannel | null;
  marketingChannels: ContactChannel[];
}

/**
 * The order service's copy of what the customer service says about a profile: its preferences
 * and which profile each order belongs to (implemented by infrastructure/customer-preferences.repository.ts).
 */
export abstract class CustomerPreferencesRepository {
  /** The profile's preferences as of `changedAt`; an older change does not overwrite a newer one. */
  abstract record(m: EntityManager, customerId: string, prefs: CustomerPreferences, changedAt: Date): Promise<void>;

  /** Which profile each order belongs to; the latest link of an order wins. */
  abstract linkOrders(m: EntityManager, links: readonly { orderId: string; customerId: string; linkedAt: Date }[]): Promise<void>;

  /** The merged profile's orders now belong to the survivor; its own preferences go. */
  abstract merge(m: EntityManager, mergedCustomerId: string, survivingCustomerId: string): Promise<void>;

  /** Erasure: nothing about these profiles, nor the marketing consent of their accounts, stays. */
  abstract forget(m: EntityManager, customerIds: readonly string[], accountIds: readonly string[]): Promise<void>;

  /**
   * The preferred contact channel of the profile each order belongs to (or, before that link, of the
   * account that placed it), in one statement; null when unknown.
   */
  abstract preferredChannels(m: EntityManager, orders: readonly { orderId: string; accountId: string | null }[]): Promise<Map<string, ContactChannel | null>>;

  /** The preferences of the profile of a customer account; null when unknown. */
  abstract forAccount(m: EntityManager, accountId: string): Promise<CustomerPreferences | null>;
}
