import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, CustomerErasedPayload, CustomerErasedV1, EventEnvelope } from '@omni/contracts';
import { EraseOrderContactUseCase } from '../application/erase-order-contact.use-case';

/** Customer events the order service acts on: erasure. */
@Controller()
export class CustomerEventsHandler {
  constructor(private readonly erase: EraseOrderContactUseCase) {}

  @EventPattern(ceTypeOf(CustomerErasedV1))
  onErased(@Payload() e: EventEnvelope<CustomerErasedPayload>): Promise<void> {
    return this.erase.execute(e);
  }
}
