export * from './config';
export * from './request-context';
export * from './logging';
export * from './problem';
export * from './health';
export * from './migrations';
export * from './http-app';
export * from './correlation.middleware';
