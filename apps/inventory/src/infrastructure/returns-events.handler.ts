import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, ReturnCompletedPayload, ReturnCompletedV1, ReturnExchangeRequestedPayload, ReturnExchangeRequestedV1 } from '@omni/contracts';
import { ReturnsUseCase } from '../application/returns.use-case';

/** Events of the returns service that move stock. */
@Controller()
export class ReturnsEventsHandler {
  constructor(private readonly returns: ReturnsUseCase) {}

  @EventPattern(ceTypeOf(ReturnExchangeRequestedV1))
  onExchangeRequested(@Payload() e: EventEnvelope<ReturnExchangeRequestedPayload>): Promise<void> {
    return this.returns.issueReplacement(e);
  }

  @EventPattern(ceTypeOf(ReturnCompletedV1))
  onReturnCompleted(@Payload() e: EventEnvelope<ReturnCompletedPayload>): Promise<void> {
    return this.returns.restock(e);
  }
}
