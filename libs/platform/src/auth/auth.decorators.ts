import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { platformProblem, ProblemException } from '../problem';
import { actsForChannel, actsForCustomer, actsForStore, actsForTransfer, missingScopes, Principal, Scope } from './principal';

export const IS_PUBLIC = 'auth:public';
export const REQUIRED_SCOPES = 'auth:scopes';
export const STORE_PARAM = 'auth:store-param';

/** No token needed (health probes, documentation). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Every listed scope is needed (`admin` implies all): else 403 AUTH.FORBIDDEN. */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/** The path parameter naming the store (or location) a store-bound token must match. */
export const StoreScoped = (param: string) => SetMetadata(STORE_PARAM, param);

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The verified caller; the global guard has put it there before any handler runs. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const p = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!p) throw unauthenticated('no principal on the request');
  return p;
});

export function unauthenticated(detail: string): ProblemException {
  return platformProblem('AUTH.UNAUTHENTICATED', detail);
}

export function forbidden(detail: string): ProblemException {
  return platformProblem('AUTH.FORBIDDEN', detail);
}

export function assertScopes(p: Principal, ...scopes: Scope[]): void {
  const missing = missingScopes(p, scopes);
  if (missing.length > 0) throw forbidden(`the token lacks the scope ${missing.join(' ')}`);
}

export function assertStore(p: Principal, storeId: string): void {
  if (!actsForStore(p, storeId)) throw forbidden(`the token acts for store ${p.storeId} only`);
}

export function assertTransferStore(p: Principal, t: { fromLocationId: string; toLocationId: string }): void {
  if (!actsForTransfer(p, t)) throw forbidden(`the token acts only for transfers from or to ${p.storeId}`);
}

/** `owner` undefined means the order does not exist: the same 403 as another customer's. */
export function assertCustomer(p: Principal, owner: string | null | undefined): void {
  if (!actsForCustomer(p, owner)) throw forbidden('the token acts for another customer');
}

export function assertChannel(p: Principal, channel: string): void {
  if (!actsForChannel(p, channel)) throw forbidden(`the token speaks for channel ${p.channel} only`);
}
