export * from './link-enums';
export * from './link-tags';
export * from './link-events';
export * from './pipeline-link';
export * from './link-transitions';
export * from './link-lifecycle';
export * from './link-articles';
export * from './save-requests';
