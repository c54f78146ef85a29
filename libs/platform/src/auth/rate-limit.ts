import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import { platformProblem } from '../problem';
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

  /**
   * The caller's key per route, as the throttler's own but not hashed: its sha256 of every
   * request's key bought nothing here (the key only indexes a map) and cost ~0.7 µs a request
   * (docs/adr/0016-throughput/rounds-2-7.md, seventh round).
   */
  protected override generateKey(ctx: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${ctx.getClass().name}-${ctx.getHandler().name}-${throttlerName}-${tracker}`;
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    return super.canActivate(ctx);
  }

  protected override async throwThrottlingException(_ctx: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    // The guard has already set Retry-After (seconds until the caller may try again).
    throw platformProblem(
      'RATE.LIMITED',
      `more than ${detail.limit} requests in ${Math.round(detail.ttl / 1000)} s; retry after ${detail.timeToBlockExpire} s`,
    );
  }
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  /** Start of the current fixed window, ms since the epoch. */
  start: number;
  current: number;
  previous: number;
}

/**
 * The limiter's counts, O(1) per request whatever the rate: a sliding-window counter, two fixed
 * windows per caller (this one and the one before), the previous one weighted by how much of it
 * still lies inside the sliding window. `@nestjs/throttler`'s own in-memory store keeps one
 * timestamp per hit and filters them on every request, which costs milliseconds per request at
 * thousands of requests a minute (docs/adr/0016-throughput.md). Callers whose windows ended are
 * forgotten by a sweep every `ttl`.
 */
export class SlidingWindowStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    this.sweepEvery(ttl);
    const id = `${throttlerName}\u0000${key}`;
    let w = this.windows.get(id);
    if (!w) {
      w = { start: now - (now % ttl), current: 0, previous: 0 };
      this.windows.set(id, w);
    }
    if (now - w.start >= ttl) {
      const passed = Math.floor((now - w.start) / ttl);
      w.previous = passed === 1 ? w.current : 0;
      w.current = 0;
      w.start += passed * ttl;
    }
    const elapsed = now - w.start;
    const weighted = (hits: number) => w.previous * (1 - elapsed / ttl) + hits;
    const isBlocked = weighted(w.current) + 1 > limit;
    if (!isBlocked) w.current++;
    const timeToExpire = Math.ceil((ttl - elapsed) / 1000);
    return {
      totalHits: Math.ceil(weighted(w.current)) + (isBlocked ? 1 : 0),
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.max(1, Math.ceil(this.waitMs(w, elapsed, ttl, limit) / 1000)) : 0,
    };
  }

  /** How long until one more request fits under the limit, if nobody sends any meanwhile. */
  private waitMs(w: Window, elapsed: number, ttl: number, limit: number): number {
    // Within this window the previous one's weight decays: previous·(1 − t/ttl) + current ≤ limit − 1.
    if (w.current <= limit - 1 && w.previous > 0) return Math.max(0, ttl * (1 - (limit - 1 - w.current) / w.previous) - elapsed);
    // Else not before this window ends; then this one is the previous and decays the same way.
    return ttl - elapsed + Math.max(0, ttl * (1 - (limit - 1) / w.current));
  }

  private sweepEvery(ttl: number): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      const now = this.now();
      for (const [id, w] of this.windows) if (now - w.start >= 2 * ttl) this.windows.delete(id);
    }, ttl);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
