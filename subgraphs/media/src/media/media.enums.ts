import { MediaKind, MediaStatus } from '@link-archive/media-domain';
import { registerEnumType } from 'type-graphql';

// the media domain owns the values (the columns' CHECKs say the same); the API names them here
export { MediaKind, MediaStatus };
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
