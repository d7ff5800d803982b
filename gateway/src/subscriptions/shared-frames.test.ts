import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { SharedPayload, sendFrame } from './shared-frames';

const head = (id: string) => `{"id":${JSON.stringify(id)},"type":"next","payload":`;
const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((r) => server.close(r));
  }
});

/** A real ws client connected to a ws server; returns the server's side and the client's received messages. */
async function connected(perMessageDeflate: boolean) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  servers.push(server);
  await once(server, 'listening');
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, {
    perMessageDeflate,
  });
  const [socket] = (await once(server, 'connection')) as [WebSocket];
  await once(client, 'open');
  const received: string[] = [];
  client.on('message', (data) => received.push(data.toString()));
  return { socket, received };
}

describe('shared frames', () => {
  // below 126 bytes, below 64 KiB and beyond: the three length encodings of RFC 6455, and non-ASCII text
  const payloads = [
    { data: { n: 1 } },
    { data: { title: '서울 '.repeat(200) } },
    { data: { text: 'x'.repeat(70_000) } },
  ].map((p) => JSON.stringify(p));

  it('writes frames a WebSocket client reads as the whole message, in order with ws.send', async () => {
    const { socket, received } = await connected(false);
    expect(socket.extensions).toBe('');
    const expected: string[] = [];
    for (const json of payloads) {
      const payload = new SharedPayload(json);
      for (const id of ['1', 'b2f6c1e0-0000-4000-8000-000000000000', '1']) {
        sendFrame(socket, payload, head(id));
        expected.push(`${head(id)}${json}}`);
      }
      socket.send('between');
      expected.push('between');
    }
    await expect.poll(() => received.length).toBe(expected.length);
    expect(received).toEqual(expected);
  });

  it('builds a frame once per head and payload', () => {
    const payload = new SharedPayload('{"data":{}}');
    expect(payload.frame(head('1'))).toBe(payload.frame(head('1')));
    expect(payload.frame(head('2'))).not.toBe(payload.frame(head('1')));
  });

  it('sends through ws when an extension (permessage-deflate) was negotiated', async () => {
    const { socket, received } = await connected(true);
    expect(socket.extensions).toContain('permessage-deflate');
    const json = payloads[1]!;
    sendFrame(socket, new SharedPayload(json), head('1'));
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toBe(`${head('1')}${json}}`);
  });
});
