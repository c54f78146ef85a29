import { createHmac } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Identity, identityKey } from '../domain/identity';
import { TombstoneHit } from '../domain/matching';

/**
 * What an erasure keeps of an identity: an HMAC-SHA256 under a secret key (ERASURE_HASH_KEY),
 * enough to recognise the identity on an old order and never enough to read it back or to
 * confirm a guess without the key.
 */
export class Tombstones {
  constructor(private readonly key: string) {}

  hash(i: Identity): string {
    return createHmac('sha256', this.key).update(identityKey(i)).digest('hex');
  }

  async record(m: EntityManager, profileId: string, identities: readonly Identity[], erasedAt: Date): Promise<void> {
    for (const i of identities) {
      await m.query(`INSERT INTO erasure_tombstones (identity_hash, profile_id, erased_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        this.hash(i),
        profileId,
        erasedAt,
      ]);
    }
  }

  /**
   * What the tombstones say of each of several orders' identities, in one statement: a function
   * answering the hits for one order's identities, the latest erasure first.
   */
  async hitsOfMany(m: EntityManager, identities: readonly Identity[]): Promise<(of: readonly Identity[]) => TombstoneHit[]> {
    const hashes = [...new Set(identities.map((i) => this.hash(i)))];
    const rows: { identity_hash: string; profile_id: string; erased_at: Date }[] =
      hashes.length === 0
        ? []
        : await m.query(`SELECT identity_hash, profile_id, erased_at FROM erasure_tombstones WHERE identity_hash = ANY($1::text[])`, [hashes]);
    const byHash = new Map(rows.map((r) => [r.identity_hash, { profileId: r.profile_id, erasedAt: r.erased_at }]));
    return (of) =>
      [...new Set(of.map((i) => this.hash(i)))]
        .map((h) => byHash.get(h))
        .filter((hit): hit is TombstoneHit => hit !== undefined)
        .sort((a, b) => b.erasedAt.getTime() - a.erasedAt.getTime());
  }
}
