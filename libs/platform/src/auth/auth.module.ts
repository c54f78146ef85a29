import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from './auth.guard';
import { CallerThrottlerGuard, SlidingWindowStorage } from './rate-limit';
import { AuthSettings, TokenVerifier } from './token-verifier';

/**
 * The API edge's guards, in order: the bearer token (401/403), then the caller's rate limit
 * (429). Registered globally; a route opts out of the token with @Public().
 */
@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings & { RATE_LIMIT_PER_MINUTE: number }): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        ThrottlerModule.forRoot({ throttlers: [{ name: 'default', ttl: 60_000, limit: settings.RATE_LIMIT_PER_MINUTE }], storage: new SlidingWindowStorage() }),
      ],
      providers: [
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(settings) },
        AuthGuard,
        CallerThrottlerGuard,
        // The same instances run on the hot edge (hot-route.ts).
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useExisting: CallerThrottlerGuard },
      ],
      exports: [TokenVerifier, AuthGuard, CallerThrottlerGuard],
    };
  }
}
