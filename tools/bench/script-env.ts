/**
 * The environment a script the suite runs as a user would (`npm run bench`, `npm run chaos`) starts
 * with: this run's own, without the test key pair the suite exports (the scripts sign their
 * tokens with the development keys, as `npm start` does).
 */
export function scriptEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
  delete env.AUTH_PUBLIC_KEY;
  delete env.AUTH_JWKS_URL;
  return env;
}
