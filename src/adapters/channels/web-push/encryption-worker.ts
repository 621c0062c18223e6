import { parentPort } from 'node:worker_threads';
import { encryptPush } from './push-encryption.js';

/** A batch of phones' keys (p256dh, auth, p256dh, auth…) and the one payload they all get. */
export interface EncryptionRequest {
  readonly id: number;
  readonly payload: Uint8Array;
  readonly keys: readonly string[];
}

/** The bodies end to end in one buffer (transferred, not copied), with their lengths. */
export type EncryptionResponse =
  | { readonly id: number; readonly packed: Uint8Array; readonly lengths: Uint32Array }
  | { readonly id: number; readonly error: string };

const port = parentPort;
if (port === null) throw new Error('encryption-worker runs as a worker thread');

port.on('message', (request: EncryptionRequest) => {
  try {
    const payload = Buffer.from(request.payload.buffer, request.payload.byteOffset, request.payload.byteLength);
    const count = request.keys.length / 2;
    const bodies: Buffer[] = [];
    const lengths = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const body = encryptPush(request.keys[2 * i]!, request.keys[2 * i + 1]!, payload);
      bodies.push(body);
      lengths[i] = body.length;
    }
    // A fresh buffer of its own: the bodies may sit in Node's shared pool, which must not be transferred.
    const packed = new Uint8Array(Buffer.concat(bodies));
    const response: EncryptionResponse = { id: request.id, packed, lengths };
    port.postMessage(response, [packed.buffer]);
  } catch (error) {
    const response: EncryptionResponse = {
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(response);
  }
});
port.postMessage({ ready: true });
