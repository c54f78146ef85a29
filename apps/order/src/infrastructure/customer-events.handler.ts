import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, CustomerPreferencesChangedPayload, CustomerPreferencesChangedV1, EventEnvelope } from '@omni/contracts';
import { AbandonCartsUseCase } from '../application/abandon-carts.use-case';

/** Marketing consent per customer account, for the cart.abandoned event (docs/carts.md). */
@Controller()
export class CustomerEventsHandler {
  constructor(private readonly carts: AbandonCartsUseCase) {}

  @EventPattern(ceTypeOf(CustomerPreferencesChangedV1))
  async onPreferencesChanged(@Payload() e: EventEnvelope<CustomerPreferencesChangedPayload>): Promise<void> {
    await this.carts.recordConsent(e);
  }
}
