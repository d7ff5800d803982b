import { signUp, signUpAdmin, stack } from '@link-archive/testkit';
import { describe, expect, it } from 'vitest';

const board = (path = '') => stack().gatewayUrl.replace('/graphql', `/admin/queues${path}`);

describe('Bull Board at /admin/queues', () => {
  it('refuses anonymous callers and non-admins', async () => {
    const anonymous = await fetch(board());
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const user = await signUp();
    const res = await fetch(board(), { headers: { authorization: `Bearer ${user.accessToken}` } });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('shows every pipeline queue and lane to an ADMIN, by header or by cookie', async () => {
    const admin = await signUpAdmin();
    const page = await fetch(board(), { headers: { cookie: `la_access_token=${admin.accessToken}` } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const api = await fetch(board('/api/queues?activeQueue=crawl&page=1'), {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'crawl',
        'crawl-bulk',
        'tag',
        'tag-bulk',
        'thumbnail',
        'thumbnail-bulk',
        'schedule',
      ]),
    );
  });
});
