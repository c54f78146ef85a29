import { randomBytes, randomInt } from 'node:crypto';
import { NewPickupCode } from '../domain/pickup.machine';
import { hashPickupCode, PICKUP_CODE_ALPHABET, PICKUP_CODE_LENGTH } from '../domain/pickup-code';
import { PickupCodeGenerator } from '../application/ports/pickup-code.port';

/** Draws a pickup code from a CSPRNG and salts its hash; only the hash and salt are stored. */
export function newPickupCode(): NewPickupCode {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)];
  const salt = randomBytes(16).toString('hex');
  return { code, salt, hash: hashPickupCode(code, salt) };
}

/** The generator the use cases are given (PickupCodeGenerator). */
export const pickupCodeGenerator = { newPickupCode } satisfies PickupCodeGenerator;
