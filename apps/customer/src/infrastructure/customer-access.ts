import { assertScopes, forbidden, missingScopes, Principal } from '@omni/platform';
import { DataSource } from 'typeorm';
import { profileRepository as profiles } from './profile.repository';

/**
 * Who may read or change a profile (docs/api-edge.md): a customer's own token (its channel and
 * customer_id name an account the profile holds — a merge makes the survivor its own), else the
 * scope. Another customer's profile and a missing one are the same 403, so nothing leaks.
 */
export async function ownsProfile(ds: DataSource, caller: Principal, customerId: string): Promise<boolean> {
  if (caller.customerId === null || caller.channel === null) return false;
  const own = await profiles.byAccount(ds.manager, caller.channel, caller.customerId);
  if (own === null) return false;
  const target = await profiles.resolve(ds.manager, customerId);
  return target !== null && target.id === own;
}

/** customers:read, or the customer's own token. */
export async function assertMayRead(ds: DataSource, caller: Principal, customerId: string): Promise<void> {
  if (caller.customerId !== null) {
    if (!(await ownsProfile(ds, caller, customerId))) throw forbidden('the token acts for another customer');
    return;
  }
  assertScopes(caller, 'customers:read');
}

/**
 * Preferences and consents: the customer's own token, a POS (store:operate: the associate records
 * what the customer says at the till), or admin. There is no customers:write scope yet.
 */
export async function assertMayChangePreferences(ds: DataSource, caller: Principal, customerId: string): Promise<void> {
  if (caller.customerId !== null) {
    if (!(await ownsProfile(ds, caller, customerId))) throw forbidden('the token acts for another customer');
    return;
  }
  if (missingScopes(caller, ['store:operate']).length > 0) throw forbidden('the token lacks the scope store:operate (or admin)');
}
