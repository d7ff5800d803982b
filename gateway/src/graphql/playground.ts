import type { ApolloServerPlugin } from '@apollo/server';
import { renderPlaygroundPage } from 'graphql-playground-html';

/**
 * GraphQL Playground as the browser landing page (the web admin's tool). The official plugin pins
 * @apollo/server 4, so the page is rendered here from graphql-playground-html.
 */
export function playgroundLandingPage(endpoint = '/graphql'): ApolloServerPlugin {
  const html = renderPlaygroundPage({
    endpoint,
    subscriptionEndpoint: endpoint,
    settings: { 'request.credentials': 'omit', 'schema.polling.enable': false } as never,
  });
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
