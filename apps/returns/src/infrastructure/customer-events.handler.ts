import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, CustomerErasedPayload, CustomerErasedV1, EventEnvelope } from '@omni/contracts';
import { ErasureUseCase } from '../application/erasure.use-case';

/** Customer events the returns service acts on: erasure. */
@Controller()
export class CustomerEventsHandler {
  constructor(private readonly erasure: ErasureUseCase) {}

  @EventPattern(ceTypeOf(CustomerErasedV1))
  onErased(@Payload() e: EventEnvelope<CustomerErasedPayload>): Promise<void> {
    return this.erasure.erased(e);
  }
}
