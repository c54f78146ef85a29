export * from './1700000000100-idempotency-keys';
export * from './1700000210000-idempotency-committed';
export * from './1700000220000-idempotency-location';
export * from './idempotency.interceptor';
export * from './key-in-flight';
export * from './request-hash';
export * from './keys-with-effects';
