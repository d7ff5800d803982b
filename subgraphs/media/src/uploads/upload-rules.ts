import { badInput } from '@link-archive/core';
import { MediaKind } from '../media/media.enums';

/** Types a client may upload; the bytes are sniffed again when the upload is processed. */
export const UPLOAD_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/heic',
]);
export const UPLOAD_URL_SECONDS = 600;
/** Tickets an owner may hold open (issued, not completed, URL still valid) at once. */
export const MAX_OPEN_UPLOADS = 20;

export function checkUpload(contentType: string, bytes: number, purpose: MediaKind, maxBytes: number) {
  const type = contentType.trim().toLowerCase();
  if (!UPLOAD_TYPES.has(type)) {
    throw badInput('contentType', `only images can be uploaded: ${[...UPLOAD_TYPES].join(', ')}`);
  }
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > maxBytes) {
    throw badInput('bytes', `an upload must be between 1 and ${maxBytes} bytes`);
  }
  if (purpose === MediaKind.THUMBNAIL) {
    throw badInput('purpose', 'thumbnails are made by the service; upload an AVATAR or an UPLOAD');
  }
  return type;
}
