import { mailboxKey, nameKey } from './identity';

/** What duplicate detection looks at in a profile (docs/customers.md, Duplicates). */
export interface ProfileFacts {
  readonly id: string;
  readonly name: string | null;
  readonly postcode: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  /** Values of the profile's account ids, whatever their channel. */
  readonly accountIds: readonly string[];
}

export const DUPLICATE_SIGNALS = ['same-order', 'same-account-id', 'same-mailbox', 'same-name-and-postcode', 'same-name-and-phone-ending'] as const;
export type DuplicateSignal = (typeof DUPLICATE_SIGNALS)[number];

/**
 * How strongly each signal alone suggests one person. An order that carried identities of both
 * profiles is near proof; the same account id in two channels (web and app signing in with one
 * identity provider) nearly so; the same mailbox behind two spellings (a +tag, Gmail dots) is strong;
 * the same name at the same postcode is a household at worst; the same name with the same last
 * four phone digits is weaker (numbers get reassigned).
 */
export const SIGNAL_WEIGHTS: Record<DuplicateSignal, number> = {
  'same-order': 0.9,
  'same-account-id': 0.85,
  'same-mailbox': 0.8,
  'same-name-and-postcode': 0.6,
  'same-name-and-phone-ending': 0.4,
};

/** A pair is reported from this score on. */
export const DUPLICATE_THRESHOLD = 0.5;

export interface DuplicateCandidate {
  readonly profileId: string;
  readonly score: number;
  readonly signals: readonly DuplicateSignal[];
}

const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** The signals that say `a` and `b` may be one person; `sharedOrder`: an order carried identities of both. */
export function duplicateSignals(a: ProfileFacts, b: ProfileFacts, sharedOrder: boolean): DuplicateSignal[] {
  const signals: DuplicateSignal[] = [];
  if (sharedOrder) signals.push('same-order');
  if (intersects(a.accountIds, b.accountIds)) signals.push('same-account-id');
  if (intersects(a.emails.map(mailboxKey), b.emails.map(mailboxKey))) signals.push('same-mailbox');
  const sameName = nameKey(a.name) !== null && nameKey(a.name) === nameKey(b.name);
  if (sameName && a.postcode !== null && a.postcode === b.postcode) signals.push('same-name-and-postcode');
  const ending = (p: string) => p.slice(-4);
  if (sameName && intersects(a.phones.map(ending), b.phones.map(ending))) signals.push('same-name-and-phone-ending');
  return signals;
}

/** Independent signals combined: 1 − Π(1 − w). */
export function duplicateScore(signals: readonly DuplicateSignal[]): number {
  return 1 - signals.reduce((rest, s) => rest * (1 - SIGNAL_WEIGHTS[s]), 1);
}

/** The likely duplicates of `profile` among `others`, best first; a profile never duplicates itself. */
export function likelyDuplicates(profile: ProfileFacts, others: readonly ProfileFacts[], sharedOrderWith: ReadonlySet<string>): DuplicateCandidate[] {
  return others
    .filter((o) => o.id !== profile.id)
    .map((o) => {
      const signals = duplicateSignals(profile, o, sharedOrderWith.has(o.id));
      return { profileId: o.id, signals, score: Math.round(duplicateScore(signals) * 100) / 100 };
    })
    .filter((c) => c.score >= DUPLICATE_THRESHOLD)
    .sort((x, y) => y.score - x.score || x.profileId.localeCompare(y.profileId));
}
