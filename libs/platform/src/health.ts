import { Controller, Get, HttpStatus, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Public } from './auth/auth.decorators';
import { PUBLIC_TAG } from './openapi';

/** A dependency the service cannot serve without; `/health/ready` fails while any is down. */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves with details when up; rejects with the reason when down. */
  probe(): Promise<Record<string, unknown>>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'postgres';
  constructor(private readonly dataSource: DataSource) {}
  async probe(): Promise<Record<string, unknown>> {
    await withTimeout(this.dataSource.query('SELECT 1'), 2000, 'PostgreSQL');
    return {};
  }
}

const HEALTH_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error'], example: 'ok' },
    info: { type: 'object', description: 'checks that are up, by name (postgres, kafka)', additionalProperties: true },
    error: { type: 'object', description: 'checks that are down, by name, with the reason', additionalProperties: true },
    details: { type: 'object', description: 'every check, by name', additionalProperties: true },
  },
};

/** Liveness says the process works; readiness says it can do its job (PostgreSQL and Kafka reachable). Probes need no token and are not rate limited. */
@ApiTags(PUBLIC_TAG)
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  /** What the last readiness answer was; a change is logged (info before the first ready, warn after). */
  private last: { ready: boolean; reason: string } | null = null;
  private everReady = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process works', description: 'Public (no token); for the liveness probe.' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** 503 with every check's status, so a probe or an operator sees which dependency is down. */
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Kafka reachable',
    description: 'Public (no token); for the readiness probe. 503 names each dependency that is down.',
  })
  @ApiResponse({ status: 200, description: 'Ready', schema: HEALTH_SCHEMA })
  @ApiResponse({ status: 503, description: 'A dependency is down; `error` names it', schema: HEALTH_SCHEMA })
  async ready(@Res({ passthrough: true }) res: Response) {
    try {
      const result = await this.health.check(this.checks.map((c) => () => this.run(c)));
      this.changed(true, '');
      return result;
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      const body = e.getResponse() as { error?: Record<string, { message?: string }> };
      this.changed(
        false,
        Object.entries(body.error ?? {})
          .map(([name, v]) => `${name}: ${v.message ?? 'down'}`)
          .join('; '),
      );
      return body;
    }
  }

  /** Not ready while starting is expected (info); losing readiness once ready is not (warn). */
  private changed(ready: boolean, reason: string): void {
    if (this.last?.ready === ready && this.last.reason === reason) return;
    this.last = { ready, reason };
    if (ready) {
      this.logger.log({ event: 'readiness.ready' }, 'ready');
      this.everReady = true;
    } else if (this.everReady) this.logger.warn({ event: 'readiness.lost', reason }, 'not ready');
    else this.logger.log({ event: 'readiness.starting', reason }, 'not ready yet');
  }

  private async run(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const status = this.indicator.check(check.name);
    try {
      return status.up(await check.probe());
    } catch (e) {
      return status.down({ message: (e as Error).message });
    }
  }
}
