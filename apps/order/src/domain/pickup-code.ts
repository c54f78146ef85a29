import { createHash, timingSafeEqual } from 'node:crypto';
import { PickupCodeHash } from './order';

/**
 * Crockford's base32: 32 characters without I, L, O or U, so 8 characters carry 40 bits. What a
 * customer reads aloud or types is normalised (O→0, I/L→1, case ignored), so look-alikes cannot fail.
 */
export const PICKUP_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PICKUP_CODE_LENGTH = 8;
/** Wrong codes tolerated before the order is locked at the counter. */
export const MAX_FAILED_CODE_ATTEMPTS = 5;

export function normalisePickupCode(input: string): string {
  return input.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1').replace(/[\s-]/g, '');
}

/** Salted SHA-256 of the normalised code; the code itself is never stored. */
export function hashPickupCode(code: string, salt: string): string {
  return createHash('sha256')
    .update(`${salt}:${normalisePickupCode(code)}`)
    .digest('hex');
}

export function pickupCodeMatches(stored: PickupCodeHash | null, candidate: string): boolean {
  if (!stored) return false;
  const a = Buffer.from(hashPickupCode(candidate, stored.salt), 'hex');
  const b = Buffer.from(stored.hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
