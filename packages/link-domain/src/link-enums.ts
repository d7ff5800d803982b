/** The link schema's name: the link subgraph's own, and the only place links are written. */
export const LINK_SCHEMA = 'link';

/** The link's place in the pipeline (the links.status column and the API's LinkStatus). */
export const LinkStatus = {
  PENDING: 'PENDING',
  CRAWLING: 'CRAWLING',
  TAGGING: 'TAGGING',
  READY: 'READY',
  FAILED: 'FAILED',
} as const;
export type LinkStatus = (typeof LinkStatus)[keyof typeof LinkStatus];

/** Who may see a link (the links.visibility column and the API's Visibility). */
export const Visibility = { PRIVATE: 'PRIVATE', FOLLOWERS: 'FOLLOWERS', PUBLIC: 'PUBLIC' } as const;
export type Visibility = (typeof Visibility)[keyof typeof Visibility];

/** Where a tag came from (each tag in links.tags and the API's TagSource). */
export const TagSource = { USER: 'USER', AI: 'AI', HEURISTIC: 'HEURISTIC' } as const;
export type TagSource = (typeof TagSource)[keyof typeof TagSource];

/** What the crawl found the page to be (links.page_kind); places and products are recrawled more often. */
export type PageKind = 'PAGE' | 'ARTICLE' | 'PLACE' | 'PRODUCT' | 'DOCUMENT' | 'IMAGE';
