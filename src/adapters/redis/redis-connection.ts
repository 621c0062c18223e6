import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  DisconnectsClientError,
  ErrorReply,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
  TimeoutReadError,
} from '@redis/client';
import type { Logger } from 'pino';

export type RedisClient = ReturnType<typeof newClient>;

/**
 * One connection to the Redis that holds the state several nodes share but nobody stores (presence, the notified
 * phones, rate limits). Commands fail fast while Redis is unreachable (no offline queue, a command deadline), so
 * a caller can degrade instead of waiting; the client reconnects by itself.
 */
export interface RedisConnection {
  readonly client: RedisClient;
  /** A key under this system's prefix (nodes of one cluster share it). */
  key(...parts: readonly string[]): string;
  /**
   * Runs `command`; when Redis cannot be reached, answers `fallback` instead. The first failure of an outage is
   * logged as a warning, the return as info; every fallback is counted.
   */
  attempt<T>(what: string, command: (client: RedisClient) => Promise<T>, fallback: T): Promise<T>;
  /** How many answers were a fallback because Redis could not be reached, since the start. */
  fallbacks(): number;
  close(): Promise<void>;
}

/** A command that has no answer by then counts as failed (a Redis that hangs is as good as one that is down). */
const COMMAND_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect at once, then back off to this. */
const MAX_RECONNECT_DELAY_MS = 1_000;
/** Tries to reach Redis at the start before giving up. */
const START_ATTEMPTS = 3;

export async function openRedis(options: {
  readonly url: string;
  readonly keyPrefix: string;
  readonly logger: Logger;
}): Promise<RedisConnection> {
  const log = options.logger;
  let started = false;
  // At the start a Redis that cannot be reached is an error (the persistence check needs it); later it is an outage.
  const client = newClient(options.url, (retries, cause) =>
    !started && retries >= START_ATTEMPTS ? cause : Math.min(retries * 100, MAX_RECONNECT_DELAY_MS),
  );
  let reachable = true;
  let fallbacks = 0;
  const lost = (what: string, error: unknown) => {
    if (!reachable) return;
    reachable = false;
    log.warn(
      { err: error, what },
      'redis unreachable: presence, notified phones and rate limits degrade until it is back',
    );
  };
  // The client reports every failed reconnect here; without a listener an 'error' event would end the process.
  client.on('error', (error: unknown) => lost('connection', error));
  client.on('ready', () => {
    if (reachable) return;
    reachable = true;
    log.info({ fallbacks }, 'redis reachable again');
  });
  await client.connect();
  started = true;

  return {
    client,
    key: (...parts) => `${options.keyPrefix}${parts.join(':')}`,
    async attempt(what, command, fallback) {
      try {
        return await command(client);
      } catch (error) {
        // Not a reachability problem (a bug in a script, a wrong type): that is no outage to hide.
        if (!isUnreachable(error)) throw error;
        lost(what, error);
        fallbacks += 1;
        return fallback;
      }
    },
    fallbacks: () => fallbacks,
    async close() {
      if (client.isOpen) await client.close();
    },
  };
}

function newClient(url: string, reconnectStrategy: (retries: number, cause: Error) => number | Error) {
  return createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS, rejectInFlight: true },
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy },
  });
}

/**
 * A failure of the connection, not of the command: Redis is down, restarting, or hangs past the deadline. An
 * error reply is a broken command (a bug), except the replies of a Redis that is starting or busy.
 */
function isUnreachable(error: unknown): boolean {
  if (error instanceof ErrorReply) return /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN)\b/.test(error.message);
  if (CONNECTION_ERRORS.some((kind) => error instanceof kind)) return true;
  // A socket error of Node's (ECONNREFUSED, ECONNRESET, …) passed on by the client.
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E');
}

const CONNECTION_ERRORS = [
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
  TimeoutError,
  TimeoutReadError,
];
