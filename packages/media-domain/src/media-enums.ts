/** The media schema's name: the media subgraph's own, and the only place media assets are written. */
export const MEDIA_SCHEMA = 'media';

export const MediaKind = {
  THUMBNAIL: 'THUMBNAIL',
  UPLOAD: 'UPLOAD',
  AVATAR: 'AVATAR',
  /** A rendered page's screenshot (also its thumbnail when the page has no image of its own). */
  SCREENSHOT: 'SCREENSHOT',
} as const;
export type MediaKind = (typeof MediaKind)[keyof typeof MediaKind];

export const MediaStatus = { PENDING: 'PENDING', READY: 'READY', FAILED: 'FAILED' } as const;
export type MediaStatus = (typeof MediaStatus)[keyof typeof MediaStatus];
