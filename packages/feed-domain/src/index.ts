export * from './feed-items';
