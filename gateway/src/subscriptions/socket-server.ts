import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import proxyAddr from 'proxy-addr';
import { Gauge } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import { originsOf } from '../browsers/cors-policy';
import type { GatewayEnvironment } from '../environment';
import { LEGACY_PROTOCOL, serveLegacyWs } from './legacy-ws';
import type { SocketGate } from './socket-gate';
import { serveTransportWs } from './transport-ws';

const connectionsGauge = new Gauge({ name: 'gateway_websockets', help: 'Open client WebSockets' });

export interface SocketServerDeps {
  httpServer: Server;
  path: string;
  env: GatewayEnvironment;
  trustProxy: (address: string, hop: number) => boolean;
  gate: SocketGate;
  schema: GraphQLSchema;
}

const refuseUpgrade = (socket: Duplex, status: number, reason: string) => {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

const offered = (req: IncomingMessage) =>
  new Set(
    String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim()),
  );

/**
 * WebSockets on the gateway's own port and path: graphql-transport-ws for apps, and the legacy
 * subscriptions-transport-ws protocol for GraphQL Playground, chosen by the subprotocol the client offers. At
 * the upgrade: the path, the Origin (browsers: the gateway's own origin or WS_ALLOWED_ORIGINS; native apps
 * send none) and connections per client IP; then both protocols go through the same gate. Idle sockets are
 * pinged, and dropped when the previous ping went unanswered.
 */
export function startSocketServer(deps: SocketServerDeps): { close: () => Promise<void> } {
  const { env } = deps;
  // the web admin's origins (CORS_ORIGINS) may open sockets too; `*` does not reach sockets, which a cookie
  // may authenticate
  const allowedOrigins = new Set(
    [...originsOf(env.WS_ALLOWED_ORIGINS), ...originsOf(env.CORS_ORIGINS)].filter((o) => o !== '*'),
  );
  const perIp = new Map<string, number>();
  const clientIps = new WeakMap<IncomingMessage, string>();
  const clientIp = (req: IncomingMessage) => clientIps.get(req) ?? 'unknown';
  const modern = new WebSocketServer({ noServer: true, maxPayload: env.WS_MAX_MESSAGE_BYTES });
  const legacy = new WebSocketServer({
    noServer: true,
    maxPayload: env.WS_MAX_MESSAGE_BYTES,
    handleProtocols: (protocols) => (protocols.has(LEGACY_PROTOCOL) ? LEGACY_PROTOCOL : false),
  });

  const originAllowed = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (!origin) return true;
    try {
      return new URL(origin).host === req.headers.host || allowedOrigins.has(origin.replace(/\/$/, ''));
    } catch {
      return false;
    }
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://gateway').pathname !== deps.path) {
      return refuseUpgrade(socket, 404, 'Not Found');
    }
    if (!originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden');
    const ip = proxyAddr(req, deps.trustProxy);
    if ((perIp.get(ip) ?? 0) >= env.WS_MAX_CONNECTIONS_PER_IP)
      return refuseUpgrade(socket, 429, 'Too Many Requests');
    const protocols = offered(req);
    const server = protocols.has(LEGACY_PROTOCOL) && !protocols.has('graphql-transport-ws') ? legacy : modern;
    server.handleUpgrade(req, socket, head, (ws) => {
      clientIps.set(req, ip);
      perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
      connectionsGauge.inc();
      ws.once('close', () => {
        const left = (perIp.get(ip) ?? 1) - 1;
        if (left > 0) perIp.set(ip, left);
        else perIp.delete(ip);
        connectionsGauge.dec();
      });
      server.emit('connection', ws, req);
    });
  };
  deps.httpServer.on('upgrade', onUpgrade);

  const alive = new WeakMap<WebSocket, boolean>();
  for (const server of [modern, legacy]) {
    server.on('connection', (ws: WebSocket) => {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
    });
  }
  const pinger = setInterval(() => {
    for (const ws of [...modern.clients, ...legacy.clients]) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, env.WS_KEEPALIVE_MS);
  pinger.unref();

  const transport = serveTransportWs(modern, deps.gate, {
    initTimeoutMs: env.WS_INIT_TIMEOUT_MS,
    clientIp,
    schema: deps.schema,
  });
  serveLegacyWs(legacy, deps.gate, { initTimeoutMs: env.WS_INIT_TIMEOUT_MS, keepAliveMs: 15_000, clientIp });

  return {
    close: async () => {
      deps.httpServer.off('upgrade', onUpgrade);
      clearInterval(pinger);
      await transport.dispose();
      for (const ws of legacy.clients) ws.close(1001, 'Going away');
      await Promise.all(
        [modern, legacy].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
