export const REVIEW_SCHEMA = 'review';

export const MAX_REVIEW_BODY = 5_000;
export const MAX_REPLY_BODY = 5_000;
/** Keywords kept per review (the contract's 1-5). */
export const MAX_KEYWORDS = 5;

export const SENTIMENTS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const;
export type SentimentLabel = (typeof SENTIMENTS)[number];

export const REPLY_STATUSES = ['DRAFT', 'APPROVED', 'PUBLISHED'] as const;
export type ReplyStatusLabel = (typeof REPLY_STATUSES)[number];
