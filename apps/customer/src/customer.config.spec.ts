import { ConfigError, loadConfig } from '@omni/platform';
import { CustomerConfig, erasureHashKey } from './customer.config';

const base = { DATABASE_URL: 'postgres://u@h/db', KAFKA_BROKERS: 'k:9092', AUTH_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x' };

describe('customer configuration', () => {
  it('defaults the phone region to FR and accepts any region libphonenumber-js knows', () => {
    expect(loadConfig(CustomerConfig, base).PHONE_DEFAULT_REGION).toBe('FR');
    expect(loadConfig(CustomerConfig, { ...base, PHONE_DEFAULT_REGION: 'GB' }).PHONE_DEFAULT_REGION).toBe('GB');
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig(CustomerConfig, { ...base, PHONE_DEFAULT_REGION: 'XX', ERASURE_HASH_KEY: 'short' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PHONE_DEFAULT_REGION');
    expect(problems).toContain('ERASURE_HASH_KEY');
  });

  it('refuses the development erasure key in production, and takes one that is set', () => {
    expect(() => erasureHashKey(loadConfig(CustomerConfig, { ...base, NODE_ENV: 'production' }))).toThrow('ERASURE_HASH_KEY must be set in production');
    expect(erasureHashKey(loadConfig(CustomerConfig, { ...base, NODE_ENV: 'production', ERASURE_HASH_KEY: 'a-production-secret-key' }))).toBe(
      'a-production-secret-key',
    );
    expect(erasureHashKey(loadConfig(CustomerConfig, base))).toBe('development-only-erasure-hash-key');
  });

  it('takes its events in runs (a projection), unless told otherwise', () => {
    expect(loadConfig(CustomerConfig, base)).toMatchObject({ CONSUMER_FETCH_MIN_BYTES: 65536, CONSUMER_FETCH_MAX_WAIT_MS: 250 });
    expect(loadConfig(CustomerConfig, { ...base, CONSUMER_FETCH_MIN_BYTES: '1', CONSUMER_FETCH_MAX_WAIT_MS: '5000' })).toMatchObject({
      CONSUMER_FETCH_MIN_BYTES: 1,
      CONSUMER_FETCH_MAX_WAIT_MS: 5000,
    });
    expect(() => loadConfig(CustomerConfig, { ...base, CONSUMER_FETCH_MAX_WAIT_MS: '0' })).toThrow(ConfigError);
  });
});
