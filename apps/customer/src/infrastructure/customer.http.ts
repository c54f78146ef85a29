import { Controller, Get, Param, Query } from '@nestjs/common';
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

  @Get()
  async get(@Param('customerId') customerId: string, @Query() q: TimelineQuery) {
    return { customerId, entries: await this.timeline.timelineOf(customerId, q.limit ?? 50) };
  }
}
