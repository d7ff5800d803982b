import type { WebSocket } from 'ws';

/** Frames kept per payload: subscribers whose subscription ids agree (the same head) share one. */
const MAX_KEPT_FRAMES = 256;
const CLOSING_BRACE = 0x7d;

/**
 * A payload serialized once for every subscriber it goes to, with its WebSocket text frames: a `next` message
 * is the subscriber's own head (its subscription id), the payload, and a closing brace, so the payload is
 * encoded to bytes once and each distinct head's frame is built once.
 */
export class SharedPayload {
  private bytes: Buffer | null = null;
  private readonly frames = new Map<string, Buffer>();

  constructor(readonly json: string) {}

  /** The unmasked, final text frame (RFC 6455 §5.2) of `${head}${json}}`. */
  frame(head: string): Buffer {
    const kept = this.frames.get(head);
    if (kept) return kept;
    this.bytes ??= Buffer.from(this.json);
    const length = Buffer.byteLength(head) + this.bytes.length + 1;
    const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(headerLength + length);
    frame[0] = 0x81; // FIN, text
    if (length < 126) {
      frame[1] = length;
    } else if (length < 65_536) {
      frame[1] = 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    let at = headerLength + frame.write(head, headerLength);
    at += this.bytes.copy(frame, at);
    frame[at] = CLOSING_BRACE;
    if (this.frames.size < MAX_KEPT_FRAMES) this.frames.set(head, frame);
    return frame;
  }
}

/** ws keeps the TCP socket it frames onto here; it is not part of its typed API. */
type WithRawSocket = { _socket?: { write(chunk: Buffer): boolean } };

/**
 * Writes a complete frame onto the socket under the WebSocket. Without extensions (no permessage-deflate) ws's
 * sender writes each message straight through in order, so a frame written beside it keeps that order; this
 * saves ws framing and encoding the same message again for each of thousands of sockets. With an extension
 * negotiated, the message goes through ws.
 */
export function sendFrame(socket: WebSocket, payload: SharedPayload, head: string): void {
  const raw = (socket as unknown as WithRawSocket)._socket;
  if (socket.extensions === '' && raw) raw.write(payload.frame(head));
  else socket.send(`${head}${payload.json}}`);
}
