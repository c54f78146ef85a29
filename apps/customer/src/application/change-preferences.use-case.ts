import { Injectable } from '@nestjs/common';
import { accept, CustomerPreferencesChangedV1, Decision, refuse } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { DataSource } from 'typeorm';
import { changePreferences, ConsentSource, PreferenceChange, Profile, ProfileRefusal } from '../domain/profile';
import { ProfileRepository } from './ports/profile.port';
import { preferencesChanged } from './profile-events';

/** Home store, preferred contact channel and marketing consents; every consent change is kept with its source. */
@Injectable()
export class ChangePreferencesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly profiles: ProfileRepository,
  ) {}

  change(customerId: string, change: PreferenceChange, source: ConsentSource): Promise<Decision<Profile, ProfileRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const p = (await this.profiles.lock(m, [customerId])).get(customerId);
      if (!p) return refuse('CUSTOMER.NOT_FOUND' as const, `no customer ${customerId}`);
      const d = changePreferences(p, change, source, now);
      if (!d.ok) return d;
      await this.profiles.save(m, d.state);
      for (const c of change.marketingConsents ?? []) {
        await m.query(
          `INSERT INTO consent_records (profile_id, contact_channel, granted, recorded_at, source_channel, source_store_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [p.id, c.contactChannel, c.granted, now, source.channel, source.storeId, source.recordedBy],
        );
      }
      await this.outbox.append(m, CustomerPreferencesChangedV1, preferencesChanged(d.state, await this.profiles.accountsOf(m, [p.id]), now), now);
      return accept(d.state);
    });
  }
}
