import { MatchRule } from '@omni/contracts';
import { Identity, IDENTITY_KINDS, identityKey } from './identity';

/** A profile's erased identity found again on an order (by its keyed hash, never the value). */
export interface TombstoneHit {
  readonly profileId: string;
  readonly erasedAt: Date;
}

export interface MatchInput {
  /** The order's identities, by precedence. */
  readonly identities: readonly Identity[];
  /** Which profile (after following merges) holds each identity already, by identityKey. */
  readonly owners: ReadonlyMap<string, string>;
  readonly tombstones: readonly TombstoneHit[];
  readonly placedAt: Date;
}

export type MatchDecision =
  | {
      readonly kind: 'link';
      readonly profileId: string;
      readonly rule: MatchRule;
      /** Identities of the order no profile holds yet: the matched profile gains them. */
      readonly newIdentities: readonly Identity[];
      /** Other profiles holding identities of the same order: likely the same person (a duplicate signal). */
      readonly alsoMatched: readonly string[];
    }
  | { readonly kind: 'link-erased'; readonly profileId: string }
  | { readonly kind: 'create'; readonly identities: readonly Identity[] }
  | { readonly kind: 'unidentified' };

const precedence = (i: Identity) => IDENTITY_KINDS.indexOf(i.kind);

/**
 * The matching rules (docs/customers.md, Matching rules):
 * 1. The order's identities are tried by precedence — account id of its channel, loyalty id,
 *    e-mail, phone. The first one a profile holds decides the profile.
 * 2. Identities no profile holds are added to that profile; one held by another profile stays
 *    where it is and the two profiles become duplicate candidates: profiles are never merged
 *    automatically.
 * 3. No profile holds any: an order placed before an erasure whose identities were erased belongs
 *    to the erased profile (the tombstone), else the order creates a profile.
 * 4. An order with no usable identity at all (a guest who gave nothing) is linked to no one.
 * Name and postcode never match on their own: too many people share them.
 */
export function matchOrder(input: MatchInput): MatchDecision {
  const ordered = [...input.identities].sort((a, b) => precedence(a) - precedence(b));
  const held = ordered.filter((i) => input.owners.has(identityKey(i)));
  if (held.length > 0) {
    const first = held[0];
    const profileId = input.owners.get(identityKey(first))!;
    const others = [...new Set(held.map((i) => input.owners.get(identityKey(i))!))].filter((p) => p !== profileId);
    return {
      kind: 'link',
      profileId,
      rule: first.kind,
      newIdentities: ordered.filter((i) => !input.owners.has(identityKey(i))),
      alsoMatched: others,
    };
  }
  const tomb = input.tombstones.filter((t) => input.placedAt.getTime() <= t.erasedAt.getTime());
  if (tomb.length > 0) return { kind: 'link-erased', profileId: tomb[0].profileId };
  if (ordered.length === 0) return { kind: 'unidentified' };
  return { kind: 'create', identities: ordered };
}
