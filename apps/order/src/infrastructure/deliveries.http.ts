import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DELIVERY_FAILURES, DeliveryFailure } from '@omni/contracts';
import { RequireScopes, uuidParam } from '@omni/platform';
import { IsIn } from 'class-validator';
import { ActOnOrderUseCase } from '../application/act-on-order.use-case';
import { OrderView } from './order.api';
import { answer } from './orders.http';
import { OrderQueries } from '../application/order.queries';
import { OrderProblems } from './order-problems';

const OUTCOMES = ['DELIVERED', ...DELIVERY_FAILURES] as const;

export class DeliveryOutcomeDto {
  @ApiProperty({ enum: OUTCOMES, example: 'DELIVERED', description: 'DELIVERED, or why it was not: refused at the door or lost' })
  @IsIn(OUTCOMES)
  outcome: 'DELIVERED' | DeliveryFailure;
}

/** What a carrier integration reports about a shipped delivery group. */
@ApiTags('deliveries')
@Controller('fulfilments')
@RequireScopes('deliveries:report')
export class DeliveriesHttpController {
  constructor(
    private readonly act: ActOnOrderUseCase,
    private readonly queries: OrderQueries,
  ) {}

  @Post(':id/delivery-outcome')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Report how a shipped delivery ended',
    description: 'DELIVERED closes the group; DELIVERY.REFUSED or DELIVERY.LOST records the failure and requests the refund.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'fulfilment id of the delivery' })
  @ApiBody({ type: DeliveryOutcomeDto })
  @ApiResponse({ status: 200, description: 'The order, its group DELIVERED or DELIVERY_FAILED', type: OrderView })
  @OrderProblems(
    400,
    ['ORDER.NOT_FOUND', 'No such fulfilment'],
    [['ORDER.INVALID_TRANSITION', 'FULFILMENT.NOT_A_DELIVERY'], 'Not shipped (ORDER.INVALID_TRANSITION) or not a delivery (FULFILMENT.NOT_A_DELIVERY)'],
  )
  async outcome(@Param('id', uuidParam('id')) id: string, @Body() body: DeliveryOutcomeDto) {
    return answer(this.queries, await this.act.reportDelivery(id, body.outcome));
  }
}
