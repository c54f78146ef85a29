export * from './decorators';
export * from './request-shape';
export * from './request-shape.middleware';
