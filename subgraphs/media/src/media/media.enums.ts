import { registerEnumType } from 'type-graphql';

export enum MediaKind {
  THUMBNAIL = 'THUMBNAIL',
  UPLOAD = 'UPLOAD',
  AVATAR = 'AVATAR',
}
export enum MediaStatus {
  PENDING = 'PENDING',
  READY = 'READY',
  FAILED = 'FAILED',
}
/** Longest side: SMALL 150, MEDIUM 300, LARGE 600 px; ORIGINAL as stored. */
export enum ImageSize {
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
  ORIGINAL = 'ORIGINAL',
}
registerEnumType(MediaKind, { name: 'MediaKind' });
registerEnumType(MediaStatus, { name: 'MediaStatus' });
registerEnumType(ImageSize, { name: 'ImageSize' });
