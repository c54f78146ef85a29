export * from './consumer-lag';
export * from './messaging-metrics';
