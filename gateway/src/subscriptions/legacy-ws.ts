import type { IncomingMessage } from 'node:http';
import { OperationTypeNode, type FormattedExecutionResult } from 'graphql';
import type { WebSocket, WebSocketServer } from 'ws';
import { requestCredential } from '../auth/bearer-token';
import type { SocketGate, SocketSession } from './socket-gate';

/** The subprotocol of subscriptions-transport-ws, which GraphQL Playground speaks. */
export const LEGACY_PROTOCOL = 'graphql-ws';

interface LegacyMessage {
  type?: string;
  id?: string;
  payload?: unknown;
}

/**
 * The legacy subscriptions-transport-ws protocol, for GraphQL Playground (the web admin's tool), on the same
 * gate as graphql-transport-ws: the same authentication, limits, execution and 4403 closes. Messages:
 * connection_init → connection_ack (then `ka` keep-alives) or connection_error; start → data… complete, or
 * error; stop; connection_terminate.
 */
export function serveLegacyWs(
  wss: WebSocketServer,
  gate: SocketGate,
  options: { initTimeoutMs: number; keepAliveMs: number; clientIp: (req: IncomingMessage) => string },
): void {
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    let session: SocketSession | null = null;
    // the Playground sends its first start right behind connection_init, before the ack: starts wait for it
    let opened: Promise<SocketSession | null> | null = null;
    const operations = new Map<string, AsyncIterableIterator<unknown> | null>();
    const send = (message: LegacyMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const initTimer = setTimeout(() => {
      if (!session) ws.close(4408, 'Connection initialisation timeout');
    }, options.initTimeoutMs);
    let keepAlive: NodeJS.Timeout | undefined;

    const stop = (id: string) => {
      const running = operations.get(id);
      if (!operations.delete(id)) return;
      void running?.return?.();
      if (session) gate.finished(session);
    };

    const start = async (id: string, payload: Record<string, unknown>) => {
      if (operations.has(id)) stop(id);
      operations.set(id, null);
      const admitted = await gate.admit(session!, payload as never);
      if (Array.isArray(admitted)) {
        operations.delete(id);
        return send({ id, type: 'error', payload: gate.format(admitted) });
      }
      const subscription = admitted.kind === OperationTypeNode.SUBSCRIPTION;
      if (!subscription) {
        const result = await gate.execute(admitted);
        if (operations.has(id)) send({ id, type: 'data', payload: result });
      } else {
        const events = gate.subscribe(admitted);
        if (!operations.has(id)) return void events.return?.();
        operations.set(id, events);
        for await (const event of events as AsyncIterable<FormattedExecutionResult>) {
          send({ id, type: 'data', payload: event });
        }
      }
      if (operations.has(id)) {
        stop(id);
        send({ id, type: 'complete' });
      }
    };

    ws.on('message', (data) => {
      let message: LegacyMessage;
      try {
        message = JSON.parse(String(data)) as LegacyMessage;
      } catch {
        return ws.close(4400, 'Invalid message');
      }
      switch (message.type) {
        case 'connection_init':
          if (opened) return ws.close(4429, 'Too many initialisation requests');
          opened = gate
            .open(
              message.payload as Record<string, unknown> | null,
              ws,
              options.clientIp(req),
              requestCredential(req).token,
            )
            .then((result) => {
              clearTimeout(initTimer);
              if ('code' in result) {
                send({ type: 'connection_error', payload: { message: result.reason } });
                ws.close(result.code, result.reason);
                return null;
              }
              if (ws.readyState !== ws.OPEN) {
                gate.close(result);
                return null;
              }
              session = result;
              send({ type: 'connection_ack' });
              send({ type: 'ka' });
              keepAlive = setInterval(() => send({ type: 'ka' }), options.keepAliveMs);
              return result;
            });
          return;
        case 'start': {
          if (!opened) return ws.close(4401, 'Unauthorized');
          const { id, payload } = message;
          if (!id || !payload) return ws.close(4400, 'start needs an id and a payload');
          void opened.then((ready) => {
            if (!ready) return;
            return start(id, payload as Record<string, unknown>).catch(() => {
              operations.delete(id);
              send({ id, type: 'error', payload: { message: 'Internal server error' } });
            });
          });
          return;
        }
        case 'stop':
          if (message.id) stop(message.id);
          return;
        case 'connection_terminate':
          return ws.close(1000, 'Normal closure');
        default:
          return ws.close(4400, `Unknown message type ${String(message.type).slice(0, 40)}`);
      }
    });

    ws.on('close', () => {
      clearTimeout(initTimer);
      clearInterval(keepAlive);
      for (const id of [...operations.keys()]) stop(id);
      if (session) gate.close(session);
      session = null;
    });
  });
}
