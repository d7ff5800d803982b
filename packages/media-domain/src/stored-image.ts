/** What resizing an image produced, as an asset row records it. */
export interface StoredImage {
  contentType: string;
  width: number;
  height: number;
  blurhash: string;
  /** The content hash: the asset's storage key. */
  sha256: string;
}
