import { join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import express, { type Express } from 'express';

/** The bundled Playground (gateway/assets/playground), served by the gateway itself: no CDN, no fonts service. */
export const PLAYGROUND_ASSETS_PATH = '/playground';
const ASSETS_DIR = join(__dirname, '..', '..', 'assets', 'playground');

const EXAMPLE_TABS = [
  {
    name: 'Me',
    query: `# Sign in as an ADMIN (the la_access_token cookie) or add an Authorization header below
query Me {
  me { id handle role plan }
}`,
  },
  {
    name: 'My links',
    query: `query MyLinks($first: Int) {
  links(first: $first) {
    edges { node { id url title status tags { name } thumbnail { url(size: SMALL) } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: '{ "first": 10 }',
  },
  {
    name: 'Save a link',
    query: `mutation Save($url: String!) {
  saveLink(url: $url, visibility: PRIVATE) { id status }
}`,
    variables: '{ "url": "https://example.com/" }',
  },
  {
    name: 'Live updates',
    query: `subscription LinkUpdated {
  linkUpdated { id status title owner { handle } thumbnail { url(size: SMALL) } }
}`,
  },
  {
    name: 'Admin: accounts',
    query: `# ADMIN only: accounts by handle, e-mail or display-name prefix, newest first
query AdminUsers($query: String, $first: Int, $after: String) {
  adminUsers(query: $query, first: $first, after: $after) {
    edges { node { id handle displayName role plan suspendedAt createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: '{ "query": "", "first": 20 }',
  },
  {
    name: 'Admin: role, plan, suspension',
    query: `# ADMIN only; each change is in the audit log
mutation SetPlan($userId: ID!, $plan: Plan!) {
  setUserPlan(userId: $userId, plan: $plan) { id plan }
}

mutation SetRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) { id role }
}

mutation Suspend($userId: ID!, $reason: String) {
  suspendUser(userId: $userId, reason: $reason) { id suspendedAt }
}

mutation Unsuspend($userId: ID!) {
  unsuspendUser(userId: $userId) { id suspendedAt }
}`,
    variables: '{ "userId": "", "plan": "PREMIUM", "role": "USER", "reason": "" }',
  },
  {
    name: 'Admin: audit log',
    query: `query AdminAuditLog($first: Int, $after: String) {
  adminAuditLog(first: $first, after: $after) {
    edges { node { action actor { handle } target { handle } detail createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: '{ "first": 50 }',
  },
];

/** JSON that is safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function playgroundHtml(endpoint: string): string {
  const config = {
    endpoint,
    // the same origin's cookies go along: an ADMIN signed in with the la_access_token cookie is the viewer
    settings: {
      'request.credentials': 'same-origin',
      'schema.polling.enable': false,
      'editor.theme': 'dark',
    },
    tabs: EXAMPLE_TABS,
  };
  return `<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="user-scalable=no, initial-scale=1.0, minimum-scale=1.0, maximum-scale=1.0, minimal-ui" />
    <title>Link Archive · GraphQL Playground</title>
    <link rel="stylesheet" href="${PLAYGROUND_ASSETS_PATH}/playground.css" />
    <link rel="shortcut icon" href="${PLAYGROUND_ASSETS_PATH}/favicon.png" />
    <script src="${PLAYGROUND_ASSETS_PATH}/playground.js"></script>
  </head>
  <body style="margin: 0; background: #172a3a">
    <script id="playground-config" type="application/json">${scriptJson(config)}</script>
    <div id="root"></div>
    <script src="${PLAYGROUND_ASSETS_PATH}/playground-init.js"></script>
  </body>
</html>
`;
}

/** Serves the Playground's bundled assets; long-cached, as they change only with the bundled version. */
export function playgroundAssets(app: Express): void {
  app.use(PLAYGROUND_ASSETS_PATH, express.static(ASSETS_DIR, { maxAge: '1d', index: false }));
}

/**
 * GraphQL Playground as the browser landing page (the web admin's tool), from the bundled build. Its
 * subscriptions speak the legacy subscriptions-transport-ws protocol, which the gateway's socket serves beside
 * graphql-ws.
 */
export function playgroundLandingPage(endpoint = '/graphql'): ApolloServerPlugin {
  const html = playgroundHtml(endpoint);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
