export * from './define-queue';
export * from './contracts';
export * from './enqueue';
export * from './queue-environment';
