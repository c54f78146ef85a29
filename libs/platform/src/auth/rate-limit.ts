import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { ProblemException } from '../problem';
import { AuthenticatedRequest } from './auth.decorators';

/**
 * Per-caller limits: a verified caller is counted by its `sub`, anyone else by IP address. Runs
 * after the auth guard, so the principal is known. Counts are per process.
 */
@Injectable()
export class CallerThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const r = req as unknown as AuthenticatedRequest;
    return r.principal ? `sub:${r.principal.sub}` : `ip:${r.ip ?? r.socket?.remoteAddress ?? 'unknown'}`;
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    return super.canActivate(ctx);
  }

  protected override async throwThrottlingException(_ctx: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The guard has already set Retry-After (seconds until the caller may try again).
    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'RATE.LIMITED', `more than ${detail.limit} requests in ${Math.round(detail.ttl / 1000)} s; retry after ${detail.timeToBlockExpire} s`);
  }
}
