import { Channel, ContactChannel } from '@omni/contracts';
import { byKey, prepared } from '@omni/platform';
import { EntityManager } from 'typeorm';
import { IdentityClaim, IdentityRow, ProfileRepository } from '../application/ports/profile.port';
import { Identity, IdentityKind, identityKey, mailboxKey, nameKey } from '../domain/identity';
import { MarketingConsent, Profile, ProfileStatus } from '../domain/profile';

interface ProfileRow {
  id: string;
  status: ProfileStatus;
  merged_into: string | null;
  name: string | null;
  postcode: string | null;
  home_store_id: string | null;
  preferred_contact_channel: ContactChannel | null;
  consents: { contactChannel: ContactChannel; granted: boolean; recordedAt: string; source: MarketingConsent['source'] }[];
  created_at: Date;
  updated_at: Date;
  erased_at: Date | null;
}

const toProfile = (r: ProfileRow): Profile => ({
  id: r.id,
  status: r.status,
  mergedInto: r.merged_into,
  name: r.name,
  postcode: r.postcode,
  homeStoreId: r.home_store_id,
  preferredContactChannel: r.preferred_contact_channel,
  consents: r.consents.map((c) => ({ ...c, recordedAt: new Date(c.recordedAt) })),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  erasedAt: r.erased_at,
});

const columns = (p: Profile) => [
  p.id,
  p.status,
  p.mergedInto,
  p.name,
  nameKey(p.name),
  p.postcode,
  p.homeStoreId,
  p.preferredContactChannel,
  JSON.stringify(p.consents.map((c) => ({ ...c, recordedAt: c.recordedAt.toISOString() }))),
  p.createdAt,
  p.updatedAt,
  p.erasedAt,
];

/** Thrown when a concurrent transaction took an identity first: the consumer retries and finds it. */
export class IdentityRaceError extends Error {
  constructor() {
    super('an identity was claimed by a concurrent transaction; retrying sees it');
  }
}

/** Profiles and identities over SQL; returns domain types (STYLE.md, repositories). */
export const profileRepository = {
  async find(m: EntityManager, id: string): Promise<Profile | null> {
    const rows: ProfileRow[] = await m.query(`SELECT * FROM customer_profiles WHERE id = $1`, [id]);
    return rows[0] ? toProfile(rows[0]) : null;
  },

  /** Locks the profiles in id order, so two transactions locking the same pair never deadlock. */
  async lock(m: EntityManager, ids: readonly string[]): Promise<Map<string, Profile>> {
    if (ids.length === 0) return new Map();
    const { rows } = await prepared<ProfileRow>(m, 'profiles-lock', `SELECT p.* FROM ${byKey('customer_profiles', '*', 'id', 'p', { lock: true })}`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((r) => [r.id, toProfile(r)]));
  },

  /** The profile an id stands for now: itself, or the survivor it was merged into. */
  async resolve(m: EntityManager, id: string): Promise<Profile | null> {
    const p = await this.find(m, id);
    if (!p || p.status !== 'MERGED' || !p.mergedInto) return p;
    return this.find(m, p.mergedInto);
  },

  /** New profiles, in one statement. */
  async insertMany(m: EntityManager, profiles: readonly Profile[]): Promise<void> {
    if (profiles.length === 0) return;
    const rows = profiles.map(columns);
    await prepared(
      m,
      'profiles-insert-many',
      `INSERT INTO customer_profiles (id, status, merged_into, name, name_key, postcode, home_store_id, preferred_contact_channel, consents, created_at, updated_at, erased_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[])`,
      rows[0].map((_, c) => rows.map((r) => r[c])),
    );
  },

  async save(m: EntityManager, p: Profile): Promise<void> {
    await m.query(
      `UPDATE customer_profiles SET status = $2, merged_into = $3, name = $4, name_key = $5, postcode = $6, home_store_id = $7,
         preferred_contact_channel = $8, consents = $9, created_at = $10, updated_at = $11, erased_at = $12 WHERE id = $1`,
      columns(p),
    );
  },

  /** Profiles merged into `id` (directly; merges are kept flat: a survivor merged later re-points them). */
  async mergedInto(m: EntityManager, id: string): Promise<string[]> {
    const rows: { id: string }[] = await m.query(`SELECT id FROM customer_profiles WHERE merged_into = $1 ORDER BY id`, [id]);
    return rows.map((r) => r.id);
  },

  async owners(m: EntityManager, identities: readonly Identity[]): Promise<Map<string, string>> {
    if (identities.length === 0) return new Map();
    const { rows } = await prepared<{ kind: IdentityKind; scope: string; value: string; profile_id: string }>(
      m,
      'identities-owners',
      // Each identity probed by its key, as byKey does for one uuid column (a plan made once the table fills a few pages keeps probing).
      `SELECT i.kind, i.scope, i.value, i.profile_id FROM unnest($1::text[], $2::text[], $3::text[]) AS k(kind, scope, value)
       CROSS JOIN LATERAL (SELECT * FROM customer_identities i WHERE (i.kind, i.scope, i.value) = (k.kind, k.scope, k.value) OFFSET 0) AS i`,
      [identities.map((i) => i.kind), identities.map((i) => i.scope), identities.map((i) => i.value)],
    );
    return new Map(rows.map((r) => [identityKey(r), r.profile_id]));
  },

  async identitiesOf(m: EntityManager, profileIds: readonly string[]): Promise<IdentityRow[]> {
    const rows: { kind: IdentityKind; scope: string; value: string; profile_id: string; added_at: Date }[] = await m.query(
      `SELECT kind, scope, value, profile_id, added_at FROM customer_identities WHERE profile_id = ANY($1::uuid[]) ORDER BY kind, scope, value`,
      [[...profileIds]],
    );
    return rows.map((r) => ({ kind: r.kind, scope: r.scope, value: r.value, profileId: r.profile_id, addedAt: r.added_at }));
  },

  /** Adds identities no profile holds, each to its profile, in one statement; one taken meanwhile by another transaction aborts this one (to be retried). */
  async addIdentities(m: EntityManager, claims: readonly IdentityClaim[], now: Date): Promise<void> {
    if (claims.length === 0) return;
    // An identity another transaction took first is missing from what it inserted.
    const { rowCount } = await prepared(
      m,
      'identities-add-many',
      `INSERT INTO customer_identities (kind, scope, value, profile_id, mailbox_key, added_at)
       SELECT kind, scope, value, profile_id, mailbox_key, $6 FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::text[]) AS i(kind, scope, value, profile_id, mailbox_key)
       ON CONFLICT DO NOTHING`,
      [
        claims.map((c) => c.identity.kind),
        claims.map((c) => c.identity.scope),
        claims.map((c) => c.identity.value),
        claims.map((c) => c.profileId),
        claims.map((c) => (c.identity.kind === 'email' ? mailboxKey(c.identity.value) : null)),
        now,
      ],
    );
    if (rowCount !== claims.length) throw new IdentityRaceError();
  },

  async moveIdentities(m: EntityManager, from: string, to: string): Promise<void> {
    await m.query(`UPDATE customer_identities SET profile_id = $2 WHERE profile_id = $1`, [from, to]);
  },

  async accountsOf(m: EntityManager, profileIds: readonly string[]): Promise<{ channel: Channel; accountId: string }[]> {
    return (await this.identitiesOf(m, profileIds)).filter((i) => i.kind === 'account').map((i) => ({ channel: i.scope as Channel, accountId: i.value }));
  },

  /** The profile holding a channel's customer account (its tokens' customer_id), after merges. */
  /** The profiles holding a customer account id, in any channel. */
  async withAccountIdInAnyChannel(m: EntityManager, accountId: string): Promise<string[]> {
    const rows: { profile_id: string }[] = await m.query(`SELECT DISTINCT profile_id FROM customer_identities WHERE kind = 'account' AND value = $1`, [
      accountId,
    ]);
    return rows.map((r) => r.profile_id);
  },

  async byAccount(m: EntityManager, channel: Channel, accountId: string): Promise<string | null> {
    const owners = await this.owners(m, [{ kind: 'account', scope: channel, value: accountId }]);
    return [...owners.values()][0] ?? null;
  },
} satisfies ProfileRepository;
