import './sdk-node-notice';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface MediaStoreConfig {
  endpoint?: string;
  region?: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where public objects are read from: the endpoint and bucket, or a CDN in front of them. */
  publicBaseUrl: string;
  /** The endpoint clients reach, when it differs from ours (compose: minio:9000 inside, localhost:9000 outside). */
  presignEndpoint?: string;
  timeoutMs?: number;
}

/** Resized images live under a public prefix; originals and uploads stay private. */
export const PUBLIC_PREFIX = 'thumbnails/';

export const thumbnailKey = (sha256: string, longestSide: number) =>
  `${PUBLIC_PREFIX}${sha256}/${longestSide}.webp`;
export const originalKey = (sha256: string) => `originals/${sha256}`;
/** Sites' icons, 64 px PNG, public like the sizes: shared by every link of a site. */
export const faviconKey = (sha256: string) => `${PUBLIC_PREFIX}favicons/${sha256}.png`;
/** The longest side of each public size, in px. */
export const THUMBNAIL_SIZES = [150, 300, 600] as const;
/** Every object stored for one content hash: the private original and its public sizes. */
export const storedObjectKeys = (sha256: string) => [
  originalKey(sha256),
  ...THUMBNAIL_SIZES.map((side) => thumbnailKey(sha256, side)),
];
/** Where a client's presigned upload lands before it is checked and processed. */
export const uploadKey = (assetId: string) => `uploads/${assetId}`;

const notFound = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404 ||
  (err as { name?: string }).name === 'NoSuchKey';

/** S3 (MinIO in compose, s3rver by default) through @aws-sdk/client-s3 only. */
export class MediaStore {
  readonly client: S3Client;
  /** Signs the URLs handed to clients: a signature covers the host they will use. */
  private readonly presigner: S3Client;

  constructor(private readonly config: MediaStoreConfig) {
    const options: S3ClientConfig = {
      endpoint: config.endpoint,
      region: config.region ?? 'us-east-1',
      forcePathStyle: Boolean(config.endpoint),
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // S3-compatible servers vary in support for the newer default checksums
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { requestTimeout: config.timeoutMs ?? 15_000, connectionTimeout: 5_000 },
    };
    this.client = new S3Client(options);
    this.presigner = config.presignEndpoint
      ? new S3Client({ ...options, endpoint: config.presignEndpoint, forcePathStyle: true })
      : this.client;
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        CacheControl: key.startsWith(PUBLIC_PREFIX)
          ? 'public, max-age=31536000, immutable'
          : 'private, no-store',
      }),
    );
  }

  /** An object's bytes, refusing more than maxBytes; null when it is not there. */
  async get(key: string, maxBytes: number): Promise<Buffer | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      const tooLarge = new Error(`${key} is larger than ${maxBytes} bytes`);
      if ((res.ContentLength ?? 0) > maxBytes) {
        res.Body?.transformToWebStream().cancel();
        throw tooLarge;
      }
      // a server that sent no length is held to the cap all the same
      const body = Buffer.from(await res.Body!.transformToByteArray());
      if (body.length > maxBytes) throw tooLarge;
      return body;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  /** Size and type of a stored object, or null when it is not there. */
  async head(key: string): Promise<{ bytes: number; contentType: string | null } | null> {
    try {
      const res = await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return { bytes: res.ContentLength ?? 0, contentType: res.ContentType ?? null };
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  publicUrl(key: string): string {
    if (!key.startsWith(PUBLIC_PREFIX)) throw new Error(`${key} is not a public object`);
    return `${this.config.publicBaseUrl.replace(/\/$/, '')}/${key}`;
  }

  /** A short-lived URL to read a private object. */
  signedGetUrl(key: string, expiresInSeconds = 300): Promise<string> {
    return getSignedUrl(this.presigner, new GetObjectCommand({ Bucket: this.config.bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  }

  /** A presigned PUT for a client upload; the type is part of the signature, the size is checked on completion. */
  signedPutUrl(key: string, contentType: string, expiresInSeconds = 600): Promise<string> {
    return getSignedUrl(
      this.presigner,
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, ContentType: contentType }),
      { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type']) },
    );
  }
}
