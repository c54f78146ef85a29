import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiProblems, assertCustomer, assertScopes, Caller, Principal } from '@omni/platform';
import { Type } from 'class-transformer';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TimelineUseCase } from '../application/record-timeline.use-case';

export class TimelineEntryView {
  @ApiProperty({ format: 'uuid', description: 'id of the event the entry records' }) eventId: string;
  @ApiProperty({ type: String, example: 'order.placed', description: 'what happened' }) kind: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) orderId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'web' }) channel: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PARIS' }) storeId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
}

export class TimelineView {
  @ApiProperty({ type: String, example: 'cust-42' }) customerId: string;
  @ApiProperty({ type: () => TimelineEntryView, isArray: true, description: 'newest first' }) entries: TimelineEntryView[];
}

export class TimelineQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'most recent entries to return' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

@ApiTags('customers')
@Controller('customers/:customerId/timeline')
export class CustomerHttpController {
  constructor(private readonly timeline: TimelineUseCase) {}

  /** customers:read, or a customer's own token for its own timeline. */
  @Get()
  @ApiOperation({ summary: "A customer's timeline across channels, newest first" })
  @ApiParam({ name: 'customerId', description: 'customer id', example: 'cust-42' })
  @ApiOkResponse({ description: 'The timeline (empty for an unknown customer)', type: TimelineView })
  @ApiProblems([400, 'limit breaks its rule (REQUEST.INVALID)'])
  async get(@Param('customerId') customerId: string, @Query() q: TimelineQuery, @Caller() caller: Principal) {
    if (caller.customerId !== null) assertCustomer(caller, customerId);
    else assertScopes(caller, 'customers:read');
    return { customerId, entries: await this.timeline.timelineOf(customerId, q.limit ?? 50) };
  }
}
