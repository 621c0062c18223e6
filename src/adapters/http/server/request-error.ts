/** A field of the request that is wrong, with a Dutch message (RFC 9457 extension `errors`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * What the HTTP adapter itself refuses before or beside any use case: requests it cannot read, credentials,
 * uploads, limits. Together with AppError these are every code the problem table answers.
 */
export type RequestError =
  | { readonly code: 'request.invalid'; readonly reason: 'fields'; readonly errors: readonly FieldError[] }
  /** A body or URL the server could not parse; `status` is the 4xx Fastify chose. */
  | { readonly code: 'request.invalid'; readonly reason: 'unreadable'; readonly status: number }
  /** The console's place search: nothing to search for, or too much. */
  | { readonly code: 'request.invalid'; readonly reason: 'address' }
  | { readonly code: 'request.not-found' }
  | { readonly code: 'request.too-large' }
  | { readonly code: 'request.unsupported-media-type'; readonly expected: 'json' | 'csv' }
  | { readonly code: 'request.rate-limited'; readonly retryAfterSeconds: number }
  /** A limit that fails closed (tips, mail answers) could not count: its shared store (Redis) is unreachable. */
  | { readonly code: 'request.rate-limit-unavailable'; readonly retryAfterSeconds: number }
  /** A staff member with `limit` event streams open already (staff-event-streams.ts). */
  | { readonly code: 'request.too-many-streams'; readonly limit: number }
  | { readonly code: 'server.internal' }
  | { readonly code: 'server.unavailable' }
  /** The database server cannot be reached (restarting, refusing connections): nothing was done; ask again later. */
  | { readonly code: 'server.database-unavailable'; readonly retryAfterSeconds: number }
  | { readonly code: 'auth.csrf' }
  | {
      readonly code: 'auth.unauthenticated';
      readonly expected: 'token' | 'session-or-token';
      readonly realm: 'burgernet' | 'burgernet-call-routing';
    }
  /** A known API token past its expiry (chosen when it was made). */
  | {
      readonly code: 'auth.token-expired';
      readonly expiredAt: Date;
      readonly realm: 'burgernet';
    }
  /** A refusal by role (route-permissions.ts), before any handler ran. */
  | { readonly code: 'auth.forbidden'; readonly refusedBy: 'role' }
  | { readonly code: 'upload.not-multipart' }
  | { readonly code: 'upload.malformed' }
  /** `problem`: the CSV reader's sentence (from the catalogue), naming the columns or the limit. */
  | { readonly code: 'relatiebeheer.import-unreadable'; readonly problem: string };
