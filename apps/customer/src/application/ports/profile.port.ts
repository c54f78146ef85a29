import { Channel } from '@omni/contracts';
import { EntityManager } from 'typeorm';
import { Identity } from '../../domain/identity';
import { Profile } from '../../domain/profile';

/** An identity as a profile holds it: which profile, since when. */
export interface IdentityRow extends Identity {
  readonly profileId: string;
  readonly addedAt: Date;
}

/**
 * Profiles and their identities as the use cases and queries read and change them, in the
 * caller's transaction (implemented over SQL by profileRepository).
 */
/** An identity a profile gains. */
export interface IdentityClaim {
  readonly profileId: string;
  readonly identity: Identity;
}

export abstract class ProfileRepository {
  /** The profile with this id as stored, merged or not; resolve follows a merge from it. */
  abstract find(m: EntityManager, id: string): Promise<Profile | null>;

  /** Locks the profiles in id order, so two transactions locking the same pair never deadlock. */
  abstract lock(m: EntityManager, ids: readonly string[]): Promise<Map<string, Profile>>;

  /** The profile an id stands for now: itself, or the survivor it was merged into. */
  abstract resolve(m: EntityManager, id: string): Promise<Profile | null>;

  /** New profiles, in one statement. */
  abstract insertMany(m: EntityManager, profiles: readonly Profile[]): Promise<void>;

  abstract save(m: EntityManager, p: Profile): Promise<void>;

  /** Profiles merged into `id` (directly; merges are kept flat: a survivor merged later re-points them). */
  abstract mergedInto(m: EntityManager, id: string): Promise<string[]>;

  /** The profile holding each identity, by its identityKey; identities nobody holds are absent. */
  abstract owners(m: EntityManager, identities: readonly Identity[]): Promise<Map<string, string>>;

  abstract identitiesOf(m: EntityManager, profileIds: readonly string[]): Promise<IdentityRow[]>;

  /** Adds identities no profile holds, each to its profile; one taken meanwhile by another transaction aborts this one (to be retried). */
  abstract addIdentities(m: EntityManager, claims: readonly IdentityClaim[], now: Date): Promise<void>;

  abstract moveIdentities(m: EntityManager, from: string, to: string): Promise<void>;

  abstract accountsOf(m: EntityManager, profileIds: readonly string[]): Promise<{ channel: Channel; accountId: string }[]>;

  /** The profiles holding a customer account id, in any channel. */
  abstract withAccountIdInAnyChannel(m: EntityManager, accountId: string): Promise<string[]>;

  /** The profile holding a channel's customer account (its tokens' customer_id), after merges. */
  abstract byAccount(m: EntityManager, channel: Channel, accountId: string): Promise<string | null>;
}
