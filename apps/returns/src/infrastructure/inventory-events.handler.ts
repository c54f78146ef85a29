import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ceTypeOf, EventEnvelope, ReplacementIssuedPayload, ReplacementIssuedV1, ReplacementRefusedPayload, ReplacementRefusedV1 } from '@omni/contracts';
import { ExchangeRepliesUseCase } from '../application/exchange-replies.use-case';

/** Inventory's answers to exchanges. */
@Controller()
export class InventoryEventsHandler {
  constructor(private readonly replies: ExchangeRepliesUseCase) {}

  @EventPattern(ceTypeOf(ReplacementIssuedV1))
  onIssued(@Payload() e: EventEnvelope<ReplacementIssuedPayload>): Promise<void> {
    return this.replies.issued(e);
  }

  @EventPattern(ceTypeOf(ReplacementRefusedV1))
  onRefused(@Payload() e: EventEnvelope<ReplacementRefusedPayload>): Promise<void> {
    return this.replies.refused(e);
  }
}
