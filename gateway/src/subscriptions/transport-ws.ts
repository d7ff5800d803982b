import type { IncomingMessage } from 'node:http';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { requestCredential } from '../auth/bearer-token';
import { sendFrame } from './shared-frames';
import type { AdmittedRun, SocketGate, SocketSession } from './socket-gate';
import type { FrameWriter } from './subscription-hub';

type State = { session?: SocketSession };

/** Past this much unsent data on a socket, a subscriber that does not read loses live events (best-effort). */
const MAX_BUFFERED_BYTES = 1 << 20;

/** A subscription's `next` frames written straight to its socket, around a payload serialized once for all. */
function frameWriter(socket: WebSocket, id: string): FrameWriter {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (payload) => {
    if (socket.readyState !== socket.OPEN || socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
    sendFrame(socket, payload, head);
  };
}

/** The graphql-transport-ws protocol (graphql-ws), what the app and current clients speak. */
export function serveTransportWs(
  wss: WebSocketServer,
  gate: SocketGate,
  options: {
    initTimeoutMs: number;
    clientIp: (req: IncomingMessage) => string;
    schema: ExecutionArgs['schema'];
  },
): { dispose: () => void | Promise<void> } {
  return useServer<Record<string, unknown>, State>(
    {
      connectionInitWaitTimeout: options.initTimeoutMs,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const request = ctx.extra.request;
        const opened = await gate.open(
          ctx.connectionParams,
          socket,
          options.clientIp(request),
          requestCredential(request).token,
        );
        if ('code' in opened) {
          socket.close(opened.code, opened.reason);
          return false;
        }
        ctx.extra.session = opened;
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.session) gate.close(ctx.extra.session);
      },
      onSubscribe: async (ctx, id, payload): Promise<ExecutionArgs | GraphQLError[]> => {
        const admitted = await gate.admit(ctx.extra.session!, payload);
        if (Array.isArray(admitted)) return admitted;
        const run: AdmittedRun = { ...admitted, write: frameWriter(ctx.extra.socket, id) };
        return {
          schema: options.schema,
          document: admitted.document,
          operationName: payload.operationName,
          variableValues: admitted.variables,
          contextValue: run,
        };
      },
      onComplete: (ctx) => {
        if (ctx.extra.session) gate.finished(ctx.extra.session);
      },
      execute: (args) => gate.execute(args.contextValue as AdmittedRun) as never,
      subscribe: (args) => gate.subscribe(args.contextValue as AdmittedRun) as never,
      onError: (_ctx, _id, _payload, errors) => gate.format(errors),
      // results are already formatted and masked (Apollo Server's, or the hub's): sent as they are
      onNext: (_ctx, _id, _payload, _args, result) => result as never,
    },
    wss,
  );
}
