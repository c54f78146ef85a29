import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, CustomerErasedPayload, CustomerErasedV1, CustomerPreferencesChangedPayload, CustomerPreferencesChangedV1, EventEnvelope } from '@omni/contracts';
import { AbandonCartsUseCase } from '../application/abandon-carts.use-case';
import { EraseOrderContactUseCase } from '../application/erase-order-contact.use-case';

/**
 * Customer events the order service acts on: marketing consent per customer account, for the
 * cart.abandoned event (docs/carts.md), and erasure of the contact its orders keep.
 */
@Controller()
export class CustomerEventsHandler {
  constructor(
    private readonly carts: AbandonCartsUseCase,
    private readonly erase: EraseOrderContactUseCase,
  ) {}

  @EventPattern(ceTypeOf(CustomerPreferencesChangedV1))
  async onPreferencesChanged(@Payload() e: EventEnvelope<CustomerPreferencesChangedPayload>): Promise<void> {
    await this.carts.recordConsent(e);
  }

  @EventPattern(ceTypeOf(CustomerErasedV1))
  onErased(@Payload() e: EventEnvelope<CustomerErasedPayload>): Promise<void> {
    return this.erase.execute(e);
  }
}
