import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { z } from 'zod';

export const mediaEnvironment = subgraphEnvironment(4005).extend({
  /** Where public-read image sizes are served from: the S3 endpoint and bucket, or a CDN in front of them. */
  MEDIA_PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:4569/link-archive-media'),
});
export type MediaEnvironment = z.infer<typeof mediaEnvironment>;

export const loadEnvironment = (): MediaEnvironment => parseEnvironment(mediaEnvironment);
