import { createServer, type Server } from 'node:net';

/**
 * A proxy that refuses everything: Chromium's fallback route for any connection request interception does not
 * serve. It accepts on loopback and closes at once, so no byte reaches any other address.
 */
export class RefusingProxy {
  private server: Server | null = null;

  async start(): Promise<string> {
    if (this.server) return this.address(this.server);
    const server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this.address(server);
  }

  private address(server: Server): string {
    const { port } = server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
