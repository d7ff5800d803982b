import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  execute,
  gql,
  html,
  signUp,
  stack,
  startSite,
  type FixtureSite,
  type TestAccount,
} from '@link-archive/testkit';

const READ = `query($id: ID!) { link(id: $id) { id status wordCount readingMinutes contentUrl } }`;

interface ReadableLink {
  id: string;
  status: string;
  wordCount: number | null;
  readingMinutes: number | null;
  contentUrl: string | null;
}

const PARAGRAPH =
  'The lighthouse keeper climbed the hundred and twelve steps every evening to light the lamp, and wrote the weather in a ledger that is now kept in the town museum.';

/** An article with what a stored copy must not keep: scripts, handlers, images, frames, forms. */
function storyPage(version: string): string {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) => `<p onclick="steal()">${version} ${i + 1}. ${PARAGRAPH} <a href="/next">Next</a></p>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The keeper's ledger</title>
<meta property="og:title" content="The keeper's ledger"><script>window.tracker = 1</script></head>
<body><nav>Menu</nav><article><h1>The keeper's ledger</h1>
<img src="http://127.0.0.1:9/pixel.gif" alt="pixel"><iframe src="http://127.0.0.1:9/ad"></iframe>
${paragraphs.join('\n')}
<script>document.write('<img src=x onerror=alert(1)>')</script>
<form action="/subscribe"><input name="email"><button>Subscribe</button></form>
</article></body></html>`;
}

let site: FixtureSite;
let version = 'First';

beforeAll(async () => {
  site = await startSite(
    { '/story': (req, res) => html(storyPage(version))(req, res) },
    { port: stack().sitePort },
  );
});
afterAll(() => site.close());

const read = async (id: string, who: TestAccount) =>
  (await execute<{ link: ReadableLink }>(READ, { id }, { token: who.accessToken })).link;

async function waitReady(id: string, who: TestAccount, previousUrl?: string | null): Promise<ReadableLink> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const link = await read(id, who);
    if (link.status === 'READY' && link.contentUrl && !sameObject(link.contentUrl, previousUrl)) return link;
    if (Date.now() > deadline) throw new Error(`never READY with a copy: ${JSON.stringify(link)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

const objectPath = (url: string) => new URL(url).pathname;
const sameObject = (a: string, b: string | null | undefined) => !!b && objectPath(a) === objectPath(b);

describe('the preserved readable article (Link.contentUrl)', () => {
  it('stores a sanitized copy with word count and reading time, for whoever may see the link', async () => {
    version = 'First';
    const [owner, stranger] = [await signUp(), await signUp()];
    const { saveLink } = await execute<{ saveLink: { id: string } }>(
      'mutation($url: String!) { saveLink(url: $url, visibility: PUBLIC) { id } }',
      { url: site.url('/story') },
      { token: owner.accessToken },
    );
    const link = await waitReady(saveLink.id, owner);
    // 8 paragraphs of the version word, the number, the sentence's 30 words and "Next" (the heading repeats the title)
    expect(link.wordCount).toBe(8 * 33);
    expect(link.readingMinutes).toBe(1);

    const res = await fetch(link.contentUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const copy = await res.text();
    expect(copy).toContain(PARAGRAPH);
    expect(copy).toContain('First 8.');
    expect(copy).toContain(`<a href="${site.url('/next')}" rel="nofollow noopener noreferrer">Next</a>`);
    expect(copy).toContain('Content-Security-Policy" content="default-src \'none\'');
    for (const banned of [
      '<script',
      'onclick',
      'onerror',
      '<img',
      '<iframe',
      '<form',
      '<input',
      'tracker',
      '127.0.0.1:9',
    ])
      expect(copy).not.toContain(banned);

    // a PUBLIC link's copy is readable by anyone who may see the link
    const seen = await read(saveLink.id, stranger);
    expect(seen.contentUrl).toBeTruthy();
    expect((await fetch(seen.contentUrl!)).status).toBe(200);
  });

  it('keeps a PRIVATE link’s copy from everyone else, replaces the copy on recrawl and deletes it with the link', async () => {
    version = 'Old';
    const [owner, stranger] = [await signUp(), await signUp()];
    const { saveLink } = await execute<{ saveLink: { id: string } }>(
      'mutation($url: String!) { saveLink(url: $url, visibility: PRIVATE) { id } }',
      { url: `${site.url('/story')}?private` },
      { token: owner.accessToken },
    );
    const first = await waitReady(saveLink.id, owner);
    const refused = await gql<{ link: ReadableLink | null }>(
      READ,
      { id: saveLink.id },
      { token: stranger.accessToken },
    );
    expect(refused.data?.link ?? null).toBeNull();

    version = 'New';
    await execute(
      'mutation($id: ID!) { recrawlLink(id: $id) { id } }',
      { id: saveLink.id },
      { token: owner.accessToken },
    );
    const second = await waitReady(saveLink.id, owner, first.contentUrl);
    expect(await (await fetch(second.contentUrl!)).text()).toContain('New 1.');
    // the previous copy went once the new one was recorded
    expect((await fetch(first.contentUrl!)).status).toBe(404);

    await execute(
      'mutation($id: ID!) { deleteLink(id: $id) }',
      { id: saveLink.id },
      { token: owner.accessToken },
    );
    expect((await fetch(second.contentUrl!)).status).toBe(404);
  });
});
