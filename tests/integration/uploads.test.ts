import { Client } from 'pg';
import sharp from 'sharp';
import { execute, firstCode, gql, signUp, stack, type TestAccount } from '@link-archive/testkit';
import { describe, expect, it } from 'vitest';

const CREATE = `mutation($type: String!, $bytes: Int!, $purpose: MediaKind!) {
  createUpload(contentType: $type, bytes: $bytes, purpose: $purpose) {
    asset { id status kind } uploadUrl headers { name value } expiresAt
  }
}`;
const COMPLETE = 'mutation($id: ID!) { completeUpload(assetId: $id) { id status } }';
const AVATAR = `query { me { avatar { id status width height small: url(size: SMALL) original: url(size: ORIGINAL) } } }`;

interface Ticket {
  asset: { id: string; status: string; kind: string };
  uploadUrl: string;
  headers: { name: string; value: string }[];
  expiresAt: string;
}

async function upload(account: TestAccount, body: Buffer, type = 'image/png', declared = body.length) {
  const { createUpload: ticket } = await execute<{ createUpload: Ticket }>(
    CREATE,
    { type, bytes: declared, purpose: 'AVATAR' },
    { token: account.accessToken },
  );
  const put = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    headers: Object.fromEntries(ticket.headers.map((h) => [h.name, h.value])),
    body,
  });
  expect(put.status).toBe(200);
  return ticket;
}

async function assetRow(id: string, until: (row: { status: string }) => boolean) {
  const db = new Client({ connectionString: stack().databaseUrl });
  await db.connect();
  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await db.query('SELECT status, error FROM media.media_assets WHERE id = $1', [id]);
      if (until(rows[0]) || Date.now() > deadline) return rows[0];
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await db.end();
  }
}

describe('uploads', () => {
  it('turns a presigned avatar upload into an avatar with three sizes and an owner-only original', async () => {
    const me = await signUp();
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const ticket = await upload(me, png);
    expect(ticket.asset).toMatchObject({ status: 'PENDING', kind: 'AVATAR' });
    expect(new Date(ticket.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const done = await execute<{ completeUpload: { status: string } }>(
      COMPLETE,
      { id: ticket.asset.id },
      { token: me.accessToken },
    );
    expect(done.completeUpload.status).toBe('PENDING');
    expect(await assetRow(ticket.asset.id, (r) => r.status !== 'PENDING')).toEqual({
      status: 'READY',
      error: null,
    });

    const { me: profile } = await execute<{
      me: { avatar: { status: string; width: number; small: string; original: string } };
    }>(AVATAR, {}, { token: me.accessToken });
    expect(profile.avatar).toMatchObject({ id: ticket.asset.id, status: 'READY', width: 640, height: 480 });
    const small = await fetch(profile.avatar.small);
    expect((await sharp(Buffer.from(await small.arrayBuffer())).metadata()).width).toBe(150);
    const original = await fetch(profile.avatar.original);
    expect(Buffer.from(await original.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses non-image types, oversized uploads and service-made kinds up front', async () => {
    const me = await signUp();
    const cases = [
      { type: 'text/html', bytes: 10, purpose: 'AVATAR', field: 'contentType' },
      { type: 'image/png', bytes: 50 * 1024 * 1024, purpose: 'AVATAR', field: 'bytes' },
      { type: 'image/png', bytes: 0, purpose: 'UPLOAD', field: 'bytes' },
      { type: 'image/png', bytes: 10, purpose: 'THUMBNAIL', field: 'purpose' },
    ];
    for (const c of cases) {
      const res = await gql(CREATE, c, { token: me.accessToken });
      expect(firstCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(c.field);
    }
  });

  it('holds an owner to 20 open upload tickets at once', async () => {
    const me = await signUp();
    const ask = () =>
      gql(CREATE, { type: 'image/png', bytes: 10, purpose: 'UPLOAD' }, { token: me.accessToken });
    for (let i = 0; i < 20; i++) expect((await ask()).errors).toBeUndefined();
    const refused = await ask();
    expect(firstCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0]?.message).toMatch(/at most 20 uploads/);
    // another owner is not affected
    const other = await signUp();
    const theirs = await gql(
      CREATE,
      { type: 'image/png', bytes: 10, purpose: 'UPLOAD' },
      { token: other.accessToken },
    );
    expect(theirs.errors).toBeUndefined();
  });

  it('fails an upload whose bytes are not an image, or not the size announced', async () => {
    const me = await signUp();
    const fake = await upload(me, Buffer.from('<html>not a png</html>'));
    await execute(COMPLETE, { id: fake.asset.id }, { token: me.accessToken });
    expect(await assetRow(fake.asset.id, (r) => r.status !== 'PENDING')).toEqual({
      status: 'FAILED',
      error: 'UNSUPPORTED_IMAGE',
    });

    const short = await upload(me, Buffer.from('12345'), 'image/png', 9);
    const res = await gql(COMPLETE, { id: short.asset.id }, { token: me.accessToken });
    expect(firstCode(res)).toBe('BAD_USER_INPUT');
    expect(await assetRow(short.asset.id, () => true)).toEqual({ status: 'FAILED', error: 'SIZE_MISMATCH' });
  });

  it("lets nobody complete another person's upload, or one that was never sent", async () => {
    const [owner, other] = [await signUp(), await signUp()];
    const { createUpload: ticket } = await execute<{ createUpload: Ticket }>(
      CREATE,
      { type: 'image/png', bytes: 100, purpose: 'UPLOAD' },
      { token: owner.accessToken },
    );
    expect(firstCode(await gql(COMPLETE, { id: ticket.asset.id }, { token: other.accessToken }))).toBe(
      'NOT_FOUND',
    );
    expect(firstCode(await gql(COMPLETE, { id: ticket.asset.id }, { token: owner.accessToken }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(firstCode(await gql(COMPLETE, { id: ticket.asset.id }))).toBe('UNAUTHENTICATED');
  });
});
