import { assertScopes, forbidden, missingScopes, Principal } from '@omni/platform';
import { DataSource } from 'typeorm';
import { profileRepository as profiles } from './profile.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who may read or change a profile (docs/api-edge.md): a customer's own token (its channel and
 * customer_id name an account the profile holds — a merge makes the survivor its own), else the
 * scope. Another customer's profile and a missing one are the same 403, so nothing leaks.
 */
export async function ownsProfile(ds: DataSource, caller: Principal, customerId: string): Promise<boolean> {
  if (caller.customerId === null || caller.channel === null || !UUID.test(customerId)) return false;
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


/**
 * The profile a reference names for a read: a profile id, or a customer account id (the
 * customer_id of the caller's tokens and orders, as the timeline was addressed before profiles).
 * A customer's token reaches only its own profile (403 otherwise); a back-office token needs
 * customers:read and finds an account id in any channel. Null: no such customer (yet).
 */
export async function readableProfile(ds: DataSource, caller: Principal, ref: string): Promise<string | null> {
  if (caller.customerId !== null) {
    if (ref === caller.customerId) return caller.channel === null ? null : profiles.byAccount(ds.manager, caller.channel, ref);
    if (!(await ownsProfile(ds, caller, ref))) throw forbidden('the token acts for another customer');
    return (await profiles.resolve(ds.manager, ref))!.id;
  }
  assertScopes(caller, 'customers:read');
  if (UUID.test(ref)) {
    const p = await profiles.resolve(ds.manager, ref);
    if (p) return p.id;
  }
  const rows: { profile_id: string }[] = await ds.query(`SELECT DISTINCT profile_id FROM customer_identities WHERE kind = 'account' AND value = $1`, [ref]);
  // The same account id in two channels held by two profiles: ambiguous, the caller names the profile.
  return rows.length === 1 ? rows[0].profile_id : null;
}
