/**
 * Many graphql-transport-ws subscribers on one socket each, speaking the protocol by hand (connection_init,
 * subscribe, next). The benchmark's own process holds all of them, so the clock stops when a `next` frame
 * arrives and its payload is parsed and checked afterwards: the harness's per-message work does not queue
 * behind thousands of arrivals and count as the server's latency.
 */
import WebSocket from 'ws';

export interface Subscribers {
  /** When each subscriber's first `next` arrived (performance.now()), 0 while none has. */
  arrived: number[];
  /** The `next` payloads as they arrived (raw), for checking after the measurement. */
  frames: (string | null)[];
  close(): Promise<void>;
}

const BATCH = 200;

export async function openSubscribers(
  count: number,
  url: string,
  connectionParams: (i: number) => Record<string, unknown> | undefined,
  query: string,
): Promise<Subscribers> {
  const arrived = new Array<number>(count).fill(0);
  const frames = new Array<string | null>(count).fill(null);
  const sockets: WebSocket[] = [];

  const open = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url, 'graphql-transport-ws');
      sockets.push(ws);
      let subscribed = false;
      ws.on('open', () =>
        ws.send(JSON.stringify({ type: 'connection_init', payload: connectionParams(i) ?? {} })),
      );
      ws.on('message', (data: Buffer) => {
        if (subscribed) {
          if (!arrived[i]) {
            arrived[i] = performance.now();
            frames[i] = data.toString();
          }
          return;
        }
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type === 'ping') return ws.send(JSON.stringify({ type: 'pong' }));
        if (message.type !== 'connection_ack')
          return reject(new Error(`expected an ack, got ${message.type}`));
        subscribed = true;
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve();
      });
      ws.on('error', reject);
      ws.on('close', (code) => {
        if (!subscribed) reject(new Error(`socket closed before the ack (${code})`));
      });
    });

  for (let i = 0; i < count; i += BATCH)
    await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, (_, j) => open(i + j)));

  return {
    arrived,
    frames,
    close: async () => {
      await Promise.all(
        sockets.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === WebSocket.CLOSED) return resolve();
              ws.once('close', () => resolve());
              ws.close(1000);
            }),
        ),
      );
    },
  };
}

/**
 * How many received frames are `next` messages whose payload has data and no errors and passes `complete`;
 * a subscriber whose frame is anything else does not count as delivered.
 */
export function completeDeliveries(
  subscribers: Subscribers,
  complete: (data: Record<string, unknown>) => boolean,
): boolean[] {
  return subscribers.frames.map((frame) => {
    if (!frame) return false;
    const message = JSON.parse(frame) as {
      type?: string;
      payload?: { data?: Record<string, unknown>; errors?: unknown[] };
    };
    return (
      message.type === 'next' &&
      !message.payload?.errors &&
      !!message.payload?.data &&
      complete(message.payload.data)
    );
  });
}
