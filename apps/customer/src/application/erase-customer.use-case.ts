import { Injectable } from '@nestjs/common';
import { accept, CustomerErasedV1, Decision, refuse } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { eraseProfile, ProfileRefusal } from '../domain/profile';
import { ProfileRepository } from './ports/profile.port';
import { Tombstones } from './tombstones';

export interface ErasureRecord {
  customerId: string;
  formerCustomerIds: string[];
  orderIds: string[];
  requestedBy: string;
  erasedAt: string;
}

/**
 * The right to be forgotten (docs/customers.md, Erasure). Personal data of the profile and of
 * every profile merged into it goes; identities leave only keyed hashes (tombstones), so an old
 * order redelivered later is recognised as the erased customer's and creates nobody; the order
 * links and timeline (ids, channels, stores, times) stay. customer.erased tells the others.
 */
@Injectable()
export class EraseCustomerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly tombstones: Tombstones,
    private readonly profiles: ProfileRepository,
  ) {}

  erase(customerId: string, requestedBy: string): Promise<Decision<{ record: ErasureRecord; replayed: boolean }, ProfileRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const p = (await this.profiles.lock(m, [customerId])).get(customerId);
      if (!p) return refuse('CUSTOMER.NOT_FOUND' as const, `no customer ${customerId}`);
      const former = await this.profiles.mergedInto(m, p.id);
      const closure = [p.id, ...former];
      const orderRows: { order_id: string }[] = await m.query(`SELECT order_id FROM order_links WHERE profile_id = ANY($1::uuid[]) ORDER BY order_id`, [
        closure,
      ]);
      const orderIds = orderRows.map((r) => r.order_id);
      if (p.status === 'ERASED') {
        const rows: { requested_by: string; erased_at: Date }[] = await m.query(`SELECT requested_by, erased_at FROM customer_erasures WHERE profile_id = $1`, [
          p.id,
        ]);
        return accept({
          record: { customerId: p.id, formerCustomerIds: former, orderIds, requestedBy: rows[0].requested_by, erasedAt: rows[0].erased_at.toISOString() },
          replayed: true,
        });
      }
      const d = eraseProfile(p, now);
      if (!d.ok) return d;
      await this.profiles.lock(m, former);

      const identities = await this.profiles.identitiesOf(m, closure);
      const accounts = await this.profiles.accountsOf(m, closure);
      await this.tombstones.record(m, p.id, identities, now);
      await m.query(`DELETE FROM customer_identities WHERE profile_id = ANY($1::uuid[])`, [closure]);
      await m.query(`DELETE FROM consent_records WHERE profile_id = ANY($1::uuid[])`, [closure]);
      await m.query(`DELETE FROM duplicate_hints WHERE profile_a = ANY($1::uuid[]) OR profile_b = ANY($1::uuid[])`, [closure]);
      // A merge's reason is free text and may name the person; who merged and when remain.
      await m.query(`UPDATE customer_merges SET reason = '(erased)' WHERE source_profile_id = ANY($1::uuid[]) OR target_profile_id = ANY($1::uuid[])`, [
        closure,
      ]);
      await m.query(
        `UPDATE customer_profiles SET name = NULL, name_key = NULL, postcode = NULL, home_store_id = NULL, preferred_contact_channel = NULL, consents = '[]', erased_at = $2, updated_at = $2
         WHERE id = ANY($1::uuid[])`,
        [former, now],
      );
      // Answers kept for retried requests (Idempotency-Key) may show the profile: a profile view, a POS lookup.
      for (const id of closure) await m.query(`DELETE FROM idempotency_keys WHERE response_body LIKE '%' || $1 || '%'`, [id]);
      await this.profiles.save(m, d.state);
      await m.query(`INSERT INTO customer_erasures (profile_id, requested_by, erased_at) VALUES ($1, $2, $3)`, [p.id, requestedBy, now]);
      await this.outbox.append(m, CustomerErasedV1, { customerId: p.id, formerCustomerIds: former, accounts, orderIds, erasedAt: now.toISOString() }, now);
      return accept({ record: { customerId: p.id, formerCustomerIds: former, orderIds, requestedBy, erasedAt: now.toISOString() }, replayed: false });
    });
  }
}
