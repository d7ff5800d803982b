import './sdk-node-notice';
export * from './media-store';
export * from './storage-environment';
