import { graphqlRequest } from '../graphql-request';

/** The demo account: signed up on the first run, signed in on the next ones. */
export const DEMO_ACCOUNT = { email: 'demo@link-archive.local', password: 'demo-password', handle: 'demo' };

const gql = graphqlRequest;

const AUTH = 'accessToken user { handle }';

async function demoToken(gatewayUrl: string): Promise<string> {
  const { email, password, handle } = DEMO_ACCOUNT;
  try {
    const { signIn } = await gql<{ signIn: { accessToken: string } }>(
      gatewayUrl,
      `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${AUTH} } }`,
      { email, password },
    );
    return signIn.accessToken;
  } catch {
    const { signUp } = await gql<{ signUp: { accessToken: string } }>(
      gatewayUrl,
      `mutation($email: String!, $password: String!, $handle: String!) {
        signUp(email: $email, password: $password, handle: $handle) { ${AUTH} } }`,
      { email, password, handle },
    );
    return signUp.accessToken;
  }
}

/**
 * Saves the sample site's pages as the demo account: cards that end READY (articles, a place with reviews, each
 * with a thumbnail) and FAILED with a reason (a 404, a page robots.txt disallows, a private address, a page
 * too slow to answer), and prints their states as the pipeline moves them.
 */
export async function seedDemo(gatewayUrl: string, siteOrigin: string): Promise<void> {
  const token = await demoToken(gatewayUrl);
  const urls = [
    `${siteOrigin}/articles/sourdough`,
    `${siteOrigin}/articles/kimchi`,
    `${siteOrigin}/places/harbour-cafe`,
    `${siteOrigin}/missing-page`,
    `${siteOrigin}/private/diary`,
    `${siteOrigin}/slow`,
    'http://10.20.30.40/router-admin',
  ];
  const ids: string[] = [];
  for (const url of urls) {
    const { saveLink } = await gql<{ saveLink: { id: string } }>(
      gatewayUrl,
      'mutation($url: String!) { saveLink(url: $url, visibility: PUBLIC) { id } }',
      { url },
      token,
    );
    ids.push(saveLink.id);
  }
  const read = () =>
    Promise.all(
      ids.map(
        async (id) =>
          (
            await gql<{
              link: {
                url: string;
                status: string;
                error: string | null;
                title: string | null;
                thumbnail: { status: string } | null;
              };
            }>(
              gatewayUrl,
              'query($id: ID!) { link(id: $id) { url status error title thumbnail { status } } }',
              { id },
              token,
            )
          ).link,
      ),
    );
  let links = await read();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && links.some((l) => !['READY', 'FAILED'].includes(l.status))) {
    await new Promise((r) => setTimeout(r, 2_000));
    links = await read();
  }
  console.log(
    `\nDemo account: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password} (handle ${DEMO_ACCOUNT.handle})`,
  );
  for (const l of links) {
    const detail =
      l.status === 'FAILED'
        ? l.error
        : `${l.title ?? ''}${l.thumbnail ? `, thumbnail ${l.thumbnail.status}` : ''}`;
    console.log(`  ${l.status.padEnd(8)} ${l.url}  ${detail ?? ''}`);
  }
}
