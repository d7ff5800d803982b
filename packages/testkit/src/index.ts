export * from './stack-info';
export * from './client';
export * from './accounts';
export * from './metrics';
export * from './extra-gateway';
export * from './isolated-redis';
