import { mkdirSync } from 'node:fs';
import { portIsFree } from './free-port';

export interface S3Handle {
  endpoint: string;
  bucket: string;
  stop: () => Promise<void>;
}

/** S3_ENDPOINT when set; otherwise an embedded S3-compatible server (s3rver) under .data/. */
export async function ensureS3(
  endpoint: string | undefined,
  bucket: string,
  dir: string,
  port: number,
): Promise<S3Handle> {
  if (endpoint) return { endpoint, bucket, stop: async () => {} };
  if (!(await portIsFree(port))) {
    throw new Error(
      `port ${port} for the embedded S3 server is taken: stop what uses it, or set EMBEDDED_S3_PORT or S3_ENDPOINT`,
    );
  }
  mkdirSync(dir, { recursive: true });
  const S3rver = require('s3rver');
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: dir,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, bucket, stop: () => server.close() };
}
