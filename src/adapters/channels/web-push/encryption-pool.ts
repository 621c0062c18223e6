import { Worker } from 'node:worker_threads';
import type { PushTarget } from '../../../app/ports/push-channel.js';
import type { EncryptionRequest, EncryptionResponse } from './encryption-worker.js';
import { encryptPush } from './push-encryption.js';

const BOOT = new URL('./encryption-worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./encryption-worker.ts', import.meta.url).href;

/** Encrypts batches of messages: on worker threads, or on this thread when there are none. */
export interface PushEncryption {
  readonly threads: number;
  /** Starts the threads now rather than at the first batch (they take a few hundred milliseconds to load). */
  warmUp(): void;
  encrypt(targets: readonly PushTarget[], payload: Buffer): Promise<Buffer[]>;
  close(): Promise<void>;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  outstanding: number;
}

/**
 * Encryption is per phone (an ECDH agreement, HKDF and AES-GCM each) and costs about a quarter of a
 * millisecond: spread over worker threads it uses every core while the main thread only does HTTP.
 */
export function createPushEncryption(threads: number): PushEncryption {
  if (threads === 0) return onThisThread();
  const pending = new Map<
    number,
    { resolve: (bodies: Buffer[]) => void; reject: (error: Error) => void; worker: PoolWorker }
  >();
  let nextId = 1;
  let closed = false;

  // Started at the first fan-out: a process that never sends (most tests) starts no threads.
  let started: PoolWorker[] | null = null;
  const startWorker = (): PoolWorker => {
    const worker = new Worker(BOOT, { workerData: { entry: ENTRY } });
    let markReady: () => void = () => undefined;
    let failReady: (error: Error) => void = () => undefined;
    const entry: PoolWorker = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        failReady = reject;
      }),
      outstanding: 0,
    };
    worker.on('message', (message: EncryptionResponse | { ready: true }) => {
      if ('ready' in message) return markReady();
      const request = pending.get(message.id);
      if (request === undefined) return;
      pending.delete(message.id);
      entry.outstanding -= 1;
      if ('error' in message) return request.reject(new Error(`push encryption failed: ${message.error}`));
      request.resolve(unpack(message.packed, message.lengths));
    });
    const fail = (error: Error) => {
      failReady(error);
      for (const [id, request] of pending) {
        if (request.worker !== entry) continue;
        pending.delete(id);
        request.reject(error);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`push encryption worker exited with ${code}`));
    });
    // Callers that await `ready` get the failure; this handler only keeps an unawaited one from crashing the process.
    entry.ready.catch(() => 'reported to the callers');
    return entry;
  };

  return {
    threads,
    warmUp() {
      if (!closed) started ??= Array.from({ length: threads }, startWorker);
    },
    async encrypt(targets, payload) {
      if (closed) throw new Error('push encryption is closed');
      started ??= Array.from({ length: threads }, startWorker);
      const least = started.reduce((a, b) => (b.outstanding < a.outstanding ? b : a));
      await least.ready;
      const id = nextId++;
      const keys: string[] = [];
      for (const t of targets) keys.push(t.p256dh, t.auth);
      const request: EncryptionRequest = { id, payload: new Uint8Array(payload), keys };
      least.outstanding += 1;
      return new Promise<Buffer[]>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: least });
        least.worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      await Promise.all((started ?? []).map((w) => w.worker.terminate()));
      for (const request of pending.values()) request.reject(new Error('push encryption closed'));
      pending.clear();
    },
  };
}

function unpack(packed: Uint8Array, lengths: Uint32Array): Buffer[] {
  const all = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const bodies: Buffer[] = [];
  let offset = 0;
  for (const length of lengths) {
    bodies.push(all.subarray(offset, offset + length));
    offset += length;
  }
  return bodies;
}

function onThisThread(): PushEncryption {
  return {
    threads: 0,
    warmUp() {},
    async encrypt(targets, payload) {
      // Let responses and timers in between batches: a batch blocks this thread for a few milliseconds.
      await new Promise((resolve) => setImmediate(resolve));
      return targets.map((t) => encryptPush(t.p256dh, t.auth, payload));
    },
    async close() {},
  };
}
