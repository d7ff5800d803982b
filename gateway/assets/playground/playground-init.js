// Starts GraphQL Playground with the configuration the gateway rendered into the page. Subscriptions go to
// this gateway's own WebSocket (ws:// or wss:// as the page was served), wherever it is reached from.
window.addEventListener('load', function () {
  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var socket = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + config.endpoint;
  config.subscriptionEndpoint = socket;
  config.tabs = (config.tabs || []).map(function (tab) {
    return Object.assign({ endpoint: config.endpoint }, tab);
  });
  GraphQLPlayground.init(document.getElementById('root'), config);
});
