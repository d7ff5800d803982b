export * from './paths';
export * from './postgres';
export * from './redis';
export * from './s3';
export * from './secrets';
export * from './free-port';
export * from './launch-stack';
export * from './isolated-stack';
