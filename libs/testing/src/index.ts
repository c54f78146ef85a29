export * from './eventually';
export * from './env';
export * from './service-process';
export * from './stack';
export * from './kafka-probe';
export * from './http';
export * from './journey';
export * from './tokens';
