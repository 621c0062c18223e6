import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../app/ports/clock.js';
import { parseReceivedPayload, type ReceivedPayload } from './received-payload.js';
import { verifyWebhook, type WebhookSecret, type WebhookVerificationFailure } from './standard-webhook-signature.js';

/** The ways the simulated partner fails, switchable while it runs (jasmin's SMSC simulators, for webhooks). */
export type PartnerFault = 'down' | 'error-500' | 'throttle-429' | 'reject-400' | 'gone-410' | 'slow' | 'redirect-302';
export type PartnerBehaviour = 'healthy' | PartnerFault;
export type PartnerRefusal = WebhookVerificationFailure | 'invalid-payload';

/** Every request that reached the partner, with its answer; headers and body as they arrived, to replay one. */
export interface SimulatedDelivery {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly status: number;
}

/** An event the partner took in (after its signature, timestamp and payload checked out), first time only. */
export interface ReceivedEvent {
  readonly webhookId: string;
  readonly webhookTimestamp: number;
  readonly body: string;
  readonly payload: ReceivedPayload;
}

export interface PartnerWebhookSimulatorOptions {
  readonly secrets: readonly WebhookSecret[];
  readonly toleranceSeconds?: number;
  readonly host?: string;
  readonly port?: number;
  /** The partner's clock, for the timestamp check; the real time when absent. */
  readonly clock?: Clock;
  /** The Retry-After of `throttle-429`. */
  readonly retryAfterSeconds?: number;
  /** How long `slow` holds an answer: longer than the sender's timeout. */
  readonly slowMs?: number;
}

export interface PartnerWebhookSimulator {
  /** Where the partner receives webhooks. */
  readonly url: string;
  readonly port: number;
  readonly events: readonly ReceivedEvent[];
  readonly deliveries: readonly SimulatedDelivery[];
  /** 401s and 400s by reason. */
  readonly refusals: ReadonlyMap<PartnerRefusal, number>;
  /** Repeats of a webhook-id already taken in, answered 200 and dropped. */
  readonly duplicates: number;
  /** TCP connections accepted since the start. */
  readonly connections: number;
  behave(behaviour: PartnerBehaviour): Promise<void>;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const SIMULATOR_WEBHOOK_PATH = '/webhooks/burgernet';
/** Where `redirect-302` points; a sender that followed would find a partner there that answers 200. */
export const SIMULATOR_MOVED_PATH = '/webhooks/moved';
const MAX_BODY_BYTES = 1024 * 1024;

/** A partner's webhook receiver on loopback: verifies like a real one (spec and reference libraries), keeps what it got. */
export async function startPartnerWebhookSimulator(
  options: PartnerWebhookSimulatorOptions,
): Promise<PartnerWebhookSimulator> {
  const clock = options.clock ?? { now: () => new Date() };
  const events: ReceivedEvent[] = [];
  const deliveries: SimulatedDelivery[] = [];
  const refusals = new Map<PartnerRefusal, number>();
  const seen = new Set<string>();
  const slowAnswers = new Set<NodeJS.Timeout>();
  let behaviour: PartnerBehaviour = 'healthy';
  let duplicates = 0;
  let connections = 0;
  /** The faults that answer without looking at the message, as a gateway in front of the partner would. */
  const faultAnswers: Readonly<
    Record<PartnerBehaviour, { readonly status: number; readonly headers?: Record<string, string> } | null>
  > = {
    healthy: null,
    down: null,
    slow: null,
    'error-500': { status: 500 },
    'reject-400': { status: 400 },
    'gone-410': { status: 410 },
    'throttle-429': { status: 429, headers: { 'retry-after': String(options.retryAfterSeconds ?? 1) } },
    'redirect-302': { status: 302, headers: { location: SIMULATOR_MOVED_PATH } },
  };

  const server = createServer((request, response) => {
    readBody(request)
      .then(
        (body) => handle(request, body, response),
        () => answer(request, '', response, 413),
      )
      .catch((error: unknown) => response.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  server.on('connection', () => (connections += 1));

  function record(request: IncomingMessage, body: string, status: number): void {
    const received = Object.fromEntries(
      Object.entries(request.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    );
    deliveries.push({ path: request.url ?? '', headers: received, body, status });
  }

  function answer(
    request: IncomingMessage,
    body: string,
    response: ServerResponse,
    status: number,
    headers: Record<string, string> = {},
  ): void {
    record(request, body, status);
    response.writeHead(status, { 'content-length': '0', ...headers }).end();
  }

  function refuse(
    request: IncomingMessage,
    body: string,
    response: ServerResponse,
    status: number,
    reason: PartnerRefusal,
  ): void {
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
    answer(request, body, response, status);
  }

  function handle(request: IncomingMessage, body: string, response: ServerResponse): void {
    if (request.method !== 'POST') return answer(request, body, response, 405, { allow: 'POST' });
    if (request.url === SIMULATOR_MOVED_PATH) return answer(request, body, response, 200);
    if (request.url !== SIMULATOR_WEBHOOK_PATH) return answer(request, body, response, 404);
    const fault = faultAnswers[behaviour];
    if (fault !== null) return answer(request, body, response, fault.status, fault.headers);
    const verified = verifyWebhook(request.headers, body, options.secrets, clock.now(), options.toleranceSeconds);
    if (!verified.ok) return refuse(request, body, response, 401, verified.failure);
    const payload = parseReceivedPayload(body);
    if (payload === null || payload.data.eventId !== verified.id)
      return refuse(request, body, response, 400, 'invalid-payload');
    if (seen.has(verified.id)) duplicates += 1;
    else {
      seen.add(verified.id);
      events.push({ webhookId: verified.id, webhookTimestamp: verified.timestamp, body, payload });
    }
    if (behaviour !== 'slow') return answer(request, body, response, 200);
    // Processed, but answered too late: the sender gives up, and its retry arrives as a duplicate.
    record(request, body, 200);
    const timer = setTimeout(() => {
      slowAnswers.delete(timer);
      response.writeHead(200, { 'content-length': '0' }).end();
    }, options.slowMs ?? 60_000);
    slowAnswers.add(timer);
    response.on('close', () => {
      clearTimeout(timer);
      slowAnswers.delete(timer);
    });
  }

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, options.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const timer of slowAnswers) clearTimeout(timer);
      slowAnswers.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  let port = options.port ?? 0;
  await listen();
  port = (server.address() as AddressInfo).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}${SIMULATOR_WEBHOOK_PATH}`;

  return {
    url,
    port,
    events,
    deliveries,
    refusals,
    get duplicates() {
      return duplicates;
    },
    get connections() {
      return connections;
    },
    async behave(next) {
      const wasDown = behaviour === 'down';
      behaviour = next;
      // Down means no one listens: connections are refused, not answered. Up again on the same port.
      if (next === 'down' && !wasDown) await stop();
      if (next !== 'down' && wasDown) await listen();
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('partner webhook simulator: condition not met in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      if (behaviour !== 'down') await stop();
    },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
