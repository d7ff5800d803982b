import { registerEnumType } from 'type-graphql';

export enum LinkStatus {
  PENDING = 'PENDING',
  CRAWLING = 'CRAWLING',
  TAGGING = 'TAGGING',
  READY = 'READY',
  FAILED = 'FAILED',
}
export enum Visibility {
  PRIVATE = 'PRIVATE',
  FOLLOWERS = 'FOLLOWERS',
  PUBLIC = 'PUBLIC',
}
export enum TagSource {
  USER = 'USER',
  AI = 'AI',
  HEURISTIC = 'HEURISTIC',
}
registerEnumType(LinkStatus, { name: 'LinkStatus' });
registerEnumType(Visibility, { name: 'Visibility' });
registerEnumType(TagSource, { name: 'TagSource' });
