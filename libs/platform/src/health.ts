import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Response } from 'express';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { Public } from './auth/auth.decorators';

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

/** Liveness says the process works; readiness says it can do its job (PostgreSQL and Kafka reachable). Probes need no token and are not rate limited. */
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** 503 with every check's status, so a probe or an operator sees which dependency is down. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    try {
      return await this.health.check(this.checks.map((c) => () => this.run(c)));
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return e.getResponse();
    }
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
