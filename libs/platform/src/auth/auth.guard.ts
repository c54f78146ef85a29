import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { platformProblem } from '../problem';
import { assertScopes, assertStore, AuthenticatedRequest, IS_PUBLIC, REQUIRED_SCOPES, STORE_PARAM, unauthenticated } from './auth.decorators';
import { Scope } from './principal';
import { TokenVerifier } from './token-verifier';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Every HTTP route needs a valid bearer token unless marked @Public(); the verified principal is
 * put on the request, then @RequireScopes and @StoreScoped are checked. Events consumed from
 * Kafka are not HTTP and pass through.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) throw unauthenticated('an Authorization: Bearer token is required');
    const m = BEARER.exec(header);
    if (!m) throw unauthenticated('the Authorization header must be "Bearer <JWT>"');
    const v = await this.verifier.verify(m[1]);
    if (!v.ok) {
      if ('unavailable' in v) throw platformProblem('AUTH.UNAVAILABLE', v.reason);
      throw unauthenticated(v.reason);
    }
    req.principal = v.principal;
    const scopes = this.reflector.getAllAndOverride<Scope[]>(REQUIRED_SCOPES, targets) ?? [];
    assertScopes(v.principal, ...scopes);
    const storeParam = this.reflector.getAllAndOverride<string>(STORE_PARAM, targets);
    if (storeParam) assertStore(v.principal, String(req.params[storeParam]));
    return true;
  }
}
