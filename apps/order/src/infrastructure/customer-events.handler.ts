import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ceTypeOf,
  CustomerErasedPayload,
  CustomerErasedV1,
  CustomerMergedPayload,
  CustomerMergedV1,
  CustomerOrderLinkedV1,
  CustomerPreferencesChangedPayload,
  CustomerPreferencesChangedV1,
  EventEnvelope,
} from '@omni/contracts';
import { EventBatch, EventRun } from '@omni/messaging';
import { CustomerPreferencesUseCase } from '../application/customer-preferences.use-case';
import { EraseOrderContactUseCase } from '../application/erase-order-contact.use-case';

/**
 * Customer events the order service acts on: preferences and marketing consent per profile, the
 * profile of each order and merges of profiles (for notification requests and cart.abandoned,
 * docs/customers.md and docs/carts.md), and erasure of the contact its orders keep.
 */
@Controller()
export class CustomerEventsHandler {
  constructor(
    private readonly preferences: CustomerPreferencesUseCase,
    private readonly erase: EraseOrderContactUseCase,
  ) {}

  @EventPattern(ceTypeOf(CustomerPreferencesChangedV1))
  onPreferencesChanged(@Payload() e: EventEnvelope<CustomerPreferencesChangedPayload>): Promise<void> {
    return this.preferences.preferencesChanged(e);
  }

  @EventBatch(CustomerOrderLinkedV1)
  onOrdersLinked(@Payload() run: EventRun): Promise<void> {
    return this.preferences.orderLinkedRun(run);
  }

  @EventPattern(ceTypeOf(CustomerMergedV1))
  onMerged(@Payload() e: EventEnvelope<CustomerMergedPayload>): Promise<void> {
    return this.preferences.merged(e);
  }

  @EventPattern(ceTypeOf(CustomerErasedV1))
  onErased(@Payload() e: EventEnvelope<CustomerErasedPayload>): Promise<void> {
    return this.erase.execute(e);
  }
}
