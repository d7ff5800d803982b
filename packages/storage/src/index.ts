export * from './media-store';
export * from './storage-environment';
