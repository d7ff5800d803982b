import { expect, vi } from 'vitest';
import type { TestAccount } from './accounts';
import { execute } from './client';

/** Saves `url` as `owner` through the gateway and waits until the pipeline has made it READY. */
export async function saveReadyLink(
  owner: TestAccount,
  url: string,
  options: { visibility?: string; tags?: string[]; note?: string } = {},
): Promise<string> {
  const { saveLink } = await execute<{ saveLink: { id: string } }>(
    `mutation($url: String!, $v: Visibility, $tags: [String!], $note: String) {
      saveLink(url: $url, visibility: $v, tags: $tags, note: $note) { id } }`,
    { url, v: options.visibility ?? null, tags: options.tags ?? null, note: options.note ?? null },
    { token: owner.accessToken },
  );
  await vi.waitFor(
    async () => {
      const { link } = await execute<{ link: { status: string } }>(
        'query($id: ID!) { link(id: $id) { status } }',
        { id: saveLink.id },
        { token: owner.accessToken },
      );
      expect(link.status).toBe('READY');
    },
    { timeout: 15_000, interval: 100 },
  );
  return saveLink.id;
}
