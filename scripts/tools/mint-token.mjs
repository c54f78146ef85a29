// Development tokens: signs a JWT (ES256) with a dev key pair made once in .cache/dev-keys/, as
// an identity provider would in production (docs/api-edge.md). `npm start` gives the services
// the public key as AUTH_PUBLIC_KEY; never use these keys outside a developer machine.
//
//   node scripts/tools/mint-token.mjs --sub web-shop --customer-id c-42 --channel web --scope "orders:place orders:read orders:cancel"
//   node scripts/tools/mint-token.mjs --sub pos-paris-1 --store-id PARIS --associate-id a-7 --channel pos --scope "store:operate orders:read"
//   node scripts/tools/mint-token.mjs --sub back-office --scope admin --ttl 600
//   node scripts/tools/mint-token.mjs --public-key          prints the PEM the services must trust
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, SignJWT } from 'jose';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEV_KEY_DIR = path.join(REPO, '.cache/dev-keys');
export const ISSUER = 'omni-backbone';
export const AUDIENCE = 'omni-backbone';

/** The dev key pair, made on first use (PEM: SPKI public, PKCS#8 private). */
export async function devKeys() {
  const pub = path.join(DEV_KEY_DIR, 'public.pem');
  const priv = path.join(DEV_KEY_DIR, 'private.pem');
  if (!fs.existsSync(pub) || !fs.existsSync(priv)) {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    fs.mkdirSync(DEV_KEY_DIR, { recursive: true });
    fs.writeFileSync(priv, await exportPKCS8(privateKey), { mode: 0o600 });
    fs.writeFileSync(pub, await exportSPKI(publicKey));
  }
  return { publicKey: fs.readFileSync(pub, 'utf8'), privateKey: fs.readFileSync(priv, 'utf8') };
}

/**
 * A signed token for `claims` (sub, scope, channel, store_id, associate_id, customer_id, any other),
 * valid for `ttlSeconds` (default one hour).
 */
export async function mintToken(claims, { ttlSeconds = 3600, issuer = ISSUER, audience = AUDIENCE } = {}) {
  const { sub = 'dev', ...rest } = claims;
  const { privateKey } = await devKeys();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(await importPKCS8(privateKey, 'ES256'));
}

const FLAGS = {
  '--sub': 'sub',
  '--scope': 'scope',
  '--channel': 'channel',
  '--store-id': 'store_id',
  '--associate-id': 'associate_id',
  '--customer-id': 'customer_id',
};

async function cli(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(
      'usage: mint-token.mjs [--sub S] [--scope "a b"] [--channel C] [--store-id S] [--associate-id A] [--customer-id C] [--ttl SECONDS] | --public-key',
    );
    return;
  }
  if (argv.includes('--public-key')) {
    process.stdout.write((await devKeys()).publicKey);
    return;
  }
  const claims = {};
  let ttlSeconds = 3600;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--ttl') ttlSeconds = Number(value);
    else if (FLAGS[flag]) claims[FLAGS[flag]] = value;
    else throw new Error(`unknown option ${flag} (see --help)`);
  }
  console.log(await mintToken(claims, { ttlSeconds }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
