import { Injectable } from '@nestjs/common';
import { accept, CustomerMergedV1, CustomerPreferencesChangedV1, Decision, refuse } from '@omni/contracts';
import { OutboxWriter } from '@omni/messaging';
import { Clock } from '@omni/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { mergeProfiles, ProfileRefusal } from '../domain/profile';
import { ProfileRepository } from './ports/profile.port';
import { preferencesChanged } from './profile-events';

export interface MergeCommand {
  mergedId: string;
  survivorId: string;
  reason: string;
  /** Token subject of whoever merges. */
  by: string;
}

export interface MergeRecord {
  mergeId: string;
  mergedCustomerId: string;
  survivingCustomerId: string;
  mergedBy: string;
  reason: string;
  mergedAt: string;
}

/**
 * An explicit, audited merge (docs/customers.md, Merge): both profiles are locked in id order, so
 * concurrent merges of the same pair serialise; the second of two identical merges finds the
 * first done and answers it again; a merge crossing another (A→B against B→A, A→B against A→C)
 * finds its source merged and is refused.
 */
@Injectable()
export class MergeProfilesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly profiles: ProfileRepository,
  ) {}

  merge(cmd: MergeCommand): Promise<Decision<{ record: MergeRecord; replayed: boolean }, ProfileRefusal>> {
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const locked = await this.profiles.lock(m, [cmd.mergedId, cmd.survivorId]);
      const source = locked.get(cmd.mergedId);
      const target = locked.get(cmd.survivorId);
      if (!source || !target) return refuse('CUSTOMER.NOT_FOUND' as const, `no customer ${!source ? cmd.mergedId : cmd.survivorId}`);
      const d = mergeProfiles(source, target, now);
      if (!d.ok) return d;
      if (d.state.kind === 'already-merged') return accept({ record: (await this.recordOf(m, source.id))!, replayed: true });

      await this.profiles.save(m, d.state.merged);
      await this.profiles.save(m, d.state.survivor);
      await this.profiles.moveIdentities(m, source.id, target.id);
      // Keep merges flat: what was merged into the source now points at the survivor.
      await m.query(`UPDATE customer_profiles SET merged_into = $2 WHERE merged_into = $1`, [source.id, target.id]);
      await m.query(`DELETE FROM duplicate_hints WHERE (profile_a = $1 AND profile_b = $2) OR (profile_a = $2 AND profile_b = $1)`, [source.id, target.id]);
      const record: MergeRecord = {
        mergeId: randomUUID(),
        mergedCustomerId: source.id,
        survivingCustomerId: target.id,
        mergedBy: cmd.by,
        reason: cmd.reason,
        mergedAt: now.toISOString(),
      };
      await m.query(`INSERT INTO customer_merges (id, source_profile_id, target_profile_id, merged_by, reason, merged_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        record.mergeId,
        source.id,
        target.id,
        cmd.by,
        cmd.reason,
        now,
      ]);
      const accounts = await this.profiles.accountsOf(m, [target.id]);
      await this.outbox.append(
        m,
        CustomerMergedV1,
        { mergeId: record.mergeId, mergedCustomerId: source.id, survivingCustomerId: target.id, accounts, mergedBy: cmd.by, mergedAt: record.mergedAt },
        now,
      );
      await this.outbox.append(m, CustomerPreferencesChangedV1, preferencesChanged(d.state.survivor, accounts, now), now);
      return accept({ record, replayed: false });
    });
  }

  private async recordOf(m: EntityManager, sourceId: string): Promise<MergeRecord | null> {
    const rows: { id: string; source_profile_id: string; target_profile_id: string; merged_by: string; reason: string; merged_at: Date }[] = await m.query(
      `SELECT * FROM customer_merges WHERE source_profile_id = $1`,
      [sourceId],
    );
    const r = rows[0];
    return r
      ? {
          mergeId: r.id,
          mergedCustomerId: r.source_profile_id,
          survivingCustomerId: r.target_profile_id,
          mergedBy: r.merged_by,
          reason: r.reason,
          mergedAt: r.merged_at.toISOString(),
        }
      : null;
  }
}
