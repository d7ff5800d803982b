import type { ApolloServerPlugin } from '@apollo/server';
import { renderPlaygroundPage } from 'graphql-playground-html';

/**
 * Before the Playground reads its configuration, point its subscriptions at this gateway's own WebSocket
 * (ws:// or wss:// as the page was served), wherever the gateway is reached from.
 */
const SAME_ORIGIN_SOCKET = `<script>
  (function () {
    var el = document.getElementById('playground-config');
    if (!el) return;
    var config = JSON.parse(el.innerText || '{}');
    config.subscriptionEndpoint = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + config.endpoint;
    el.innerText = JSON.stringify(config);
  })();
</script>`;

/**
 * GraphQL Playground as the browser landing page (the web admin's tool). The official plugin pins
 * @apollo/server 4, so the page is rendered here from graphql-playground-html. Its subscriptions speak the
 * legacy subscriptions-transport-ws protocol, which the gateway's socket serves beside graphql-ws.
 */
export function playgroundLandingPage(endpoint = '/graphql'): ApolloServerPlugin {
  const html = renderPlaygroundPage({
    endpoint,
    subscriptionEndpoint: endpoint,
    settings: { 'request.credentials': 'omit', 'schema.polling.enable': false } as never,
  }).replace('<div id="root" />', `${SAME_ORIGIN_SOCKET}\n    <div id="root" />`);
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
