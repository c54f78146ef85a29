import { Channel, OrderPlacedV2Payload } from '@omni/contracts';
import { CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * The keys a profile is found by (docs/customers.md, Identities). Each is stored normalised, so
 * two spellings of one address are one key; `scope` is the channel for an account id, else ''.
 */
export const IDENTITY_KINDS = ['account', 'loyalty-id', 'email', 'phone'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export interface Identity {
  readonly kind: IdentityKind;
  readonly scope: string;
  readonly value: string;
}

export const identityKey = (i: Identity): string => `${i.kind}|${i.scope}|${i.value}`;

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/**
 * Trimmed, Unicode NFC, lower-cased (the local part too: no mail provider we know of treats case
 * as significant, and customers type it both ways). Dots and +tags are kept: they are significant
 * at most providers, so they only count as a duplicate signal (mailboxKey). Null when not an address.
 */
export function normaliseEmail(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const e = raw.normalize('NFC').trim().toLowerCase();
  return e.length <= 254 && EMAIL.test(e) ? e : null;
}

/** The mailbox an address most likely reaches: +tag removed; dots removed for Gmail. A duplicate signal, never a matching key. */
export function mailboxKey(email: string): string {
  const at = email.lastIndexOf('@');
  let local = email.slice(0, at).split('+')[0];
  let domain = email.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** E.164 (`+33612345678`) when libphonenumber-js finds a valid number, a national one read in `defaultRegion`; else null. */
export function normalisePhone(raw: string | null | undefined, defaultRegion: string): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const region = isSupportedCountry(defaultRegion) ? (defaultRegion as CountryCode) : undefined;
  const n = parsePhoneNumberFromString(raw.trim(), region);
  return n?.isValid() ? n.number : null;
}

/** Loyalty card numbers are printed in groups: spaces and hyphens are dropped, letters upper-cased. */
export function normaliseLoyaltyId(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const v = raw.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{1,64}$/.test(v) ? v : null;
}

/** For search and duplicate detection only: accents removed, lower-case, single spaces. */
export function nameKey(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const v = raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return v.length > 0 ? v : null;
}

export function normalisePostcode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const v = raw.replace(/\s+/g, '').toUpperCase();
  return v.length > 0 && v.length <= 20 ? v : null;
}

export function accountIdentity(channel: Channel, accountId: string): Identity {
  return { kind: 'account', scope: channel, value: accountId };
}

/** What an order says about who placed it: its identities (by precedence) and the descriptive facts. */
export interface OrderIdentity {
  readonly identities: readonly Identity[];
  readonly name: string | null;
  readonly postcode: string | null;
}

/** The identities an order carries, ordered by matching precedence; unusable values (a malformed e-mail) are left out. */
export function identitiesOfOrder(o: OrderPlacedV2Payload, defaultRegion: string): OrderIdentity {
  const c = o.contact;
  const found: Identity[] = [];
  if (o.customerId) found.push(accountIdentity(o.channel, o.customerId));
  const loyalty = normaliseLoyaltyId(c?.loyaltyId);
  if (loyalty) found.push({ kind: 'loyalty-id', scope: '', value: loyalty });
  const email = normaliseEmail(c?.email);
  if (email) found.push({ kind: 'email', scope: '', value: email });
  const phone = normalisePhone(c?.phone, defaultRegion);
  if (phone) found.push({ kind: 'phone', scope: '', value: phone });
  const name = c?.name?.trim() ? c.name.trim() : null;
  return { identities: found, name, postcode: normalisePostcode(c?.postcode) };
}
