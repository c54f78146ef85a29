import type { KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { publicKeyFrom, TokenVerifier, VERIFIED_TOKEN_TTL_MS } from './token-verifier';

const ISS = 'omni-backbone';
const AUD = 'omni-backbone';

async function sign(
  key: KeyLike,
  alg: string,
  over: { iss?: string; aud?: string | string[]; exp?: number | null; sub?: string | null; kid?: string; claims?: Record<string, unknown> } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ scope: 'orders:read', ...over.claims })
    .setProtectedHeader({ alg, ...(over.kid ? { kid: over.kid } : {}) })
    .setIssuer(over.iss ?? ISS)
    .setAudience(over.aud ?? AUD)
    .setIssuedAt(now);
  if (over.sub !== null) jwt.setSubject(over.sub ?? 'caller-1');
  if (over.exp !== null) jwt.setExpirationTime(over.exp ?? now + 600);
  return jwt.sign(key);
}

describe('TokenVerifier with a fixed public key', () => {
  let es: { publicKey: KeyLike; privateKey: KeyLike };
  let rs: { publicKey: KeyLike; privateKey: KeyLike };
  let other: { publicKey: KeyLike; privateKey: KeyLike };
  let verifier: TokenVerifier;

  beforeAll(async () => {
    [es, rs, other] = await Promise.all([generateKeyPair('ES256'), generateKeyPair('RS256'), generateKeyPair('ES256')]);
    verifier = new TokenVerifier({ AUTH_PUBLIC_KEY: await exportSPKI(es.publicKey), AUTH_ISSUER: ISS, AUTH_AUDIENCE: AUD });
  });

  it('accepts a valid ES256 token and reads its principal', async () => {
    const v = await verifier.verify(await sign(es.privateKey, 'ES256', { claims: { store_id: 'PARIS', channel: 'pos' } }));
    expect(v).toMatchObject({ ok: true, principal: { sub: 'caller-1', storeId: 'PARIS', channel: 'pos' } });
  });

  it('accepts RS256 with an RSA key, and an audience list containing ours; reads a PEM with escaped newlines', async () => {
    const pem = (await exportSPKI(rs.publicKey)).replace(/\n/g, '\\n');
    const rsa = new TokenVerifier({ AUTH_PUBLIC_KEY: pem, AUTH_ISSUER: ISS, AUTH_AUDIENCE: AUD });
    expect(await rsa.verify(await sign(rs.privateKey, 'RS256', { aud: ['other', AUD] }))).toMatchObject({ ok: true });
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    ['expired', () => sign(es.privateKey, 'ES256', { exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ['without exp', () => sign(es.privateKey, 'ES256', { exp: null }), /exp/],
    ['without sub', () => sign(es.privateKey, 'ES256', { sub: null }), /sub/],
    ['another issuer', () => sign(es.privateKey, 'ES256', { iss: 'evil' }), /iss/],
    ['another audience', () => sign(es.privateKey, 'ES256', { aud: 'other-api' }), /aud/],
    ['signed by another key', () => sign(other.privateKey, 'ES256'), /signature/],
    ['an unknown channel', () => sign(es.privateKey, 'ES256', { claims: { channel: 'fax' } }), /channel/],
    ['not a JWT', async () => 'abc.def.ghi', /not a valid JWT/],
  ])('refuses a token %s, saying why', async (_, token, reason) => {
    const v = await verifier.verify(await token());
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toMatch(reason);
    expect(v).not.toHaveProperty('unavailable');
  });

  it('refuses to start with a key that is not a public key, or not RSA/P-256', async () => {
    expect(() => publicKeyFrom('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----')).toThrow(/AUTH_PUBLIC_KEY/);
    const { publicKey } = await generateKeyPair('EdDSA');
    expect(() => publicKeyFrom((publicKey as KeyObject).export({ type: 'spki', format: 'pem' }) as string)).toThrow(/RSA \(RS256\) or P-256/);
  });

  it('checks a token once and then trusts it, until its expiry and for a minute at most; a refused token is checked every time', async () => {
    const fresh = new TokenVerifier({ AUTH_PUBLIC_KEY: await exportSPKI(es.publicKey), AUTH_ISSUER: ISS, AUTH_AUDIENCE: AUD });
    const now = Math.floor(Date.now() / 1000);
    jest.useFakeTimers({ now: now * 1000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const shortLived = await sign(es.privateKey, 'ES256', { exp: now + 30 });
      const first = await fresh.verify(shortLived);
      expect(first).toMatchObject({ ok: true });
      // The same answer again, not a second check.
      expect(await fresh.verify(shortLived)).toBe(first);
      jest.setSystemTime((now + 31) * 1000);
      expect(await fresh.verify(shortLived)).toEqual({ ok: false, reason: 'the token has expired' });

      const longLived = await sign(es.privateKey, 'ES256', { exp: now + 3600 });
      const accepted = await fresh.verify(longLived);
      expect(await fresh.verify(longLived)).toBe(accepted);
      jest.setSystemTime((now + 31) * 1000 + VERIFIED_TOKEN_TTL_MS);
      const again = await fresh.verify(longLived);
      expect(again).toMatchObject({ ok: true });
      expect(again).not.toBe(accepted);

      const forged = await sign(other.privateKey, 'ES256');
      const refused = await fresh.verify(forged);
      expect(refused).toMatchObject({ ok: false });
      expect(await fresh.verify(forged)).not.toBe(refused);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('TokenVerifier with a JWKS endpoint', () => {
  let server: Server;
  let url: string;
  let key: { publicKey: KeyLike; privateKey: KeyLike };

  beforeAll(async () => {
    key = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('verifies with the key named by kid, and refuses an unknown kid', async () => {
    const v = new TokenVerifier({ AUTH_JWKS_URL: url, AUTH_ISSUER: ISS, AUTH_AUDIENCE: AUD });
    expect(await v.verify(await sign(key.privateKey, 'ES256', { kid: 'k1' }))).toMatchObject({ ok: true, principal: { sub: 'caller-1' } });
    const unknown = await v.verify(await sign(key.privateKey, 'ES256', { kid: 'k2' }));
    expect(unknown).toMatchObject({ ok: false, reason: expect.stringMatching(/no signing key/) });
  });

  it('reports an unreachable key set as unavailable, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const v = new TokenVerifier({ AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, AUTH_ISSUER: ISS, AUTH_AUDIENCE: AUD });
    expect(await v.verify(await sign(key.privateKey, 'ES256', { kid: 'k1' }))).toMatchObject({ ok: false, unavailable: true });
  });
});
