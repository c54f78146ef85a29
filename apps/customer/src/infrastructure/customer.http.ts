import { Controller, Get, Param, Query } from '@nestjs/common';
import { assertCustomer, assertScopes, Caller, Principal } from '@omni/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TimelineUseCase } from '../application/record-timeline.use-case';

export class TimelineQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}

@Controller('customers/:customerId/timeline')
export class CustomerHttpController {
  constructor(private readonly timeline: TimelineUseCase) {}

  /** customers:read, or a customer's own token for its own timeline. */
  @Get()
  async get(@Param('customerId') customerId: string, @Query() q: TimelineQuery, @Caller() caller: Principal) {
    if (caller.customerId !== null) assertCustomer(caller, customerId);
    else assertScopes(caller, 'customers:read');
    return { customerId, entries: await this.timeline.timelineOf(customerId, q.limit ?? 50) };
  }
}
