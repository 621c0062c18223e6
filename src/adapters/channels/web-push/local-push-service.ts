import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { MAX_PUSH_BODY_BYTES } from './push-encryption.js';
import {
  SimulatedPhones,
  type PushServiceFault,
  type PushSubscriptionJson,
  type ReceivedPush,
} from './simulated-phones.js';
import { checkVapidAuthorization } from './vapid-token-check.js';

export type { PushServiceFault, PushSubscriptionJson, ReceivedPush } from './simulated-phones.js';

export interface LocalPushServiceOptions {
  readonly host?: string;
  /** 0 (the default): any free port. */
  readonly port?: number;
  /**
   * 'all' decrypts every message as its phone would (tests, demo); 'none' only checks and accepts, as a real
   * push service does (it cannot read them); a number decrypts every n-th (a benchmark's sample).
   */
  readonly decrypt?: 'all' | 'none' | number;
  /** Keep each phone's last messages (the demo lists them; a benchmark does not). */
  readonly keepMessages?: boolean;
  readonly logger?: Logger;
}

export interface LocalPushServiceStats {
  readonly accepted: number;
  readonly refused: number;
  readonly firstAcceptedAt: number | null;
  readonly lastAcceptedAt: number | null;
  /** Distinct VAPID tokens whose signature was checked (the same token is checked once). */
  readonly tokensVerified: number;
  readonly decrypted: number;
  readonly decryptFailures: number;
}

export interface LocalPushService {
  /** e.g. http://127.0.0.1:40123: the endpoints' origin and the VAPID audience. */
  readonly origin: string;
  /** A simulated phone subscribes (ECDH P-256 key pair and a 16-byte authentication secret). */
  createSubscription(options?: { readonly label?: string; readonly applicationServerKey?: string }): {
    readonly id: string;
    readonly subscription: PushSubscriptionJson;
  };
  /** Answer this subscription's messages with a fault from now on (null: normally again). */
  fail(subscriptionId: string, fault: PushServiceFault | null): void;
  /** Messages accepted for a subscription, oldest first (only with keepMessages). */
  received(subscriptionId: string): readonly ReceivedPush[];
  stats(): LocalPushServiceStats;
  /** Counts from zero again (a benchmark's next run). */
  resetStats(): void;
  /** Resolves once the predicate holds, checked at every accepted message; rejects after the timeout. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);
const TOPIC = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_JSON_BYTES = 16 * 1024;

/**
 * A push service on loopback: the receiving side of RFC 8030 with RFC 8292 VAPID checks, and the phones
 * behind it that decrypt (RFC 8291) what they get. Tests and the benchmark send to it; the demo's simulated
 * phones live in it. It can fail in named ways per subscription (410, 404, 429, 500).
 *
 *   POST /push/{id}                      a push message (RFC 8030 §5)
 *   POST /subscriptions {label?, applicationServerKey?, count?}   new simulated phones
 *   GET  /subscriptions                  the phones and how many messages each got
 *   GET  /subscriptions/{id}/messages    what a phone received, decrypted
 *   PUT  /subscriptions/{id}/fault       {kind, times?, retryAfterSeconds?} or null
 *   GET  /stats, POST /stats/reset
 */
export async function startLocalPushService(options: LocalPushServiceOptions = {}): Promise<LocalPushService> {
  const phones = new SimulatedPhones();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const verifiedTokens = new Map<string, number>();
  const decryptMode = options.decrypt ?? 'all';
  const keep = options.keepMessages ?? true;
  let origin = '';
  let accepted = 0;
  let refused = 0;
  let firstAcceptedAt: number | null = null;
  let lastAcceptedAt: number | null = null;
  let decrypted = 0;
  let decryptFailures = 0;
  let messageSeq = 0;

  const refuse = (res: ServerResponse, status: number, reason: string, headers: Record<string, string> = {}) => {
    refused += 1;
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(reason);
  };

  function vapidOf(
    req: IncomingMessage,
    applicationServerKey: string | null,
  ): { ok: true; token: string } | { ok: false; status: number; reason: string } {
    const header = req.headers.authorization;
    // A token checked before is not checked again (as a real push service caches): only its expiry counts.
    const tokenAndKey = header === undefined ? null : /^vapid t=([^,\s]+)\s*,\s*k=([A-Za-z0-9_-]+)$/.exec(header);
    let token = tokenAndKey?.[1] ?? '';
    let key = tokenAndKey?.[2] ?? '';
    if ((verifiedTokens.get(`${token} ${key}`) ?? 0) <= Date.now()) {
      const check = checkVapidAuthorization(header, origin, Date.now());
      if (!check.ok) return { ok: false, status: 401, reason: check.reason };
      verifiedTokens.set(`${check.token} ${check.publicKey}`, check.expiresAt);
      token = check.token;
      key = check.publicKey;
    }
    if (applicationServerKey !== null && key !== applicationServerKey) {
      return { ok: false, status: 403, reason: 'k is not the applicationServerKey the subscription was made with' };
    }
    return { ok: true, token };
  }

  async function onPush(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const body = await readBody(req, MAX_PUSH_BODY_BYTES);
    const phone = phones.get(id);
    if (phone === undefined) return refuse(res, 404, 'no such subscription');
    const fault = phone.fault;
    if (fault !== null) {
      switch (fault.kind) {
        case 'gone':
          return refuse(res, 410, 'subscription expired');
        case 'not-found':
          return refuse(res, 404, 'no such subscription');
        case 'throttled':
        case 'server-error':
          if (fault.times > 0) {
            phone.fault = fault.times > 1 ? { ...fault, times: fault.times - 1 } : null;
            return fault.kind === 'throttled'
              ? refuse(res, 429, 'slow down', { 'retry-after': String(fault.retryAfterSeconds) })
              : refuse(res, 500, 'internal error');
          }
          phone.fault = null;
          break;
      }
    }
    if (body === null) return refuse(res, 413, `more than ${MAX_PUSH_BODY_BYTES} bytes`);
    const vapid = vapidOf(req, phone.applicationServerKey);
    if (!vapid.ok) return refuse(res, vapid.status, vapid.reason);
    const ttlHeader = req.headers.ttl;
    if (typeof ttlHeader !== 'string' || !/^\d+$/.test(ttlHeader))
      return refuse(res, 400, 'TTL header missing or not a number (RFC 8030 §5.2)');
    const urgency = req.headers.urgency ?? 'normal';
    if (typeof urgency !== 'string' || !URGENCIES.has(urgency))
      return refuse(res, 400, 'Urgency is not very-low, low, normal or high');
    const topic = req.headers.topic;
    if (topic !== undefined && (typeof topic !== 'string' || !TOPIC.test(topic)))
      return refuse(res, 400, 'Topic is not up to 32 base64url characters');
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(res, 400, 'Content-Encoding is not aes128gcm');

    accepted += 1;
    const now = Date.now();
    firstAcceptedAt ??= now;
    lastAcceptedAt = now;
    const decrypt = decryptMode === 'all' || (typeof decryptMode === 'number' && accepted % decryptMode === 0);
    const received = phones.receive(
      phone,
      { receivedAt: new Date(now), ttl: Number(ttlHeader), urgency, topic: topic ?? null, vapidToken: vapid.token },
      body,
      decrypt,
      keep,
    );
    if (decrypt) {
      if (received.decryptError === null) decrypted += 1;
      else decryptFailures += 1;
    }
    messageSeq += 1;
    res.writeHead(201, { location: `/message/${messageSeq}`, ttl: ttlHeader }).end();
    events.emit('accepted');
  }

  async function onControl(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    if (req.method === 'GET' && path === '/stats') return json(200, service.stats());
    if (req.method === 'POST' && path === '/stats/reset') {
      service.resetStats();
      return json(200, service.stats());
    }
    if (req.method === 'GET' && path === '/subscriptions') {
      return json(
        200,
        phones.list().map((p) => ({ id: p.id, label: p.label, messages: p.messages.length, fault: p.fault })),
      );
    }
    if (req.method === 'POST' && path === '/subscriptions') {
      const raw = await readBody(req, MAX_JSON_BYTES);
      const input = (raw === null || raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))) as {
        label?: string;
        applicationServerKey?: string;
        count?: number;
      };
      const count = Math.min(Math.max(1, Math.floor(input.count ?? 1)), 200_000);
      const created = Array.from({ length: count }, () =>
        service.createSubscription({
          ...(typeof input.label === 'string' ? { label: input.label } : {}),
          ...(typeof input.applicationServerKey === 'string'
            ? { applicationServerKey: input.applicationServerKey }
            : {}),
        }),
      );
      return json(201, { subscriptions: created });
    }
    const messages = /^\/subscriptions\/([0-9a-f-]{36})\/messages$/.exec(path);
    if (req.method === 'GET' && messages !== null) {
      const phone = phones.get(messages[1]!);
      return phone === undefined ? json(404, { error: 'no such subscription' }) : json(200, phone.messages);
    }
    const fault = /^\/subscriptions\/([0-9a-f-]{36})\/fault$/.exec(path);
    if (req.method === 'PUT' && fault !== null) {
      const raw = await readBody(req, MAX_JSON_BYTES);
      service.fail(fault[1]!, raw === null ? null : (JSON.parse(raw.toString('utf8')) as PushServiceFault | null));
      return json(200, { ok: true });
    }
    return json(404, { error: 'not found' });
  }

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const push = /^\/push\/([0-9a-f-]{36})$/.exec(path);
    const handled = req.method === 'POST' && push !== null ? onPush(req, res, push[1]!) : onControl(req, res, path);
    handled.catch((error: unknown) => {
      options.logger?.error({ err: error }, 'local push service request failed');
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;

  const service: LocalPushService = {
    origin,
    createSubscription: (o = {}) => phones.create(origin, o),
    fail(subscriptionId, fault) {
      const phone = phones.get(subscriptionId);
      if (phone === undefined) throw new Error(`no simulated subscription ${subscriptionId}`);
      phone.fault = fault;
    },
    received: (subscriptionId) => [...(phones.get(subscriptionId)?.messages ?? [])],
    stats: () => ({
      accepted,
      refused,
      firstAcceptedAt,
      lastAcceptedAt,
      tokensVerified: verifiedTokens.size,
      decrypted,
      decryptFailures,
    }),
    resetStats() {
      accepted = 0;
      refused = 0;
      firstAcceptedAt = null;
      lastAcceptedAt = null;
      decrypted = 0;
      decryptFailures = 0;
      verifiedTokens.clear();
    },
    waitFor(predicate, timeoutMs = 15_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          events.off('accepted', check);
          resolve();
        };
        const timer = setTimeout(() => {
          events.off('accepted', check);
          reject(new Error(`local push service: condition not met within ${timeoutMs} ms (${accepted} accepted)`));
        }, timeoutMs);
        events.on('accepted', check);
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return service;
}

/** The request body, or null when it is longer than `limit` (the rest is drained). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}
