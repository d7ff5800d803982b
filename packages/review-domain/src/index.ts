export * from './review-enums';
export * from './review-language';
export * from './review-writes';
export * from './review-analysis';
export * from './review-replies';
