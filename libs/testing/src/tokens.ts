import { importPKCS8, SignJWT } from 'jose';

/** The claims a test token carries (docs/api-edge.md, Tokens); iss, aud and exp default to what the services accept. */
export interface TestClaims {
  sub?: string;
  scope?: string;
  channel?: string;
  store_id?: string;
  associate_id?: string;
  customer_id?: string;
  iss?: string;
  aud?: string | string[];
  /** Seconds from now; negative for an expired token. Default one hour. */
  expiresIn?: number;
  [claim: string]: unknown;
}

export const TEST_ISSUER = 'omni-backbone';
export const TEST_AUDIENCE = 'omni-backbone';

/** The key pair the global setup made for this run: the services trust the public one. */
export function testAuthKeys(): { publicKey: string; privateKey: string } {
  const publicKey = process.env.AUTH_PUBLIC_KEY;
  const privateKey = process.env.TEST_AUTH_PRIVATE_KEY;
  if (!publicKey || !privateKey) throw new Error('integration tests need the global setup (it makes the token signing keys)');
  return { publicKey, privateKey };
}

/** A signed ES256 token for the claims, as an identity provider would issue it; `privateKey` (PKCS#8 PEM) signs with another key. */
export async function mintToken(claims: TestClaims = {}, privateKey: string = testAuthKeys().privateKey): Promise<string> {
  const { expiresIn = 3600, iss = TEST_ISSUER, aud = TEST_AUDIENCE, sub = 'test-system', ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(iss)
    .setAudience(aud)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(await importPKCS8(privateKey, 'ES256'));
}

/** Tokens as the callers of the demo would hold them. */
export const tokens = {
  /** A back-office system allowed everything: what test helpers send unless told otherwise. */
  admin: () => mintToken({ sub: 'test-back-office', scope: 'admin' }),
  customer: (customerId: string, channel = 'web') =>
    mintToken({ sub: `customer:${customerId}`, customer_id: customerId, channel, scope: 'orders:place orders:read orders:cancel' }),
  pos: (storeId: string, associateId = 'associate-1') =>
    mintToken({
      sub: `pos:${storeId}:${associateId}`,
      store_id: storeId,
      associate_id: associateId,
      channel: 'pos',
      scope: 'store:operate orders:place orders:read inventory:read inventory:write transfers:operate',
    }),
  /** A store supervisor's POS session: a POS that may also lift a locked pickup (store:supervise). */
  supervisor: (storeId: string, associateId = 'supervisor-1') =>
    mintToken({
      sub: `pos:${storeId}:${associateId}`,
      store_id: storeId,
      associate_id: associateId,
      channel: 'pos',
      scope: 'store:operate store:supervise orders:place orders:read inventory:read',
    }),
  /** A carrier integration reporting delivery outcomes. */
  carrier: (carrier = 'test-carrier') => mintToken({ sub: `carrier:${carrier}`, scope: 'deliveries:report' }),
};

let cachedAdmin: { token: string; until: number } | null = null;

/** The default token of `http()`, minted once and renewed well before it expires. */
export async function defaultToken(): Promise<string> {
  if (!cachedAdmin || cachedAdmin.until < Date.now()) cachedAdmin = { token: await tokens.admin(), until: Date.now() + 30 * 60_000 };
  return cachedAdmin.token;
}
