import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureS3, freePort, type S3Handle } from '@link-archive/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaStore, originalKey, thumbnailKey } from './media-store';

// a real S3-compatible server (the embedded default) in a folder of this test's own
const dir = mkdtempSync(join(tmpdir(), 'la-s3-'));
let s3: S3Handle;
let store: MediaStore;

beforeAll(async () => {
  s3 = await ensureS3(undefined, 'media-test', dir, await freePort());
  store = new MediaStore({
    endpoint: s3.endpoint,
    bucket: s3.bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    publicBaseUrl: `${s3.endpoint}/${s3.bucket}`,
  });
});

afterAll(async () => {
  await s3.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('MediaStore', () => {
  it('stores a thumbnail that is readable at its public URL', async () => {
    const key = thumbnailKey('a'.repeat(64), 300);
    await store.put(key, Buffer.from('webp bytes'), 'image/webp');
    const res = await fetch(store.publicUrl(key));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(await res.text()).toBe('webp bytes');
    expect(await store.head(key)).toEqual({ bytes: 10, contentType: 'image/webp' });
  });

  it('gives private originals only signed URLs', async () => {
    const key = originalKey('b'.repeat(64));
    await store.put(key, Buffer.from('original'), 'image/jpeg');
    expect(() => store.publicUrl(key)).toThrow('not a public object');
    const res = await fetch(await store.signedGetUrl(key, 60));
    expect(await res.text()).toBe('original');
  });

  it('accepts an upload through a presigned PUT, and tells missing objects apart', async () => {
    const key = `uploads/${'c'.repeat(64)}`;
    expect(await store.head(key)).toBeNull();
    const url = await store.signedPutUrl(key, 'image/png', 60);
    const put = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: 'png bytes',
    });
    expect(put.status).toBe(200);
    expect(await store.head(key)).toEqual({ bytes: 9, contentType: 'image/png' });
  });

  it('reads an object back within a size cap, and deletes it', async () => {
    const key = `uploads/${'d'.repeat(8)}`;
    await store.put(key, Buffer.from('twelve bytes'), 'image/png');
    expect((await store.get(key, 100))?.toString()).toBe('twelve bytes');
    await expect(store.get(key, 5)).rejects.toThrow(/larger than 5 bytes/);
    await store.delete(key);
    expect(await store.get(key, 100)).toBeNull();
  });

  it('signs client URLs for the endpoint clients reach, when that differs from its own', async () => {
    const outside = new MediaStore({
      endpoint: s3.endpoint,
      presignEndpoint: s3.endpoint.replace('127.0.0.1', 'localhost'),
      bucket: s3.bucket,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      publicBaseUrl: `${s3.endpoint}/${s3.bucket}`,
    });
    const key = `uploads/${'e'.repeat(8)}`;
    const url = await outside.signedPutUrl(key, 'image/png', 60);
    expect(new URL(url).hostname).toBe('localhost');
    const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: 'x' });
    expect(put.status).toBe(200);
    expect(await outside.head(key)).toEqual({ bytes: 1, contentType: 'image/png' });
  });
});
