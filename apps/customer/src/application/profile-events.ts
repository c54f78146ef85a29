import { AccountRefPayload, CustomerPreferencesChangedPayload } from '@omni/contracts';
import { Profile } from '../domain/profile';

/** The whole current state of a profile's preferences, as customer.preferences-changed carries it. */
export function preferencesChanged(p: Profile, accounts: AccountRefPayload[], now: Date): CustomerPreferencesChangedPayload {
  return {
    customerId: p.id,
    accounts,
    homeStoreId: p.homeStoreId,
    preferredContactChannel: p.preferredContactChannel,
    marketingConsents: p.consents.map((c) => ({
      contactChannel: c.contactChannel,
      granted: c.granted,
      recordedAt: c.recordedAt.toISOString(),
      source: c.source,
    })),
    changedAt: now.toISOString(),
  };
}
