import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { PUBLIC_TAG } from '../openapi';
import { Metrics } from './metrics';

/** Prometheus scrape endpoint; public and not rate limited, like the health probes (docs/operations.md#metrics). */
@ApiTags(PUBLIC_TAG)
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics', description: 'Public (no token), not rate limited; Prometheus text format. See docs/operations.md.' })
  scrape(): Promise<string> {
    return this.metrics.scrape();
  }
}
