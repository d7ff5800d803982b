export * from './feed-items';
export * from './link-scores';
