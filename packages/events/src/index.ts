export * from './link-updated';
