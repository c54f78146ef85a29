export * from './1700000000100-idempotency-keys';
export * from './idempotency.interceptor';
export * from './request-hash';
