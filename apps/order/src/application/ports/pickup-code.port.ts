import type { NewPickupCode } from '../../domain/pickup.machine';

/** Draws the code a customer shows to collect a pickup (implemented by infrastructure/pickup-code.generator.ts). */
export abstract class PickupCodeGenerator {
  /** A fresh code, with the salted hash that is all the service keeps of it. */
  abstract newPickupCode(): NewPickupCode;
}
