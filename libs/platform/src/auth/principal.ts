import { Channel, CHANNELS } from '@omni/contracts';

/** Scopes a token can carry (docs/api-edge.md, Tokens); `admin` implies every other one. */
export const SCOPES = [
  'orders:place',
  'orders:read',
  'orders:cancel',
  'store:operate',
  'store:supervise',
  'inventory:read',
  'inventory:write',
  'transfers:operate',
  'deliveries:report',
  'preorders:manage',
  'prices:manage',
  'prices:override',
  'payments:manage',
  'customers:read',
  'kpis:read',
  'returns:request',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** The verified caller of a request, from the claims of its bearer token. */
export interface Principal {
  /** `sub`: a customer, an associate, a system. */
  readonly sub: string;
  /** The channel the request comes from; null for back-office systems. */
  readonly channel: Channel | null;
  /** For a POS or store back office: the only store it acts for. */
  readonly storeId: string | null;
  readonly associateId: string | null;
  /** For a customer-facing call: the only customer whose orders it sees. */
  readonly customerId: string | null;
  readonly scopes: ReadonlySet<string>;
}

export type ClaimsResult = { ok: true; principal: Principal } | { ok: false; reason: string };

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * Turns verified JWT claims into a principal, or names the claim that makes the token unusable.
 * Signature, issuer, audience and expiry are checked before this by jose.
 */
export function principalFromClaims(claims: Record<string, unknown>): ClaimsResult {
  const text = (name: string): string | null | undefined => {
    const v = claims[name];
    if (v === undefined || v === null) return null;
    return typeof v === 'string' && ID.test(v) ? v : undefined;
  };
  const sub = text('sub');
  if (!sub) return { ok: false, reason: 'sub must be a non-empty id' };
  const channel = claims['channel'] ?? null;
  if (channel !== null && !(CHANNELS as readonly unknown[]).includes(channel)) return { ok: false, reason: `channel must be one of ${CHANNELS.join(', ')}` };
  const storeId = text('store_id');
  const associateId = text('associate_id');
  const customerId = text('customer_id');
  for (const [name, v] of [
    ['store_id', storeId],
    ['associate_id', associateId],
    ['customer_id', customerId],
  ] as const) {
    if (v === undefined) return { ok: false, reason: `${name} must be an id` };
  }
  const scope = claims['scope'] ?? '';
  if (typeof scope !== 'string') return { ok: false, reason: 'scope must be a space-separated string' };
  return {
    ok: true,
    principal: {
      sub,
      channel: channel as Channel | null,
      storeId: storeId ?? null,
      associateId: associateId ?? null,
      customerId: customerId ?? null,
      scopes: new Set(scope.split(' ').filter((s) => s.length > 0)),
    },
  };
}

/** The scopes of `required` the principal lacks (none when it has `admin`). */
export function missingScopes(p: Principal, required: readonly Scope[]): Scope[] {
  if (p.scopes.has('admin')) return [];
  const missing = required.filter((s) => !p.scopes.has(s));
  // store:operate is the scope of a POS: without a store it would act for every store.
  if (missing.length === 0 && required.includes('store:operate') && p.storeId === null) return ['store:operate'];
  // So is store:supervise: a supervisor supervises one store.
  if (missing.length === 0 && required.includes('store:supervise') && p.storeId === null) return ['store:supervise'];
  return missing;
}

/** Whether the caller may state an order's prices itself (scope prices:override, or admin): the principal to audit, else null. */
export function priceOverrider(p: Principal): string | null {
  return missingScopes(p, ['prices:override']).length === 0 ? p.sub : null;
}

/** A token with a store acts only for that store; one without (back office) for any. */
export function actsForStore(p: Principal, storeId: string): boolean {
  return p.storeId === null || p.storeId === storeId;
}

/** A store-bound token may act on a transfer only from or to its store. */
export function actsForTransfer(p: Principal, t: { fromLocationId: string; toLocationId: string }): boolean {
  return p.storeId === null || p.storeId === t.fromLocationId || p.storeId === t.toLocationId;
}

/**
 * A token with a customer sees only that customer's orders; `owner` is the order's customer, or
 * undefined when there is no such order — refused the same way, so nothing leaks.
 */
export function actsForCustomer(p: Principal, owner: string | null | undefined): boolean {
  return p.customerId === null || (owner !== undefined && owner === p.customerId);
}

/** A token with a channel may only speak for that channel. */
export function actsForChannel(p: Principal, channel: string): boolean {
  return p.channel === null || p.channel === channel;
}
