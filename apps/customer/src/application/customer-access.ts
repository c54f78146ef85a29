import { isUuid } from '@omni/contracts';
import { Injectable } from '@nestjs/common';
import { assertScopes, forbidden, missingScopes, Principal } from '@omni/platform';
import { DataSource } from 'typeorm';
import { ProfileRepository } from './ports/profile.port';

/**
 * Who may read or change a profile (docs/api-edge.md): a customer's own token (its channel and
 * customer_id name an account the profile holds — a merge makes the survivor its own), else the
 * scope. Another customer's profile and a missing one are the same 403, so nothing leaks.
 */
@Injectable()
export class CustomerAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileRepository,
  ) {}

  async ownsProfile(caller: Principal, customerId: string): Promise<boolean> {
    if (caller.customerId === null || caller.channel === null || !isUuid(customerId)) return false;
    const own = await this.profiles.byAccount(this.dataSource.manager, caller.channel, caller.customerId);
    if (own === null) return false;
    const target = await this.profiles.resolve(this.dataSource.manager, customerId);
    return target !== null && target.id === own;
  }

  /** customers:read, or the customer's own token. */
  async assertMayRead(caller: Principal, customerId: string): Promise<void> {
    if (caller.customerId !== null) {
      if (!(await this.ownsProfile(caller, customerId))) throw forbidden('the token acts for another customer');
      return;
    }
    assertScopes(caller, 'customers:read');
  }

  /**
   * Preferences and consents: the customer's own token, a POS (store:operate: the associate records
   * what the customer says at the till), or admin. There is no customers:write scope yet.
   */
  async assertMayChangePreferences(caller: Principal, customerId: string): Promise<void> {
    if (caller.customerId !== null) {
      if (!(await this.ownsProfile(caller, customerId))) throw forbidden('the token acts for another customer');
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
  async readableProfile(caller: Principal, ref: string): Promise<string | null> {
    const m = this.dataSource.manager;
    if (caller.customerId !== null) {
      if (ref === caller.customerId) return caller.channel === null ? null : this.profiles.byAccount(m, caller.channel, ref);
      if (!(await this.ownsProfile(caller, ref))) throw forbidden('the token acts for another customer');
      return (await this.profiles.resolve(m, ref))!.id;
    }
    assertScopes(caller, 'customers:read');
    if (isUuid(ref)) {
      const p = await this.profiles.resolve(m, ref);
      if (p) return p.id;
    }
    const holders = await this.profiles.withAccountIdInAnyChannel(m, ref);
    // The same account id in two channels held by two profiles: ambiguous, the caller names the profile.
    return holders.length === 1 ? holders[0] : null;
  }
}
