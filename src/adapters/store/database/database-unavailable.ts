/**
 * The database server could not be reached or ended the session: it is restarting, shutting down, refusing
 * connections, or the network to it is gone. Not the statement's fault; the same work succeeds once it is back.
 * The HTTP adapter answers it with 503 and Retry-After instead of a server error.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';

  constructor(cause: unknown) {
    super('database unavailable', { cause });
  }
}

/**
 * SQLSTATEs of a server that is away rather than a statement that is wrong: class 08 (connection exception),
 * 57P01 admin_shutdown (a fast or immediate stop ends every session), 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up, shutting down, in recovery) and 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(?:08[0-9A-Z]{3}|57P0[123]|53300)$/;
/** Socket errors on the way to the server. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * node-postgres says these in words only: the connection ended, the pool gave up waiting for a connection, a
 * connection attempt timed out, a dead client.
 */
const UNAVAILABLE_DRIVER_MESSAGES = [
  /^Connection terminated\b/,
  /^timeout exceeded when trying to connect$/,
  /^timeout expired$/,
  /is not queryable$/,
];

/** Whether an error of node-postgres (or of the socket under it) means the server is away. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  if (UNAVAILABLE_DRIVER_MESSAGES.some((m) => m.test(error.message))) return true;
  // Connecting to a name with several addresses fails with one error per address.
  if (error instanceof AggregateError && error.errors.some(isConnectionFailure)) return true;
  return error.cause !== undefined && isConnectionFailure(error.cause);
}

/** The error as thrown to callers: a connection failure becomes a DatabaseUnavailableError, others stay as they are. */
export function asDatabaseError(error: unknown): unknown {
  return error instanceof DatabaseUnavailableError || !isConnectionFailure(error)
    ? error
    : new DatabaseUnavailableError(error);
}

/** Whether the error, or one it was caused by, is a DatabaseUnavailableError. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 10; e = e.cause, depth += 1) {
    if (e instanceof DatabaseUnavailableError) return true;
  }
  return false;
}
