export * from './principal';
export * from './auth.decorators';
export * from './auth.guard';
export * from './rate-limit';
export * from './token-verifier';
export * from './auth.module';
