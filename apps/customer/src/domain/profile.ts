import { accept, Channel, ContactChannel, Decision, refuse } from '@omni/contracts';

export const PROFILE_STATUSES = ['ACTIVE', 'MERGED', 'ERASED'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export interface ConsentSource {
  readonly channel: Channel | null;
  readonly storeId: string | null;
  readonly recordedBy: string;
}

export interface MarketingConsent {
  readonly contactChannel: ContactChannel;
  readonly granted: boolean;
  readonly recordedAt: Date;
  readonly source: ConsentSource;
}

export interface Profile {
  readonly id: string;
  readonly status: ProfileStatus;
  /** The profile this one was merged into (MERGED only). */
  readonly mergedInto: string | null;
  readonly name: string | null;
  readonly postcode: string | null;
  readonly homeStoreId: string | null;
  readonly preferredContactChannel: ContactChannel | null;
  readonly consents: readonly MarketingConsent[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly erasedAt: Date | null;
}

export type ProfileRefusal = 'CUSTOMER.NOT_FOUND' | 'CUSTOMER.MERGED' | 'CUSTOMER.ERASED' | 'CUSTOMER.SAME_PROFILE';

export function newProfile(id: string, facts: { name: string | null; postcode: string | null }, now: Date): Profile {
  return {
    id,
    status: 'ACTIVE',
    mergedInto: null,
    ...facts,
    homeStoreId: null,
    preferredContactChannel: null,
    consents: [],
    createdAt: now,
    updatedAt: now,
    erasedAt: null,
  };
}

/** Only an active profile changes: a merged one lives on in its survivor, an erased one is gone. */
export function assertActive(p: Profile): Decision<Profile, ProfileRefusal> {
  if (p.status === 'MERGED') return refuse('CUSTOMER.MERGED', `customer ${p.id} was merged into ${p.mergedInto}`);
  if (p.status === 'ERASED') return refuse('CUSTOMER.ERASED', `customer ${p.id} was erased`);
  return accept(p);
}

/** What an order adds to a profile it matched: a name or postcode the profile lacks (never overwrites). */
export function completeFacts(p: Profile, facts: { name: string | null; postcode: string | null }, now: Date): Profile {
  const name = p.name ?? facts.name;
  const postcode = p.postcode ?? facts.postcode;
  return name === p.name && postcode === p.postcode ? p : { ...p, name, postcode, updatedAt: now };
}

export interface PreferenceChange {
  /** undefined: unchanged; null: cleared. */
  readonly homeStoreId?: string | null;
  readonly preferredContactChannel?: ContactChannel | null;
  readonly marketingConsents?: readonly { contactChannel: ContactChannel; granted: boolean }[];
}

/**
 * Applies a change of preferences. Each consent given or withdrawn is recorded with its time and
 * source, a repeated one too (it re-confirms the customer's choice at that time and place).
 */
export function changePreferences(p: Profile, change: PreferenceChange, source: ConsentSource, now: Date): Decision<Profile, ProfileRefusal> {
  const active = assertActive(p);
  if (!active.ok) return active;
  const consents = new Map(p.consents.map((c) => [c.contactChannel, c]));
  for (const c of change.marketingConsents ?? [])
    consents.set(c.contactChannel, { contactChannel: c.contactChannel, granted: c.granted, recordedAt: now, source });
  return accept({
    ...p,
    homeStoreId: change.homeStoreId === undefined ? p.homeStoreId : change.homeStoreId,
    preferredContactChannel: change.preferredContactChannel === undefined ? p.preferredContactChannel : change.preferredContactChannel,
    consents: [...consents.values()].sort((a, b) => a.contactChannel.localeCompare(b.contactChannel)),
    updatedAt: now,
  });
}

/** Whether marketing may use a contact channel: only with a consent granted and not withdrawn since. */
export function mayMarketTo(p: Profile, channel: ContactChannel): boolean {
  return p.status === 'ACTIVE' && p.consents.some((c) => c.contactChannel === channel && c.granted);
}

export type MergeOutcome = { readonly kind: 'merged'; readonly survivor: Profile; readonly merged: Profile } | { readonly kind: 'already-merged' };

/**
 * Merges `source` into `target` (docs/customers.md, Merge). The survivor keeps its own name,
 * postcode and preferences and takes the source's where it has none; per contact channel the
 * consent recorded last wins, whichever profile it was recorded on, since it is the customer's
 * latest word. Identities and history move with the merge (done by the caller, by id).
 * Merging again what is already merged into the target is not an error: nothing happens.
 */
export function mergeProfiles(source: Profile, target: Profile, now: Date): Decision<MergeOutcome, ProfileRefusal> {
  if (source.id === target.id) return refuse('CUSTOMER.SAME_PROFILE', 'a profile cannot be merged into itself');
  if (source.status === 'MERGED' && source.mergedInto === target.id) return accept({ kind: 'already-merged' as const });
  const s = assertActive(source);
  if (!s.ok) return s;
  const t = assertActive(target);
  if (!t.ok) return t;
  const consents = new Map(target.consents.map((c) => [c.contactChannel, c]));
  for (const c of source.consents) {
    const mine = consents.get(c.contactChannel);
    if (!mine || mine.recordedAt.getTime() < c.recordedAt.getTime()) consents.set(c.contactChannel, c);
  }
  const survivor: Profile = {
    ...target,
    name: target.name ?? source.name,
    postcode: target.postcode ?? source.postcode,
    homeStoreId: target.homeStoreId ?? source.homeStoreId,
    preferredContactChannel: target.preferredContactChannel ?? source.preferredContactChannel,
    consents: [...consents.values()].sort((a, b) => a.contactChannel.localeCompare(b.contactChannel)),
    createdAt: source.createdAt < target.createdAt ? source.createdAt : target.createdAt,
    updatedAt: now,
  };
  const merged: Profile = { ...source, status: 'MERGED', mergedInto: target.id, updatedAt: now };
  return accept({ kind: 'merged' as const, survivor, merged });
}

/**
 * The right to be forgotten: every personal fact goes (name, postcode, preferences, consents;
 * identities are deleted by the caller and kept only as keyed hashes, the tombstone). The id
 * stays, so orders and financial records keep pointing at someone — who, nobody can tell.
 * Erasing twice changes nothing the second time.
 */
export function eraseProfile(p: Profile, now: Date): Decision<Profile, ProfileRefusal> {
  if (p.status === 'ERASED') return accept(p);
  if (p.status === 'MERGED') return refuse('CUSTOMER.MERGED', `customer ${p.id} was merged into ${p.mergedInto}: erase that profile`);
  return accept({
    ...p,
    status: 'ERASED',
    name: null,
    postcode: null,
    homeStoreId: null,
    preferredContactChannel: null,
    consents: [],
    updatedAt: now,
    erasedAt: now,
  });
}
