export * from './media-enums';
export * from './stored-image';
export * from './thumbnail-assets';
export * from './upload-assets';
export * from './erase-owner';
