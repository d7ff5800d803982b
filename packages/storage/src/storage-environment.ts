import { optionalString } from '@link-archive/core';
import { z } from 'zod';
import { MediaStore } from './media-store';

/** The S3 settings every deployable that touches media shares; defaults fit the embedded s3rver of `npm start`. */
export const storageEnvironment = z.object({
  /** Unset: AWS S3 itself; set: MinIO, s3rver or any S3-compatible endpoint. */
  S3_ENDPOINT: optionalString(),
  /** The S3 endpoint as clients reach it, for presigned URLs, when it differs from S3_ENDPOINT. */
  S3_PUBLIC_ENDPOINT: optionalString(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().default('link-archive-media'),
  // s3rver accepts only these; real deployments set their own
  S3_ACCESS_KEY_ID: z.string().default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().default('S3RVER'),
  /** Where public-read image sizes are served from: the S3 endpoint and bucket, or a CDN in front of them. */
  MEDIA_PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:4569/link-archive-media'),
});
export type StorageEnvironment = z.infer<typeof storageEnvironment>;

export const mediaStoreFrom = (env: StorageEnvironment) =>
  new MediaStore({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    publicBaseUrl: env.MEDIA_PUBLIC_BASE_URL,
    presignEndpoint: env.S3_PUBLIC_ENDPOINT,
  });
